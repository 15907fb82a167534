import { access, canReach } from '@hub/platform';
import { builder, type Context, Prefecture } from '../builder.ts';
import { recordsPrefectureFor } from '../facts.ts';
import type { CertificateRow } from '../loaders.ts';
import { certificateListPages, enterpriseCertificatePages } from '../queries/pages.ts';
import { nationalUploadState, uploadDueOn } from '../rules/national-upload.ts';
import { countedConnection, TOTAL_COUNT_DESCRIPTION, totalOf } from './connection.ts';
import { CertificateStatus, NationalUploadFilter, NationalUploadState, SkillLevel } from './enums.ts';
import { objects } from './reach.ts';
import { EnterpriseRef, OccupationRef } from './refs.ts';

/** True when the caller may see this certificate at all (its enterprise, or an authority over its 市州). */
async function mayRead(c: CertificateRow, ctx: Context): Promise<boolean> {
  return canReach(ctx.caller, { enterpriseId: c.enterpriseId, prefectureCode: c.prefectureCode });
}

export const Certificate = builder.objectRef<CertificateRow>('Certificate').implement({
  description: '职业技能等级证书 issued by a filed enterprise.',
  fields: (t) => ({
    number: t.exposeString('number', { description: '证书编号 (22 characters)' }),
    level: t.field({ type: SkillLevel, description: '等级', resolve: (c) => c.level as 1 | 2 | 3 | 4 | 5 }),
    occupation: t.field({ type: OccupationRef, description: '职业', resolve: (c) => ({ code: c.occupationCode }) }),
    workTypeCode: t.field({
      type: 'OccupationCode',
      nullable: true,
      description: '工种编码, when the occupation has work types',
      resolve: (c) => c.workTypeCode,
    }),
    issuer: t.field({ type: EnterpriseRef, description: '发证企业', resolve: (c) => ({ id: c.enterpriseId }) }),
    prefecture: t.field({
      type: Prefecture,
      description: '市州 of the issuing institution on the day of issue (属地)',
      resolve: (c) => ({ code: c.prefectureCode }),
    }),
    holderName: t.exposeString('holderName', {
      description:
        '持证人姓名: in full for the issuing institution and the authorities over the 市州 of issue, masked (张*三) for others.',
    }),
    issuedOn: t.field({ type: 'Date', description: '发证日期', resolve: (c) => c.issuedOn }),
    status: t.field({ type: CertificateStatus, description: '状态', resolve: (c) => c.status }),
    revokedOn: t.field({ type: 'Date', nullable: true, description: '撤销日期', resolve: (c) => c.revokedOn }),
    uploadedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'When the data was uploaded to 技能人才评价证书全国联网查询系统.',
      resolve: (c) => c.uploadedOn,
    }),
    nationalUploadDueOn: t.field({
      type: 'Date',
      description:
        '证书数据上报期限: the last day to upload it to the national query system (HUB_NATIONAL_UPLOAD_DAYS after issue).',
      resolve: (c, _args, ctx) => uploadDueOn(c.issuedOn, ctx.nationalUploadDays),
    }),
    nationalUpload: t.field({
      type: NationalUploadState,
      description: '全国证书查询系统: uploaded, pending, overdue, or needing correction after a revocation.',
      resolve: (c, _args, ctx) => nationalUploadState(c, ctx.clock.today(), ctx.nationalUploadDays),
    }),
  }),
});

/**
 * A certificate is the issuing institution's record, in the 市州 of issue. Out of that reach — a
 * worker's certificates from other institutions, seen by the employer or a city authority — it
 * shows only what 证书查询 shows anyone: number, level, occupation, issuer, date and status, the
 * holder masked; nothing of the plan, the candidacy, the upload or a revocation.
 */
objects.rule(Certificate, {
  owner: (c) => ({ enterpriseId: c.enterpriseId, prefectureCode: c.prefectureCode }),
  publicFacts: [
    'number',
    'level',
    'occupation',
    'workTypeCode',
    'issuer',
    'prefecture',
    'issuedOn',
    'status',
    'uploaded',
    'holderName',
    'holderResidentId',
  ],
  personal: { holderName: 'name', holderResidentId: 'residentId' },
  subject: (c) => `certificate:${c.number}`,
});

builder.asEntity(Certificate, {
  key: builder.selection<{ number: string }>('number'),
  // Referenced from a supervision case: shown by its rule (public facts out of reach), never refused whole.
  resolveReference: (ref, ctx) => ctx.loaders.certificateByNumber.load(ref.number),
});

EnterpriseRef.implement({
  description: '企业 (owned by the enterprises subgraph); here: the certificates it issued.',
  externalFields: (t) => ({
    name: t.string({ description: '企业名称 (resolved by the enterprises subgraph; provided on 证书查询)' }),
  }),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for the enterprise.' }),
    certificates: t.connection(
      {
        type: Certificate,
        description:
          'Certificates this enterprise issued, by number: for the enterprise itself and the province all; for a city authority those issued in its 市州 (属地 on the day of issue, whatever the enterprise’s 市州 today).',
        authScopes: (e, _args, ctx) => recordsPrefectureFor(ctx, e.id) !== null,
        resolve: (e, args, ctx) =>
          countedConnection(
            args,
            (c: CertificateRow) => c.number,
            enterpriseCertificatePages(ctx, e.id, recordsPrefectureFor(ctx, e.id) ?? undefined),
          ),
      },
      { fields: (c) => ({ totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }) }) },
    ),
  }),
});

builder.queryFields((t) => ({
  certificate: t.field({
    type: Certificate,
    nullable: true,
    description: 'One certificate by number, if the caller may see it (its enterprise, or an authority over its 市州).',
    authScopes: access('Query.certificate'),
    args: { number: t.arg.string({ required: true, description: '证书编号' }) },
    resolve: async (_root, args, ctx) => {
      const c = await ctx.loaders.certificateByNumber.load(args.number.trim().toUpperCase());
      return c && (await mayRead(c, ctx)) ? c : null;
    },
  }),
  certificates: t.connection(
    {
      type: Certificate,
      description:
        'Certificates the caller may see, by number: an enterprise its own, a city centre its 市州, the province all.',
      authScopes: access('Query.certificates'),
      args: {
        occupationCode: t.arg({ type: 'OccupationCode', required: false, description: 'Only this occupation.' }),
        level: t.arg({ type: SkillLevel, required: false, description: 'Only this level.' }),
        nationalUpload: t.arg({
          type: NationalUploadFilter,
          required: false,
          description: 'Only those not uploaded, overdue, or needing correction in the national query system.',
        }),
      },
      resolve: (_root, args, ctx) =>
        countedConnection(args, (c: CertificateRow) => c.number, certificateListPages(ctx, args)),
    },
    { fields: (c) => ({ totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }) }) },
  ),
}));
