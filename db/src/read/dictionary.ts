import { asc, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { textByKey, textOfKey } from '../prepared.ts';
import { occupations, workTypes } from '../schema/occupation.ts';

/**
 * Read-only facts of the occupation dictionary that filings are checked
 * against: each code's name, depth, skill mark (技能类职业: `isSkill`) and the
 * levels its national standard sets, and the work types under it.
 */
export async function dictionaryFacts(db: Db, codes: readonly string[]) {
  const wanted = [...new Set(codes)];
  const occupationsByCode = new Map<
    string,
    { name: string; level: number; standardLevels: number[]; isSkill: boolean }
  >();
  const workTypesByOccupation = new Map<string, { code: string; name: string }[]>();
  if (!wanted.length) return { occupations: occupationsByCode, workTypes: workTypesByOccupation };
  const [occ, types] = await Promise.all([
    db
      .select({
        code: occupations.code,
        name: occupations.name,
        level: occupations.level,
        standardLevels: occupations.standardLevels,
        isSkill: occupations.isSkill,
      })
      .from(occupations)
      .where(inArray(occupations.code, wanted)),
    db
      .select({ code: workTypes.code, name: workTypes.name, occupationCode: workTypes.occupationCode })
      .from(workTypes)
      .where(inArray(workTypes.occupationCode, wanted))
      .orderBy(asc(workTypes.code)),
  ]);
  for (const o of occ)
    occupationsByCode.set(o.code, {
      name: o.name,
      level: o.level,
      standardLevels: o.standardLevels,
      isSkill: o.isSkill,
    });
  for (const w of types) {
    workTypesByOccupation.set(w.occupationCode, [
      ...(workTypesByOccupation.get(w.occupationCode) ?? []),
      { code: w.code, name: w.name },
    ]);
  }
  return { occupations: occupationsByCode, workTypes: workTypesByOccupation };
}

/** 职业名称 of one code (a certificate's occupation on the public 证书查询), by a prepared statement. */
export const occupationName = textByKey('occupation_name', occupations, occupations.code, occupations.name);

/** 工种名称 of one work-type code (on the public 证书查询), by a prepared statement. */
export const workTypeName = textByKey('work_type_name', workTypes, workTypes.code, workTypes.name);

/** 职业名称 and 工种名称 of the codes another domain's columns hold, selected in that domain's own statement (textOfKey). */
export const occupationNameOf = textOfKey(occupations, occupations.code, occupations.name);
export const workTypeNameOf = textOfKey(workTypes, workTypes.code, workTypes.name);

/**
 * A condition on a scope row (alias `s` of enterprise.filing_scopes, or any row with an
 * `occupation_code`): its 职业 carries this skill mark (技能类职业, 附表备注1). A 工种 follows its 职业.
 */
export function scopeRowSkillIs(scopeAlias: string, skill: boolean): SQL {
  return sql`exists (
    select 1 from occupation.occupations o
    where o.code = ${sql.raw(scopeAlias)}.occupation_code and o.is_skill = ${skill}
  )`;
}
