import { access } from '@hub/platform';
import { builder } from '../builder.ts';
import {
  giveUpQualification,
  resumeInstitution,
  setProvinceRoute,
  suspendInstitution,
} from '../commands/qualification.ts';
import { EnterprisePayload } from './enterprise-mutations.ts';

/** The institution's standing beyond its filings: 注销, 暂停 and 恢复, and the province's route record. */
builder.mutationFields((t) => ({
  giveUpQualification: t.field({
    type: EnterprisePayload,
    description:
      '注销: the calling enterprise gives its qualification up, with its reason. It leaves the catalog at once; its filings in force become CANCELLED and one in progress WITHDRAWN. It may file again later.',
    authScopes: access('Mutation.giveUpQualification'),
    args: { reason: t.arg.string({ required: true, description: '注销理由' }) },
    resolve: async (_root, args, ctx) => {
      const result = await giveUpQualification(ctx, args.reason);
      return { enterprise: result.value, errors: result.errors };
    },
  }),
  suspendInstitution: t.field({
    type: EnterprisePayload,
    description:
      '暂停: the 市州 centre (its own 市州) or the province centre suspends a confirmed institution, with reasons and a period. While suspended it stays in the catalog marked SUSPENDED and may not report plans or issue certificates, until resumed.',
    authScopes: access('Mutation.suspendInstitution'),
    args: {
      enterpriseId: t.arg.id({ required: true, description: 'The institution.' }),
      days: t.arg.int({
        required: true,
        description: '暂停期限 in days from today (1–366); the catalog shows the last day as suspendedUntil.',
      }),
      reason: t.arg.string({ required: true, description: '暂停理由' }),
      reference: t.arg.string({ required: false, description: '决定文号 or case reference, if any' }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await suspendInstitution(ctx, { ...args, enterpriseId: String(args.enterpriseId) });
      return { enterprise: result.value, errors: result.errors };
    },
  }),
  resumeInstitution: t.field({
    type: EnterprisePayload,
    description:
      '恢复: the centre that may suspend an institution resumes it (e.g. its rectification accepted), with reasons.',
    authScopes: access('Mutation.resumeInstitution'),
    args: {
      enterpriseId: t.arg.id({ required: true, description: 'The institution.' }),
      reason: t.arg.string({ required: true, description: '恢复理由' }),
      reference: t.arg.string({ required: false, description: '决定文号 or case reference, if any' }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await resumeInstitution(ctx, { ...args, enterpriseId: String(args.enterpriseId) });
      return { enterprise: result.value, errors: result.errors };
    },
  }),
  setProvinceRoute: t.field({
    type: EnterprisePayload,
    description:
      'The province centre records (or clears) that a 中央在湘企业 files straight with the province centre instead of its 市州 centre.',
    authScopes: access('Mutation.setProvinceRoute'),
    args: {
      enterpriseId: t.arg.id({ required: true, description: 'The 中央在湘企业.' }),
      provinceRoute: t.arg.boolean({
        required: true,
        description: 'true: straight to the province; false: 市州 route',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await setProvinceRoute(ctx, { ...args, enterpriseId: String(args.enterpriseId) });
      return { enterprise: result.value, errors: result.errors };
    },
  }),
}));
