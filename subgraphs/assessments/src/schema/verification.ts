import { workTypeName } from '@hub/db';
import { access } from '@hub/platform';
import { maskName } from '@hub/vocabulary';
import type DataLoader from 'dataloader';
import { type GraphQLResolveInfo, Kind } from 'graphql';
import { builder } from '../builder.ts';
import type { VerifiedRow } from '../loaders.ts';
import { certificatesByIdentity } from '../queries/verification.ts';
import { normaliseHolderName, normaliseNumber } from '../rules/verification.ts';
import { CertificateStatus, SkillLevel } from './enums.ts';
import { EnterpriseRef, OccupationRef } from './refs.ts';

/**
 * An entity this subgraph provides the `name` of (@provides): the key, and the name when the query
 * asks for it (a fragment counts as asking): `known` when the certificate's own statement selected
 * it, else read through its owning domain's named function. A key
 * the owner does not know is an internal error, as it is when the owning subgraph answers null.
 */
async function provided<K extends object>(
  info: GraphQLResolveInfo,
  key: K,
  id: string,
  names: DataLoader<string, string | null>,
  known: string | null | undefined,
): Promise<K & { name: string }> {
  const asksName = info.fieldNodes.some((f) =>
    f.selectionSet?.selections.some((s) => s.kind !== Kind.FIELD || s.name.value === 'name'),
  );
  if (!asksName) return key as K & { name: string };
  const name = known === undefined ? await names.load(id) : known;
  if (name === null) throw new Error(`no name for ${info.returnType.toString()} ${id}`);
  return { ...key, name };
}

/**
 * 证书查询 (public): the facts a verifier may see of a certificate. A type of its own, not
 * `Certificate`, so the public surface cannot grow by accident: no resident ID, no revocation
 * reason, no plan, and the holder's name always masked.
 */
const VerifiedWorkType = builder.objectRef<{ code: string; name: string | null }>('VerifiedWorkType').implement({
  description: '工种 of a verified certificate.',
  fields: (t) => ({
    code: t.field({ type: 'OccupationCode', description: '工种编码', resolve: (w) => w.code }),
    name: t.string({ nullable: true, description: '工种名称', resolve: (w) => w.name }),
  }),
});

const VerifiedCertificate = builder.objectRef<VerifiedRow>('VerifiedCertificate').implement({
  description: '证书查询结果: the public facts of a certificate, the holder’s name masked (张*三).',
  fields: (t) => ({
    number: t.exposeString('number', { description: '证书编号' }),
    level: t.field({ type: SkillLevel, description: '等级', resolve: (c) => c.level as 1 | 2 | 3 | 4 | 5 }),
    occupation: t.field({
      type: OccupationRef.provides<{ name: string }>('name'),
      description: '职业 (its name answered here, not by the occupations subgraph)',
      resolve: (c, _a, ctx, info) =>
        provided(info, { code: c.occupationCode }, c.occupationCode, ctx.loaders.occupationName, c.occupationName),
    }),
    workType: t.field({
      type: VerifiedWorkType,
      nullable: true,
      description: '工种, when the certificate names one',
      resolve: async (c, _a, ctx) =>
        c.workTypeCode
          ? {
              code: c.workTypeCode,
              name:
                c.workTypeName !== undefined
                  ? c.workTypeName
                  : await ctx.reads.lookup((db) => workTypeName(db, c.workTypeCode as string)),
            }
          : null,
    }),
    issuedOn: t.field({ type: 'Date', description: '发证日期', resolve: (c) => c.issuedOn }),
    issuer: t.field({
      type: EnterpriseRef.provides<{ name: string }>('name'),
      description: '发证机构 (评价机构); its name answered here, not by the enterprises subgraph',
      resolve: (c, _a, ctx, info) =>
        provided(info, { id: c.enterpriseId }, c.enterpriseId, ctx.loaders.enterpriseName, c.issuerName),
    }),
    holderName: t.string({ description: '持证人姓名, masked (张*三)', resolve: (c) => maskName(c.holderName) }),
    status: t.field({ type: CertificateStatus, description: '证书状态: 有效 or 已撤销', resolve: (c) => c.status }),
  }),
});

const VerificationStatus = builder.enumType('VerificationStatus', {
  description: '证书查询结论',
  values: {
    VALID: { description: '有效: number and name match a standing certificate' },
    REVOKED: { description: '已撤销: number and name match a certificate that was revoked' },
    NOT_FOUND: { description: '查无此证: no certificate with this number and this name' },
  } as const,
});

interface Verification {
  status: 'VALID' | 'REVOKED' | 'NOT_FOUND';
  certificate: VerifiedRow | null;
}

const CertificateVerification = builder.objectRef<Verification>('CertificateVerification').implement({
  description: '证书查询 (by number and holder name): the verdict and, on a match, the masked facts.',
  fields: (t) => ({
    status: t.field({ type: VerificationStatus, description: '查询结论', resolve: (v) => v.status }),
    certificate: t.field({
      type: VerifiedCertificate,
      nullable: true,
      description: '证书信息, only when number and name both match (null on NOT_FOUND)',
      resolve: (v) => v.certificate,
    }),
  }),
});

builder.queryFields((t) => ({
  verifyCertificate: t.field({
    type: CertificateVerification,
    description:
      '证书查询 (public, no token needed): a certificate by number and holder name. A wrong name answers NOT_FOUND with no data, so names cannot be probed by number.',
    authScopes: access('Query.verifyCertificate'),
    args: {
      number: t.arg.string({ required: true, description: '证书编号 (22 characters)' }),
      holderName: t.arg.string({ required: true, description: '持证人姓名, in full' }),
    },
    resolve: async (_root, args, ctx): Promise<Verification> => {
      const number = normaliseNumber(args.number);
      const name = normaliseHolderName(args.holderName);
      if (!number || !name) return { status: 'NOT_FOUND', certificate: null };
      const c = await ctx.loaders.verification.load([number, name]);
      return c ? { status: c.status, certificate: c } : { status: 'NOT_FOUND', certificate: null };
    },
  }),
  verifyCertificatesByIdentity: t.field({
    type: [VerifiedCertificate],
    description:
      '证书查询 by 身份证号 and name (public): the person’s certificates issued through the hub, masked, oldest first; empty when the name does not match.',
    authScopes: access('Query.verifyCertificatesByIdentity'),
    args: {
      residentId: t.arg({ type: 'ResidentId', required: true, description: '公民身份号码 (checked, never returned)' }),
      holderName: t.arg.string({ required: true, description: '持证人姓名, in full' }),
    },
    resolve: async (_root, args, ctx) => {
      const name = normaliseHolderName(args.holderName);
      if (!name) return [];
      return ctx.reads.lookup((db) => certificatesByIdentity(db, args.residentId, name));
    },
  }),
}));
