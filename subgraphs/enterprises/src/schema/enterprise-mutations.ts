import { access, type Refusal } from '@hub/platform';
import { builder, UserError } from '../builder.ts';
import type { EnterpriseForm } from '../commands/enterprise-form.ts';
import { registerEnterprise } from '../commands/register-enterprise.ts';
import { updateEnterprise } from '../commands/update-enterprise.ts';
import type { EnterpriseRow } from '../loaders.ts';
import { Enterprise } from './enterprise.ts';
import { EnterpriseAffiliation, EnterpriseNature } from './enums.ts';

const EnterpriseInput = builder.inputType('EnterpriseInput', {
  description: '备案申报表 一、企业基本信息.',
  fields: (t) => ({
    name: t.string({ required: true, description: '企业名称' }),
    legalRepresentative: t.string({ required: true, description: '法定代表人' }),
    address: t.string({ required: true, description: '企业地址' }),
    phone: t.string({ required: true, description: '电话' }),
    registrationAuthority: t.string({ required: true, description: '注册登记机构' }),
    foundedOn: t.field({ type: 'Date', required: true, description: '企业成立时间' }),
    employeeCount: t.int({ required: true, description: '上年度企业在职职工总人数' }),
    skilledWorkerCount: t.int({ required: true, description: '其中：技能人员总人数' }),
    nature: t.field({ type: EnterpriseNature, required: true, description: '企业性质' }),
    mainBusiness: t.string({ required: true, description: '主营业务' }),
    headName: t.string({ required: true, description: '企业负责人' }),
    headPhone: t.string({ required: true, description: '企业负责人联系电话' }),
    contactName: t.string({ required: true, description: '联系人' }),
    contactPhone: t.string({ required: true, description: '联系人联系电话' }),
    contactTitle: t.string({ required: true, description: '联系人职务' }),
    email: t.string({ required: true, description: '企业电子邮箱' }),
    prefectureCode: t.string({ required: true, description: '所在市州 (6-digit code, 430100 … 433100)' }),
  }),
});

export const EnterprisePayload = builder
  .objectRef<{ enterprise: EnterpriseRow | null; errors: Refusal[] }>('EnterprisePayload')
  .implement({
    description: 'The enterprise after the change, or why it was refused (then nothing changed).',
    fields: (t) => ({
      enterprise: t.field({
        type: Enterprise,
        nullable: true,
        description: 'The enterprise as it now stands.',
        resolve: (p) => p.enterprise,
      }),
      errors: t.field({
        type: [UserError],
        description: 'Refusals; empty when the change was made.',
        resolve: (p) => p.errors,
      }),
    }),
  });

type Form = typeof EnterpriseInput.$inferInput;
const toForm = (f: Form): EnterpriseForm => ({
  ...f,
  foundedOn: f.foundedOn instanceof Date ? f.foundedOn.toISOString().slice(0, 10) : String(f.foundedOn),
  name: f.name.trim(),
});

builder.mutationFields((t) => ({
  registerEnterprise: t.field({
    type: EnterprisePayload,
    description:
      'Registers an enterprise in the hub: an authority (a city centre for its own 市州, the province centre, an admin) on its behalf, or the enterprise itself signed in with its legal-person identity (法人认证: an enterprise token carrying `creditCode`), under that code only.',
    authScopes: access('Mutation.registerEnterprise'),
    args: {
      creditCode: t.arg({ type: 'CreditCode', required: true, description: '统一社会信用代码' }),
      affiliation: t.arg({ type: EnterpriseAffiliation, required: true, description: '属地, 省属 or 中央在湘' }),
      input: t.arg({ type: EnterpriseInput, required: true, description: '企业基本信息' }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await registerEnterprise(ctx, {
        creditCode: args.creditCode,
        affiliation: args.affiliation,
        form: toForm(args.input),
      });
      return { enterprise: result.value, errors: result.errors };
    },
  }),
  updateEnterprise: t.field({
    type: EnterprisePayload,
    description:
      'Updates 企业基本信息: the enterprise itself (not its 市州); its city centre corrects the record within the 市州; the province centre or an admin.',
    authScopes: access('Mutation.updateEnterprise'),
    args: {
      id: t.arg.id({ required: true, description: 'Enterprise id.' }),
      input: t.arg({ type: EnterpriseInput, required: true, description: '企业基本信息 as it should now read' }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await updateEnterprise(ctx, String(args.id), toForm(args.input));
      return { enterprise: result.value, errors: result.errors };
    },
  }),
}));
