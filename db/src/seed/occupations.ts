/**
 * The 职业分类大典 reference (db/src/reference/occupations.json, built by
 * db/scripts/build-occupations.ts) and its loader into occupation.occupations.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { occupations } from '../schema/occupation.ts';

export interface OccupationReference {
  code: string;
  name: string;
  /** 1 大类, 2 中类, 3 小类, 4 职业 */
  level: 1 | 2 | 3 | 4;
  parentCode: string | null;
  isGreen: boolean;
  isDigital: boolean;
  aliases: string[];
}

let cached: OccupationReference[] | undefined;

/** The reference rows, sorted by code (read once). */
export function occupationReference(): OccupationReference[] {
  cached ??= JSON.parse(
    readFileSync(new URL('../reference/occupations.json', import.meta.url), 'utf8'),
  ) as OccupationReference[];
  return cached;
}

const CHUNK = 500;

/**
 * Upserts the reference rows into occupation.occupations in one transaction, in multi-row chunks.
 * Facts only: an existing row keeps its definition, tasks and standard levels. Returns the row count.
 */
export async function loadOccupationReference(db: Db, onChunk?: (rows: number) => void): Promise<number> {
  const rows = occupationReference();
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await tx
        .insert(occupations)
        .values(
          chunk.map((o) => ({
            code: o.code,
            name: o.name,
            level: o.level,
            parentCode: o.parentCode,
            isGreen: o.isGreen,
            isDigital: o.isDigital,
            aliases: o.aliases,
          })),
        )
        .onConflictDoUpdate({
          target: occupations.code,
          set: {
            name: sql`excluded.name`,
            level: sql`excluded.level`,
            parentCode: sql`excluded.parent_code`,
            isGreen: sql`excluded.is_green`,
            isDigital: sql`excluded.is_digital`,
            aliases: sql`excluded.aliases`,
          },
        });
      onChunk?.(chunk.length);
    }
  });
  return rows.length;
}
