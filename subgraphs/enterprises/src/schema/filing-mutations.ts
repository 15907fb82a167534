import {
  confirmedJobRoleMappingsOf,
  dictionaryFacts,
  enterpriseSpecifications,
  enterprises,
  filingAttachments,
  filingScopes,
  filingServedParties,
  filings,
  filingTransitions,
  isUuid,
  keysetPage,
  refuseAll,
  type Tx,
  transact,
} from '@hub/db';
import {
  access,
  type Claims,
  canReach,
  forwardConnection,
  hubError,
  type Refusal,
  reachOf,
  refuse,
} from '@hub/platform';
import { isPrefectureCode } from '@hub/vocabulary';
import { and, desc, eq, inArray, isNotNull, like, type SQL, sql } from 'drizzle-orm';
import { builder, type Context, UserError } from '../builder.ts';
import type { FilingRow } from '../loaders.ts';

import { type FilingContent, filingContentRefusals, submissionRefusals } from '../rules/filing-input.ts';
import { type ScopeRowInput, scopeRefusals } from '../rules/scope.ts';
import { editRefusal, isRefusal, mayActForEnterprise, review } from '../rules/workflow.ts';
import { EvaluationBasis, FilingKind, FilingStatus, ReviewDecision, ServedPartyKind } from './enums.ts';
import { Filing } from './filing.ts';

const FilingScopeRowInput = builder.inputType('FilingScopeRowInput', {
  description: 'One row of 二、申请开展自主评价的职业（工种）.',
  fields: (t) => ({
    occupationCode: t.field({
      type: 'OccupationCode',
      required: true,
      description: '职业编码 of a 职业 in the dictionary',
    }),
    workTypeCode: t.field({
      type: 'OccupationCode',
      required: false,
      description: '工种编码, required when the occupation has work types',
    }),
    levels: t.intList({ required: true, description: '级别: 5 (五级/初级工) … 1 (一级/高级技师)' }),
    basis: t.field({ type: EvaluationBasis, required: true, description: '评价依据' }),
    specificationId: t.id({
      required: false,
      description: 'The approved 企业评价规范, when the basis is ENTERPRISE_SPECIFICATION',
    }),
    jobRoleName: t.string({
      required: false,
      description: 'The enterprise’s own job role mapped to this occupation (相邻相近原则)',
    }),
  }),
});

const ServedPartyInput = builder.inputType('ServedPartyInput', {
  description: 'A partner a 社会评价组织 serves.',
  fields: (t) => ({
    creditCode: t.field({ type: 'CreditCode', required: true, description: '统一社会信用代码' }),
    name: t.string({ required: true, description: '名称' }),
    kind: t.field({ type: ServedPartyKind, required: true, description: '类型' }),
  }),
});

const AttachmentInput = builder.inputType('FilingAttachmentInput', {
  description: 'A document attached by reference.',
  fields: (t) => ({
    title: t.string({ required: true, description: '附件名称' }),
    reference: t.string({ required: true, description: 'Document store id or URL' }),
  }),
});

const FilingInput = builder.inputType('FilingInput', {
  description:
    'The 备案申报表 beyond the enterprise’s basic facts. A draft may be incomplete; submission needs it whole and signed.',
  fields: (t) => ({
    kind: t.field({ type: FilingKind, required: true, description: '备案类型' }),
    teamDescription: t.string({ required: true, description: '三、评价团队专（兼）职人员构成' }),
    facilitiesDescription: t.string({ required: true, description: '四、评价场地、设备设施' }),
    systemsDescription: t.string({ required: true, description: '五、现行技能人才评价和薪酬制度' }),
    planDescription: t.string({ required: true, description: '六、下阶段评价工作计划与待遇落实措施' }),
    commitmentSigner: t.string({ required: false, description: '申请单位承诺: signed by' }),
    commitmentSignedOn: t.field({ type: 'Date', required: false, description: '申请单位承诺: signed on' }),
    serves: t.string({ required: false, description: 'For a 社会评价组织: whom it serves, in words' }),
    scope: t.field({ type: [FilingScopeRowInput], required: true, description: '二、申请开展自主评价的职业（工种）' }),
    servedParties: t.field({
      type: [ServedPartyInput],
      required: false,
      description: 'For a 社会评价组织: its partners',
    }),
    attachments: t.field({ type: [AttachmentInput], required: false, description: '附件' }),
  }),
});

