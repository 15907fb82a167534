import { enterprises, isUuid, refuseAll, transact } from '@hub/db';
import { access, type Refusal, refuse } from '@hub/platform';
import { eq } from 'drizzle-orm';
import { builder, UserError } from '../builder.ts';
import type { EnterpriseRow } from '../loaders.ts';
import { type EnterpriseInput as EnterpriseForm, enterpriseInputRefusals } from '../rules/enterprise-input.ts';
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
const toForm = (f: Form): EnterpriseForm & { nature: Form['nature'] } => ({
  ...f,
  foundedOn: f.foundedOn instanceof Date ? f.foundedOn.toISOString().slice(0, 10) : String(f.foundedOn),
  name: f.name.trim(),
});

builder.mutationFields((t) => ({
  registerEnterprise: t.field({
    type: EnterprisePayload,
    description:
      'Registers an enterprise in the hub (by an authority: a city centre for its own 市州, the province centre, or an admin).',
    authScopes: access('Mutation.registerEnterprise'),
    args: {
      creditCode: t.arg({ type: 'CreditCode', required: true, description: '统一社会信用代码' }),
      affiliation: t.arg({ type: EnterpriseAffiliation, required: true, description: '属地, 省属 or 中央在湘' }),
      input: t.arg({ type: EnterpriseInput, required: true, description: '企业基本信息' }),
    },
    resolve: async (_root, args, ctx) => {
      const form = toForm(args.input);
      const result = await transact(ctx.db, async (tx) => {
        const refusals = enterpriseInputRefusals(form, ctx.clock.today());
        if (ctx.caller.role === 'city_center' && form.prefectureCode !== ctx.caller.prefecture) {
          refusals.push(
            refuse('NOT_YOUR_PREFECTURE', 'a city centre registers enterprises of its own 市州 only', 'prefectureCode'),
          );
        }
        const [taken] = await tx
          .select({ id: enterprises.id })
          .from(enterprises)
          .where(eq(enterprises.creditCode, args.creditCode));
        if (taken)
          refusals.push(
            refuse(
              'DUPLICATE_CREDIT_CODE',
              `an enterprise with 统一社会信用代码 ${args.creditCode} is already registered`,
              'creditCode',
            ),
          );
        if (refusals.length) refuseAll(refusals);
        const [row] = await tx
          .insert(enterprises)
          .values({ ...form, creditCode: args.creditCode, affiliation: args.affiliation })
          .returning();
        return row as EnterpriseRow;
      });
      return { enterprise: result.value, errors: result.errors };
    },
  }),
  updateEnterprise: t.field({
    type: EnterprisePayload,
    description: 'Updates 企业基本信息: the enterprise itself (not its 市州), or an admin.',
    authScopes: access('Mutation.updateEnterprise'),
    args: {
      id: t.arg.id({ required: true, description: 'Enterprise id.' }),
      input: t.arg({ type: EnterpriseInput, required: true, description: '企业基本信息 as it should now read' }),
    },
    resolve: async (_root, args, ctx) => {
      const id = String(args.id);
      const form = toForm(args.input);
      const result = await transact(ctx.db, async (tx) => {
        if (ctx.caller.role === 'enterprise' && ctx.caller.enterpriseId !== id) {
          refuseAll([refuse('NOT_YOUR_ENTERPRISE', 'an enterprise may change only its own facts', 'id')]);
        }
        const [current] = isUuid(id)
          ? await tx.select().from(enterprises).where(eq(enterprises.id, id)).for('update')
          : [];
        if (!current) refuseAll([refuse('NOT_FOUND', 'no such enterprise', 'id')]);
        const refusals = enterpriseInputRefusals(form, ctx.clock.today());
        if (ctx.caller.role === 'enterprise' && form.prefectureCode !== current.prefectureCode) {
          refusals.push(
            refuse(
              'PREFECTURE_FIXED',
              'moving to another 市州 is recorded by an authority, not by the enterprise',
              'prefectureCode',
            ),
          );
        }
        if (refusals.length) refuseAll(refusals);
        const [row] = await tx
          .update(enterprises)
          .set({ ...form, updatedAt: ctx.clock.now() })
          .where(eq(enterprises.id, id))
          .returning();
        return row as EnterpriseRow;
      });
      return { enterprise: result.value, errors: result.errors };
    },
  }),
}));
