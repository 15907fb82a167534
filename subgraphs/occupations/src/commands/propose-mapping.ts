/**
 * 提出岗位映射 (相邻相近原则): an enterprise maps a job role the dictionary lacks to an occupation or one
 * of its work types, for a centre to confirm — the matcher asked first (outside the transaction:
 * PGlite has one connection), then one transaction: the rules (rules/mapping.ts), the occupation and
 * work type checked, the unique open mapping per role name, the write with the matcher's score.
 */
import { enterprisePrefectures, jobRoleMappings, occupations, refuseAll, transact, workTypes } from '@hub/db';
import { type Refusal, refuse } from '@hub/platform';
import { and, eq, ne } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { UUID } from '../loaders.ts';
import { proposeRefusal, roleInputRefusal } from '../rules/mapping.ts';
import { normalizeText } from '../rules/text.ts';

export interface ProposeMappingInput {
  enterpriseId: string | number;
  roleName: string;
  roleDescription?: string | null | undefined;
  occupationCode: string;
  workTypeCode?: string | null | undefined;
}

export async function proposeMapping(ctx: Context, input: ProposeMappingInput) {
  const enterpriseId = String(input.enterpriseId);
  const roleName = normalizeText(input.roleName);
  const description = input.roleDescription?.trim() || null;
  // The matcher reads outside the transaction (PGlite has one connection): ask it first.
  const candidates =
    roleInputRefusal(input.roleName, description) || proposeRefusal(ctx.caller, enterpriseId)
      ? []
      : await ctx.matcher.match({ title: roleName, description, scope: 'ALL' }, 20);
  return transact(ctx.db, async (tx) => {
    const who = proposeRefusal(ctx.caller, enterpriseId);
    if (who) refuseAll([who]);
    const refusals: Refusal[] = [];
    const inputProblem = roleInputRefusal(input.roleName, description);
    if (inputProblem) refusals.push(inputProblem);
    const prefectures = UUID.test(enterpriseId) ? await enterprisePrefectures(tx, [enterpriseId]) : new Map();
    if (!prefectures.has(enterpriseId)) {
      refusals.push(refuse('ENTERPRISE_NOT_FOUND', `没有编号为 ${enterpriseId} 的企业`, 'enterpriseId'));
    }
    const [occupation] = await tx.select().from(occupations).where(eq(occupations.code, input.occupationCode));
    if (!occupation) {
      refusals.push(refuse('OCCUPATION_NOT_FOUND', `职业编码 ${input.occupationCode} 不在大典中`, 'occupationCode'));
    } else if (occupation.level !== 4) {
      refusals.push(
        refuse(
          'NOT_AN_OCCUPATION',
          `${occupation.code} ${occupation.name} 是${['', '大类', '中类', '小类'][occupation.level] ?? '类别'}，岗位只能对应到职业（第 4 层）或其工种`,
          'occupationCode',
        ),
      );
    }
    if (input.workTypeCode) {
      const [type] = await tx.select().from(workTypes).where(eq(workTypes.code, input.workTypeCode));
      if (!type) refusals.push(refuse('WORK_TYPE_NOT_FOUND', `工种编码 ${input.workTypeCode} 不存在`, 'workTypeCode'));
      else if (type.occupationCode !== input.occupationCode) {
        refusals.push(
          refuse(
            'WORK_TYPE_OF_ANOTHER_OCCUPATION',
            `工种 ${type.code} ${type.name} 不属于职业 ${input.occupationCode}`,
            'workTypeCode',
          ),
        );
      }
    }
    if (refusals.length) refuseAll(refusals);
    const [open] = await tx
      .select()
      .from(jobRoleMappings)
      .where(
        and(
          eq(jobRoleMappings.enterpriseId, enterpriseId),
          eq(jobRoleMappings.roleName, roleName),
          ne(jobRoleMappings.status, 'REJECTED'),
        ),
      );
    if (open) {
      refuseAll([
        refuse(
          'MAPPING_EXISTS',
          `岗位“${roleName}”已有${open.status === 'CONFIRMED' ? '已确认' : '待审核'}的映射（${open.id}） / the role already has an open or confirmed mapping`,
          'roleName',
        ),
      ]);
    }
    const hit = candidates.find(
      (c) =>
        c.occupationCode === input.occupationCode && (!input.workTypeCode || c.workTypeCode === input.workTypeCode),
    );
    const [row] = await tx
      .insert(jobRoleMappings)
      .values({
        enterpriseId,
        roleName,
        roleDescription: description,
        occupationCode: input.occupationCode,
        workTypeCode: input.workTypeCode ?? null,
        matchScore: hit?.score ?? null,
        proposedBy: ctx.caller.sub ?? ctx.caller.role,
      })
      .onConflictDoNothing()
      .returning();
    // A concurrent proposal of the same role won the unique index.
    if (!row) refuseAll([refuse('MAPPING_EXISTS', `岗位“${roleName}”已有待审核的映射`, 'roleName')]);
    return row;
  });
}