export const FilingPayload = builder
  .objectRef<{ filing: FilingRow | null; errors: Refusal[] }>('FilingPayload')
  .implement({
    description: 'The filing after the change, or why it was refused (then nothing changed).',
    fields: (t) => ({
      filing: t.field({
        type: Filing,
        nullable: true,
        description: 'The filing as it now stands.',
        resolve: (p) => p.filing,
      }),
      errors: t.field({
        type: [UserError],
        description: 'Refusals; empty when the change was made.',
        resolve: (p) => p.errors,
      }),
    }),
  });

type FilingInputShape = typeof FilingInput.$inferInput;
const dateString = (d: Date | string | null | undefined) =>
  d == null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10);
const actorOf = (caller: Claims) => caller.sub ?? caller.role;

/** Checks and writes a filing's content (scope rows, partners, attachments), replacing what was there. */
async function writeContent(tx: Tx, filingId: string, enterpriseId: string, input: FilingInputShape, today: string) {
  const rows: ScopeRowInput[] = input.scope.map((r) => ({
    occupationCode: r.occupationCode,
    workTypeCode: r.workTypeCode ?? null,
    levels: r.levels,
    basis: r.basis,
    specificationId: r.specificationId == null ? null : String(r.specificationId),
    jobRoleName: r.jobRoleName?.trim() || null,
  }));
  const content = contentOf(input, rows.length);
  const refusals = filingContentRefusals(content, today);
  const dict = await dictionaryFacts(
    tx,
    rows.map((r) => r.occupationCode),
  );
  const specIds = rows.map((r) => r.specificationId).filter((id): id is string => !!id && isUuid(id));
  const specs = specIds.length
    ? await tx.select().from(enterpriseSpecifications).where(inArray(enterpriseSpecifications.id, specIds))
    : [];
  const roles = rows.map((r) => r.jobRoleName).filter((n): n is string => !!n);
  const mappings = roles.length ? await confirmedJobRoleMappingsOf(tx, enterpriseId, roles) : [];
  refusals.push(...scopeRefusals(rows, enterpriseId, dict, new Map(specs.map((s) => [s.id, s])), mappings));
  if (refusals.length) refuseAll(refusals);

  await tx.delete(filingScopes).where(eq(filingScopes.filingId, filingId));
  await tx.delete(filingServedParties).where(eq(filingServedParties.filingId, filingId));
  await tx.delete(filingAttachments).where(eq(filingAttachments.filingId, filingId));
  if (rows.length) {
    await tx.insert(filingScopes).values(
      rows.map((r) => ({
        filingId,
        occupationCode: r.occupationCode,
        occupationName: dict.occupations.get(r.occupationCode)?.name ?? r.occupationCode,
        workTypeCode: r.workTypeCode ?? null,
        workTypeName: dict.workTypes.get(r.occupationCode)?.find((w) => w.code === r.workTypeCode)?.name ?? null,
        levels: [...new Set(r.levels)].sort((a, b) => b - a),
        basis: r.basis,
        specificationId: r.specificationId ?? null,
        jobRoleName: r.jobRoleName ?? null,
      })),
    );
  }
  const parties = input.servedParties ?? [];
  if (parties.length)
    await tx.insert(filingServedParties).values(parties.map((p) => ({ filingId, ...p, name: p.name.trim() })));
  const attachments = input.attachments ?? [];
  if (attachments.length) await tx.insert(filingAttachments).values(attachments.map((a) => ({ filingId, ...a })));
}

function contentOf(input: FilingInputShape, scopeRows: number): FilingContent {
  return {
    kind: input.kind,
    teamDescription: input.teamDescription,
    facilitiesDescription: input.facilitiesDescription,
    systemsDescription: input.systemsDescription,
    planDescription: input.planDescription,
    commitmentSigner: input.commitmentSigner ?? null,
    commitmentSignedOn: dateString(input.commitmentSignedOn),
    serves: input.serves ?? null,
    servedParties: input.servedParties ?? [],
    attachments: input.attachments ?? [],
    scopeRows,
  };
}

const OPEN = ['DRAFT', 'SUBMITTED', 'CITY_REVIEWED', 'PROVINCE_REVIEWED', 'REJECTED'] as const;

/** Locks a filing and its enterprise for the rest of the transaction, and checks the version the caller saw. */
async function lockFiling(tx: Tx, id: string, expectedVersion: number | null | undefined) {
  if (!isUuid(id)) refuseAll([refuse('NOT_FOUND', 'no such filing', 'id')]);
  const [filing] = await tx.select().from(filings).where(eq(filings.id, id)).for('update');
  if (!filing) refuseAll([refuse('NOT_FOUND', 'no such filing', 'id')]);
  if (expectedVersion != null && expectedVersion !== filing.version) {
    refuseAll([
      refuse(
        'FILING_CHANGED',
        `the filing changed since you loaded it (version ${expectedVersion}, now ${filing.version}); reload and decide again`,
        'expectedVersion',
      ),
    ]);
  }
  const [enterprise] = await tx.select().from(enterprises).where(eq(enterprises.id, filing.enterpriseId)).for('update');
  if (!enterprise) refuseAll([refuse('NOT_FOUND', 'the filing’s enterprise is gone', 'id')]);
  return { filing, enterprise };
}

