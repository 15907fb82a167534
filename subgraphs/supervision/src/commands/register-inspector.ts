import { enterprisePrefectures, inspectors, isUuid } from '@hub/db';
import type { Refusal } from '@hub/platform';
import { isPrefectureCode } from '@hub/vocabulary';
import type { Context } from '../builder.ts';
import { actorOf, change, stop, stopIf } from '../change.ts';
import type { InspectorRow } from '../loaders.ts';
import { poolRefusal } from '../rules/pool.ts';

/** What the pool commands answer: the member after the change, or why nothing changed. */
export type InspectorOutcome = Promise<{ inspector?: InspectorRow | null; errors: Refusal[] }>;

export interface InspectorArgs {
  kind: InspectorRow['kind'];
  name: string;
  prefecture?: string | null;
  employerId?: string | number | null;
  formerEmployerIds?: readonly (string | number)[] | null;
  qualifications: readonly string[];
  occupationCodes?: readonly string[] | null;
}

/** Adds an inspector or external quality supervisor to the pool (督导队伍建设). */
export function registerInspector(ctx: Context, input: InspectorArgs): InspectorOutcome {
  return change(ctx, async (tx) => {
    const prefecture = input.prefecture ?? null;
    if (prefecture !== null && !isPrefectureCode(prefecture)) {
      stop('BAD_PREFECTURE', `"${prefecture}" is not one of Hunan's 14 市州 codes`, 'prefecture');
    }
    stopIf(poolRefusal(ctx.caller, prefecture));
    if (!input.name.trim()) stop('NAME_REQUIRED', 'give the member’s name', 'name');
    const qualifications = input.qualifications.map((q) => q.trim()).filter(Boolean);
    if (!qualifications.length) stop('QUALIFICATION_REQUIRED', 'name at least one qualification', 'qualifications');
    const employers = [input.employerId, ...(input.formerEmployerIds ?? [])].filter((x) => x != null).map(String);
    const bad = employers.find((e) => !isUuid(e));
    const known = await enterprisePrefectures(
      tx,
      employers.filter((e) => isUuid(e)),
    );
    const unknown = bad ?? employers.find((e) => !known.has(e));
    if (unknown) stop('UNKNOWN_EMPLOYER', `no enterprise has id ${unknown}`, 'formerEmployerIds');
    const [row] = await tx
      .insert(inspectors)
      .values({
        kind: input.kind,
        name: input.name.trim(),
        level: prefecture ? 'CITY' : 'PROVINCE',
        prefectureCode: prefecture,
        employerId: input.employerId == null ? null : String(input.employerId),
        formerEmployerIds: [...new Set((input.formerEmployerIds ?? []).map(String))],
        qualifications,
        occupationCodes: (input.occupationCodes ?? []).map((c) => c.trim()).filter(Boolean),
        createdBy: actorOf(ctx.caller),
      })
      .returning();
    return { inspector: row };
  });
}
