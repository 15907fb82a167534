import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgSchema,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** 企业与备案: enterprises, their filings (备案申报) and every workflow transition. */
export const enterpriseSchema = pgSchema('enterprise');

/** 企业性质 */
export const enterpriseNature = enterpriseSchema.enum('enterprise_nature', [
  'STATE_OWNED', // 国有
  'PRIVATE', // 民营
  'FOREIGN', // 外资
  'MIXED', // 混合所有制
  'OTHER', // 其他
]);

/** 隶属: a local enterprise files with its 市州 centre; 省属 and 中央在湘 go straight to the province. */
export const enterpriseAffiliation = enterpriseSchema.enum('enterprise_affiliation', [
  'LOCAL',
  'PROVINCIAL', // 省属企业
  'CENTRAL', // 中央在湘企业
]);

export const filingKind = enterpriseSchema.enum('filing_kind', [
  'ENTERPRISE_SELF_EVALUATION', // 企业自主评价
  'SOCIAL_EVALUATION_ORGANIZATION', // 社会评价组织
]);

export const filingStatus = enterpriseSchema.enum('filing_status', [
  'DRAFT',
  'SUBMITTED',
  'CITY_REVIEWED',
  'PROVINCE_REVIEWED',
  'CONFIRMED', // 人社部备案确认, in the catalog
  'REJECTED',
  'SUSPENDED',
  'REVOKED', // 取消备案资质
  'WITHDRAWN', // 撤回: the enterprise withdrew it before a decision
  'CANCELLED', // 注销: the enterprise gave its qualification up
]);

/** 申报途径: through the 市州 centre, or straight to the province centre (省属企业, or as the province records). */
export const filingRoute = enterpriseSchema.enum('filing_route', ['CITY', 'PROVINCE']);

/** Where the enterprise stands in the 全省技能人才自主评价机构目录, whatever filing is in review. */
export const qualificationStatus = enterpriseSchema.enum('qualification_status', [
  'NONE', // never confirmed
  'CONFIRMED', // in the catalog
  'SUSPENDED', // in the catalog, marked suspended by a supervision decision
  'REVOKED', // 取消备案资质: out of the catalog
  'CANCELLED', // 注销: given up by the enterprise, out of the catalog
]);

/** 企业评价规范 review state. */
export const specificationStatus = enterpriseSchema.enum('specification_status', ['SUBMITTED', 'APPROVED', 'REJECTED']);

/** 评价依据 */
export const evaluationBasis = enterpriseSchema.enum('evaluation_basis', [
  'NATIONAL_STANDARD', // 国家职业技能标准
  'ENTERPRISE_SPECIFICATION', // 企业评价规范
]);

export const enterprises = enterpriseSchema.table(
  'enterprises',
  {
    id: uuid().primaryKey().defaultRandom(),
    creditCode: char('credit_code', { length: 18 }).notNull(),
    name: text().notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    address: text().notNull(),
    phone: text().notNull(),
    registrationAuthority: text('registration_authority').notNull(),
    foundedOn: date('founded_on').notNull(),
    employeeCount: integer('employee_count').notNull(),
    skilledWorkerCount: integer('skilled_worker_count').notNull(),
    nature: enterpriseNature().notNull(),
    mainBusiness: text('main_business').notNull(),
    headName: text('head_name').notNull(),
    headPhone: text('head_phone').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactTitle: text('contact_title').notNull(),
    email: text().notNull(),
    prefectureCode: char('prefecture_code', { length: 6 }).notNull(),
    affiliation: enterpriseAffiliation().notNull().default('LOCAL'),
    /** The province recorded that this (中央在湘) enterprise may file straight with the province centre. */
    provinceRoute: boolean('province_route').notNull().default(false),
    /** While SUSPENDED: the last day of the suspension period (暂停期限) and why. */
    suspendedUntil: date('suspended_until'),
    suspensionReason: text('suspension_reason'),
    /** 6-digit institution code, assigned when the first filing is confirmed; part of certificate numbers. */
    institutionCode: char('institution_code', { length: 6 }),
    /** Catalog standing, kept in step with every filing transition and supervision decision. */
    qualification: qualificationStatus().notNull().default('NONE'),
    /** First 人社部备案确认: the date the catalog shows. */
    qualifiedAt: timestamp('qualified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_key').on(t.creditCode),
    uniqueIndex('enterprises_institution_code_key').on(t.institutionCode),
    index('enterprises_prefecture_idx').on(t.prefectureCode, t.id),
    index('enterprises_qualification_idx').on(t.qualification, t.prefectureCode, t.id),
    check('enterprises_skilled_le_employees', sql`${t.skilledWorkerCount} <= ${t.employeeCount}`),
  ],
);

export const filings = enterpriseSchema.table(
  'filings',
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    kind: filingKind().notNull(),
    status: filingStatus().notNull().default('DRAFT'),
    /** 申报途径: who gives the first opinion. */
    route: filingRoute().notNull().default('CITY'),
    /** An amendment (adding occupations or levels) names the filing it extends. */
    amendsFilingId: uuid('amends_filing_id'),
    /** For a 社会评价组织: the supply-chain enterprises, SMEs and partner schools it serves. */
    serves: text(),
    teamDescription: text('team_description').notNull().default(''), // 评价团队构成
    facilitiesDescription: text('facilities_description').notNull().default(''), // 场地设备
    systemsDescription: text('systems_description').notNull().default(''), // 评价和薪酬制度
    planDescription: text('plan_description').notNull().default(''), // 下阶段工作计划与待遇落实
    commitmentSigner: text('commitment_signer'), // 承诺 signed by
    commitmentSignedOn: date('commitment_signed_on'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** Optimistic-locking version: every transition bumps it. */
    version: integer().notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('filings_enterprise_idx').on(t.enterpriseId, t.createdAt), index('filings_status_idx').on(t.status)],
);