async function moveFiling(
  tx: Tx,
  filing: FilingRow,
  to: FilingRow['status'],
  { caller, clock }: Pick<Context, 'caller' | 'clock'>,
  opinion: string | null,
  extra: Partial<FilingRow> = {},
) {
  const now = clock.now();
  const [updated] = await tx
    .update(filings)
    .set({ ...extra, status: to, version: sql`${filings.version} + 1`, updatedAt: now })
    .where(eq(filings.id, filing.id))
    .returning();
  await tx.insert(filingTransitions).values({
    filingId: filing.id,
    fromStatus: filing.status,
    toStatus: to,
    actor: actorOf(caller),
    actorRole: caller.role,
    opinion,
    at: now,
  });
  return updated as FilingRow;
}

/** 6-digit institution code: the 市州's two digits and the next serial there (serialised per 市州). */
async function assignInstitutionCode(tx: Tx, enterpriseId: string, prefectureCode: string) {
  const prefix = prefectureCode.slice(2, 4);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`institution-code:${prefix}`}))`);
  const [row] = await tx
    .select({ max: sql<string | null>`max(${enterprises.institutionCode})` })
    .from(enterprises)
    .where(like(enterprises.institutionCode, `${prefix}%`));
  const next = Number(row?.max?.slice(2) ?? '0') + 1;
  const code = `${prefix}${String(next).padStart(4, '0')}`;
  await tx.update(enterprises).set({ institutionCode: code }).where(eq(enterprises.id, enterpriseId));
}

builder.mutationFields((t) => ({
  createFiling: t.field({
    type: FilingPayload,
    description:
      'Starts a filing (备案申报) as a draft for the calling enterprise; for an institution already in the catalog it is an amendment adding occupations or levels.',
    authScopes: access('Mutation.createFiling'),
    args: { input: t.arg({ type: FilingInput, required: true, description: 'The form.' }) },
    resolve: async (_root, { input }, ctx) => {
      const enterpriseId = ctx.caller.enterpriseId ?? '';
      const result = await transact(ctx.db, async (tx) => {
        const who = mayActForEnterprise(ctx.caller, enterpriseId);
        if (who) refuseAll([who]);
        const [enterprise] = await tx.select().from(enterprises).where(eq(enterprises.id, enterpriseId)).for('update');
        if (!enterprise) refuseAll([refuse('NOT_FOUND', 'the calling enterprise is not registered in the hub')]);
        if (enterprise.qualification === 'REVOKED') {
          refuseAll([
            refuse(
              'QUALIFICATION_REVOKED',
              '备案资质 has been revoked (取消备案资质): the enterprise may not file again',
            ),
          ]);
        }
        if (enterprise.qualification === 'SUSPENDED') {
          refuseAll([
            refuse('QUALIFICATION_SUSPENDED', 'the institution is suspended: no new filings until reinstated'),
          ]);
        }
        const [open] = await tx
          .select({ id: filings.id, status: filings.status })
          .from(filings)
          .where(and(eq(filings.enterpriseId, enterpriseId), inArray(filings.status, [...OPEN])))
          .limit(1);
        if (open) {
          refuseAll([
            refuse(
              'FILING_ALREADY_OPEN',
              `the enterprise already has a filing in progress (${open.status}); amend that one`,
            ),
          ]);
        }
        const [confirmed] = await tx
          .select({ id: filings.id })
          .from(filings)
          .where(
            and(eq(filings.enterpriseId, enterpriseId), eq(filings.kind, input.kind), isNotNull(filings.confirmedAt)),
          )
          .orderBy(desc(filings.confirmedAt))
          .limit(1);
        const [filing] = await tx
          .insert(filings)
          .values({
            enterpriseId,
            kind: input.kind,
            amendsFilingId: confirmed?.id ?? null,
            teamDescription: input.teamDescription,
            facilitiesDescription: input.facilitiesDescription,
            systemsDescription: input.systemsDescription,
            planDescription: input.planDescription,
            commitmentSigner: input.commitmentSigner?.trim() || null,
            commitmentSignedOn: dateString(input.commitmentSignedOn),
            serves: input.serves ?? null,
          })
          .returning();
        if (!filing) throw new Error('insert returned nothing');
        await writeContent(tx, filing.id, enterpriseId, input, ctx.clock.today());
        await tx.insert(filingTransitions).values({
          filingId: filing.id,
          fromStatus: null,
          toStatus: 'DRAFT',
          actor: actorOf(ctx.caller),
          actorRole: ctx.caller.role,
          opinion: confirmed ? '变更备案（增加职业或级别）' : null,
          at: ctx.clock.now(),
        });
        return filing;
      });
      return { filing: result.value, errors: result.errors };
    },
  }),
  updateFiling: t.field({
    type: FilingPayload,
    description: 'Replaces the content of a draft or rejected filing (the enterprise amends and may resubmit).',
    authScopes: access('Mutation.updateFiling'),
    args: {
      id: t.arg.id({ required: true, description: 'Filing id.' }),
      input: t.arg({ type: FilingInput, required: true, description: 'The whole form, as it should now read.' }),
      expectedVersion: t.arg.int({
        required: false,
        description: 'The version you saw; refused if the filing moved on since.',
      }),
    },
    resolve: async (_root, { id, input, expectedVersion }, ctx) => {
      const result = await transact(ctx.db, async (tx) => {
        const { filing, enterprise } = await lockFiling(tx, String(id), expectedVersion);
        const refusal = editRefusal(
          { ...filing, affiliation: enterprise.affiliation, prefectureCode: enterprise.prefectureCode },
          ctx.caller,
        );
        if (refusal) refuseAll([refusal]);
        if (input.kind !== filing.kind)
          refuseAll([refuse('KIND_FIXED', 'a filing’s kind cannot change; start another filing', 'kind')]);
        await writeContent(tx, filing.id, filing.enterpriseId, input, ctx.clock.today());
        const [updated] = await tx
          .update(filings)
          .set({
            teamDescription: input.teamDescription,
            facilitiesDescription: input.facilitiesDescription,
            systemsDescription: input.systemsDescription,
            planDescription: input.planDescription,
            commitmentSigner: input.commitmentSigner?.trim() || null,
            commitmentSignedOn: dateString(input.commitmentSignedOn),
            serves: input.serves ?? null,
            version: sql`${filings.version} + 1`,
            updatedAt: ctx.clock.now(),
          })
          .where(eq(filings.id, filing.id))
          .returning();
        return updated as FilingRow;
      });
      return { filing: result.value, errors: result.errors };
    },
  }),
  submitFiling: t.field({
    type: FilingPayload,
    description: 'Submits a complete, signed draft (or a rejected filing after amendment) for review.',
    authScopes: access('Mutation.submitFiling'),
    args: {
      id: t.arg.id({ required: true, description: 'Filing id.' }),
      expectedVersion: t.arg.int({
        required: false,
        description: 'The version you saw; refused if the filing moved on since.',
      }),
    },
    resolve: async (_root, { id, expectedVersion }, ctx) => {
      const result = await transact(ctx.db, async (tx) => {
        const { filing, enterprise } = await lockFiling(tx, String(id), expectedVersion);
        const refusal = editRefusal(
          { ...filing, affiliation: enterprise.affiliation, prefectureCode: enterprise.prefectureCode },
          ctx.caller,
        );
        if (refusal) refuseAll([refusal]);
        const [scope, parties] = await Promise.all([
          tx.select().from(filingScopes).where(eq(filingScopes.filingId, filing.id)),
          tx.select().from(filingServedParties).where(eq(filingServedParties.filingId, filing.id)),
        ]);
        const missing = submissionRefusals({
          ...filing,
          commitmentSignedOn: filing.commitmentSignedOn,
          servedParties: parties,
          attachments: [],
          scopeRows: scope.length,
        });
        // The dictionary and specifications may have changed since the draft was saved.
        const dict = await dictionaryFacts(
          tx,
          scope.map((s) => s.occupationCode),
        );
        const specIds = scope.map((s) => s.specificationId).filter((x): x is string => !!x);
        const specs = specIds.length
          ? await tx.select().from(enterpriseSpecifications).where(inArray(enterpriseSpecifications.id, specIds))
          : [];
        const roles = scope.map((r) => r.jobRoleName).filter((n): n is string => !!n);
        const mappings = roles.length ? await confirmedJobRoleMappingsOf(tx, filing.enterpriseId, roles) : [];
        missing.push(
          ...scopeRefusals(scope, filing.enterpriseId, dict, new Map(specs.map((s) => [s.id, s])), mappings),
        );
        if (missing.length) refuseAll(missing);
        return moveFiling(
          tx,
          filing,
          'SUBMITTED',
          ctx,
          filing.status === 'REJECTED' ? '修改后重新提交。' : '提交备案申报材料。',
          {
            submittedAt: ctx.clock.now(),
          },
        );
      });
      return { filing: result.value, errors: result.errors };
    },
  }),
  reviewFiling: t.field({
    type: FilingPayload,
    description:
      'Gives the reviewing authority’s opinion: the 市州 centre (own 市州, local enterprises), then the province centre, then the ministry’s 备案确认, which puts the institution in the catalog. REJECT needs reasons.',
    authScopes: access('Mutation.reviewFiling'),
    args: {
      id: t.arg.id({ required: true, description: 'Filing id.' }),
      decision: t.arg({ type: ReviewDecision, required: true, description: '同意 or 退回' }),
      opinion: t.arg.string({ required: false, description: '意见; required to reject' }),
      expectedVersion: t.arg.int({
        required: false,
        description: 'The version you saw; refused if the filing moved on since.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const opinion = args.opinion?.trim() || null;
      if (opinion && opinion.length > 2000) {
        return { filing: null, errors: [refuse('TOO_LONG', '意见 has at most 2000 characters', 'opinion')] };
      }
      const result = await transact(ctx.db, async (tx) => {
        const { filing, enterprise } = await lockFiling(tx, String(args.id), args.expectedVersion);
        const decided = review(
          { ...filing, affiliation: enterprise.affiliation, prefectureCode: enterprise.prefectureCode },
          ctx.caller,
          args.decision,
          opinion,
        );
        if (isRefusal(decided)) refuseAll([decided]);
        if (decided.to !== 'CONFIRMED') return moveFiling(tx, filing, decided.to, ctx, opinion);
        const now = ctx.clock.now();
        const moved = await moveFiling(tx, filing, 'CONFIRMED', ctx, opinion ?? '予以备案确认。', {
          confirmedAt: now,
        });
        if (!enterprise.institutionCode) await assignInstitutionCode(tx, enterprise.id, enterprise.prefectureCode);
        await tx
          .update(enterprises)
          .set({ qualification: 'CONFIRMED', qualifiedAt: enterprise.qualifiedAt ?? now, updatedAt: now })
          .where(eq(enterprises.id, enterprise.id));
        return moved;
      });
      return { filing: result.value, errors: result.errors };
    },
  }),
}));

builder.queryFields((t) => ({
  filing: t.field({
    type: Filing,
    nullable: true,
    description: 'One filing, if the caller may see it (its enterprise, or an authority over its 市州).',
    authScopes: access('Query.filing'),
    args: { id: t.arg.id({ required: true, description: 'Filing id.' }) },
    resolve: async (_root, args, ctx) => {
      const filing = await ctx.loaders.filingById.load(String(args.id));
      if (!filing) return null;
      const enterprise = await ctx.loaders.enterpriseById.load(filing.enterpriseId);
      return enterprise &&
        canReach(ctx.caller, { enterpriseId: enterprise.id, prefectureCode: enterprise.prefectureCode })
        ? filing
        : null;
    },
  }),
  filings: t.connection({
    type: Filing,
    description:
      'Filings the caller may see, ordered by id: a centre’s worklist (e.g. status SUBMITTED), an enterprise’s own.',
    authScopes: access('Query.filings'),
    args: {
      status: t.arg({
        type: FilingStatus,
        required: false,
        description: 'Only filings in this state, e.g. SUBMITTED.',
      }),
      prefecture: t.arg.string({ required: false, description: 'Only enterprises of this 市州 (6-digit code).' }),
    },
    resolve: (_root, args, ctx) => {
      if (args.prefecture != null && !isPrefectureCode(args.prefecture)) {
        throw hubError('BAD_USER_INPUT', `"${args.prefecture}" is not one of Hunan's 14 市州 codes`, {
          field: 'prefecture',
        });
      }
      const reach = reachOf(ctx.caller);
      const where: (SQL | undefined)[] = [];
      if (reach.kind === 'enterprise') where.push(eq(filings.enterpriseId, reach.enterpriseId));
      const prefectures = [reach.kind === 'prefecture' ? reach.prefecture : null, args.prefecture ?? null].filter(
        (p): p is string => !!p,
      );
      for (const p of prefectures) {
        where.push(
          inArray(
            filings.enterpriseId,
            ctx.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.prefectureCode, p)),
          ),
        );
      }
      if (args.status) where.push(eq(filings.status, args.status));
      return forwardConnection(
        args,
        (f: FilingRow) => f.id,
        (afterKey, limit) => keysetPage(ctx.db, filings, filings.id, { where, afterKey, limit }),
      );
    },
  }),
}));
