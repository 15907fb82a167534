import { bumpIndexRevision, occupations, refuseAll, transact, workTypes } from '@hub/db';
import { access, type Refusal, refuse } from '@hub/platform';
import { eq } from 'drizzle-orm';
import { builder, UserError } from '../builder.ts';
import type { WorkTypeRow } from '../loaders.ts';
import { nextWorkTypeCode, WORK_TYPE_CODE, workTypeCodeProblem, workTypeNameProblem } from '../rules/work-type.ts';
import { Occupation, WorkType } from './refs.ts';

WorkType.implement({
  description: '工种: a work type below an occupation, coded by the occupation code plus two digits.',
  fields: (t) => ({
    code: t.field({ type: 'OccupationCode', description: '工种编码, e.g. 6-18-02-04-01', resolve: (w) => w.code }),
    name: t.exposeString('name', { description: '工种名称, e.g. 电焊工' }),
    occupation: t.field({
      type: Occupation,
      description: '所属职业: the occupation (职业) this work type belongs to.',
      resolve: async (w, _args, ctx) => {
        const o = await ctx.loaders.occupationByCode.load(w.occupationCode);
        if (!o) throw new Error(`work type ${w.code} has no occupation ${w.occupationCode}`);
        return o;
      },
    }),
    addedByAuthority: t.boolean({
      description: 'True when an authority added it through the hub; false for the seeded reference work types.',
      resolve: (w) => w.createdBy != null,
    }),
  }),
});

builder.queryFields((t) => ({
  workType: t.field({
    type: WorkType,
    nullable: true,
    description: 'One work type (工种) by its code; null when there is none.',
    authScopes: access('Query.workType'),
    args: { code: t.arg({ type: 'OccupationCode', required: true, description: '工种编码, e.g. 6-18-02-04-01' }) },
    resolve: (_root, args, ctx) => (WORK_TYPE_CODE.test(args.code) ? ctx.loaders.workTypeByCode.load(args.code) : null),
  }),
}));

const WorkTypePayload = builder
  .objectRef<{ workType: WorkTypeRow | null; errors: Refusal[] }>('WorkTypePayload')
  .implement({
    description: 'The work type added, or why it was refused (then nothing changed).',
    fields: (t) => ({
      workType: t.field({
        type: WorkType,
        nullable: true,
        description: 'The new work type.',
        resolve: (p) => p.workType,
      }),
      errors: t.field({
        type: [UserError],
        description: 'Refusals; empty when it was added.',
        resolve: (p) => p.errors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  addWorkType: t.field({
    type: WorkTypePayload,
    description:
      '新增工种: adds a work type under an occupation (职业). Province centre and admins only. Without a code, the next free one is given (occupation code + -NN).',
    authScopes: access('Mutation.addWorkType'),
    args: {
      occupationCode: t.arg({
        type: 'OccupationCode',
        required: true,
        description: '职业编码 of the occupation it belongs to',
      }),
      name: t.arg.string({ required: true, description: '工种名称 (2–30 characters)' }),
      code: t.arg({
        type: 'OccupationCode',
        required: false,
        description: '工种编码 to use (occupation code + two digits); default: the next free one.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await transact(ctx.db, async (tx) => {
        const refusals: Refusal[] = [];
        const [occupation] = await tx.select().from(occupations).where(eq(occupations.code, args.occupationCode));
        if (!occupation)
          refuseAll([refuse('OCCUPATION_NOT_FOUND', `职业编码 ${args.occupationCode} 不在大典中`, 'occupationCode')]);
        if (occupation.level !== 4) {
          refusals.push(
            refuse(
              'NOT_AN_OCCUPATION',
              `${occupation.code} ${occupation.name} 不是职业（第 4 层），工种只能设在职业之下`,
              'occupationCode',
            ),
          );
        }
        const name = args.name.trim();
        const nameProblem = workTypeNameProblem(name);
        if (nameProblem) refusals.push(refuse('INVALID_NAME', nameProblem, 'name'));
        if (refusals.length) refuseAll(refusals);
        // Lock the occupation's work types so two additions cannot take the same code.
        const existing = await tx
          .select()
          .from(workTypes)
          .where(eq(workTypes.occupationCode, occupation.code))
          .for('update');
        if (existing.some((w) => w.name === name)) {
          refuseAll([refuse('WORK_TYPE_EXISTS', `职业 ${occupation.name} 已有工种“${name}”`, 'name')]);
        }
        let code = args.code ?? null;
        if (code) {
          const problem = workTypeCodeProblem(code, occupation.code);
          if (problem) refuseAll([refuse('INVALID_CODE', problem, 'code')]);
          const [taken] = await tx.select().from(workTypes).where(eq(workTypes.code, code));
          if (taken) refuseAll([refuse('CODE_TAKEN', `工种编码 ${code} 已用于“${taken.name}”`, 'code')]);
        } else {
          code = nextWorkTypeCode(
            occupation.code,
            existing.map((w) => w.code),
          );
          if (!code)
            refuseAll([
              refuse('NO_FREE_CODE', `职业 ${occupation.code} 下已无空余工种编码（-01 … -99）`, 'occupationCode'),
            ]);
        }
        const [row] = await tx
          .insert(workTypes)
          .values({ code, occupationCode: occupation.code, name, createdBy: ctx.caller.sub ?? ctx.caller.role })
          .onConflictDoNothing()
          .returning();
        if (!row) refuseAll([refuse('CODE_TAKEN', `工种编码 ${code} 已被占用`, 'code')]);
        await bumpIndexRevision(tx, 'dictionary');
        return row;
      });
      return { workType: result.value, errors: result.errors };
    },
  }),
}));