/** 申请开展自主评价的职业（工种）: one row per occupation (or work type) with its levels. */
export const filingScopes = enterpriseSchema.table(
  'filing_scopes',
  {
    id: uuid().primaryKey().defaultRandom(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    occupationCode: text('occupation_code').notNull(),
    occupationName: text('occupation_name').notNull(),
    workTypeCode: text('work_type_code'),
    workTypeName: text('work_type_name'),
    /** Skill levels 1 (一级/高级技师) … 5 (五级/初级工). */
    levels: smallint().array().notNull(),
    basis: evaluationBasis().notNull(),
    /** The enterprise's own job role (岗位), when mapped to this occupation by 相邻相近原则. */
    jobRoleName: text('job_role_name'),
    /** The approved 企业评价规范, when the basis is ENTERPRISE_SPECIFICATION. */
    specificationId: uuid('specification_id'),
  },
  (t) => [index('filing_scopes_filing_idx').on(t.filingId), index('filing_scopes_occupation_idx').on(t.occupationCode)],
);

/** Every workflow step of a filing: who, in which role, when, and why. */
export const filingTransitions = enterpriseSchema.table(
  'filing_transitions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    fromStatus: filingStatus('from_status'),
    toStatus: filingStatus('to_status').notNull(),
    actor: text().notNull(),
    actorRole: text('actor_role').notNull(),
    opinion: text(),
    /**
     * For a 社会评价组织 filing: the reviewer's opinion on its 龙头企业 grounds (审核意见 on the
     * industry position, the chain it leads and the evidence) and whether the grounds hold.
     */
    groundsAccepted: boolean('grounds_accepted'),
    groundsOpinion: text('grounds_opinion'),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('filing_transitions_filing_idx').on(t.filingId, t.at)],
);

/** How far the 龙头企业's industry position reaches (its reviewers weigh 「地方行业龙头企业」). */
export const leadingPositionScope = enterpriseSchema.enum('leading_position_scope', [
  'NATIONAL', // 全国
  'PROVINCIAL', // 全省
  'PREFECTURAL', // 市州
]);

/**
 * 龙头企业依据 of a 社会评价组织 filing (「地方行业龙头企业可另申请备案社会评价组织」): why the
 * enterprise qualifies — its industry and position there, the chain it leads — one row per filing;
 * the evidence is in `filing_grounds_evidence`. A draft may leave fields empty; submission needs them.
 */
export const filingLeadingGrounds = enterpriseSchema.table('filing_leading_grounds', {
  filingId: uuid('filing_id')
    .primaryKey()
    .references(() => filings.id, { onDelete: 'cascade' }),
  industry: text().notNull(), // 所属行业
  positionScope: leadingPositionScope('position_scope').notNull(), // 行业地位的范围
  industryPosition: text('industry_position').notNull(), // 行业地位: rank, share, output
  chainName: text('chain_name').notNull(), // 牵头的产业链
  chainRole: text('chain_role').notNull(), // 在产业链中的作用
});

/** 龙头企业依据的证明材料, by reference (document store id or URL); the hub keeps no files. */
export const filingGroundsEvidence = enterpriseSchema.table(
  'filing_grounds_evidence',
  {
    id: uuid().primaryKey().defaultRandom(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    reference: text().notNull(),
  },
  (t) => [index('filing_grounds_evidence_filing_idx').on(t.filingId)],
);

/** Whom a 社会评价组织 serves: partners identified by their 统一社会信用代码 (enterprises and schools alike). */
export const servedPartyKind = enterpriseSchema.enum('served_party_kind', [
  'SUPPLY_CHAIN', // 产业链供应链上下游企业
  'SME', // 中小微企业
  'SCHOOL', // 已签订校企合作协议的院校
]);

export const filingServedParties = enterpriseSchema.table(
  'filing_served_parties',
  {
    id: uuid().primaryKey().defaultRandom(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    creditCode: char('credit_code', { length: 18 }).notNull(),
    name: text().notNull(),
    kind: servedPartyKind().notNull(),
  },
  (t) => [
    uniqueIndex('filing_served_parties_filing_party_key').on(t.filingId, t.creditCode),
    index('filing_served_parties_credit_code_idx').on(t.creditCode),
  ],
);

/** Attachments of a filing, by reference (document store id or URL); the hub keeps no files. */
export const filingAttachments = enterpriseSchema.table(
  'filing_attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    reference: text().notNull(),
  },
  (t) => [index('filing_attachments_filing_idx').on(t.filingId)],
);

/** 企业评价规范: filed with the authorities before it may be the basis of a scope row. */
export const enterpriseSpecifications = enterpriseSchema.table(
  'enterprise_specifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    title: text().notNull(),
    occupationCode: text('occupation_code').notNull(),
    workTypeCode: text('work_type_code'),
    levels: smallint().array().notNull(),
    documentReference: text('document_reference').notNull(),
    status: specificationStatus().notNull().default('SUBMITTED'),
    reviewedBy: text('reviewed_by'),
    reviewOpinion: text('review_opinion'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enterprise_specifications_enterprise_idx').on(t.enterpriseId, t.createdAt)],
);

/**
 * 合作HR系统 API 凭证: a long-lived credential of one enterprise's partner HR system. Its id is
 * the token's `jti`; subgraphs look it up on every hr_partner request, so revocation is immediate.
 */
export const partnerCredentials = enterpriseSchema.table(
  'partner_credentials',
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    name: text().notNull(),
    canWrite: boolean('can_write').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by'),
    revokedReason: text('revoked_reason'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('partner_credentials_enterprise_idx').on(t.enterpriseId, t.id)],
);
