/**
 * The 职业分类大典 reference (db/src/reference/occupations.json, built by
 * db/scripts/build-occupations.ts) and its loader into occupation.occupations.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { indexRevisions, occupations, workTypes } from '../schema/occupation.ts';
import type { DictionaryRow, ParsedDictionary } from './dictionary.ts';

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

/** A work type (工种) the demo seeds: code = occupation code + -NN. */
export interface WorkTypeReference {
  code: string;
  occupationCode: string;
  name: string;
}

let cached: OccupationReference[] | undefined;
let cachedWorkTypes: WorkTypeReference[] | undefined;

/**
 * The work types seeded with the reference (db/src/reference/work-types.json): only ones named
 * with certainty by their national standards (焊工, 汽车维修工, 家政服务员). Authorities add more.
 */
export function workTypeReference(): WorkTypeReference[] {
  cachedWorkTypes ??= JSON.parse(
    readFileSync(new URL('../reference/work-types.json', import.meta.url), 'utf8'),
  ) as WorkTypeReference[];
  return cachedWorkTypes;
}

/** The reference rows, sorted by code (read once). */
export function occupationReference(): OccupationReference[] {
  cached ??= JSON.parse(
    readFileSync(new URL('../reference/occupations.json', import.meta.url), 'utf8'),
  ) as OccupationReference[];
  return cached;
}

const CHUNK = 500;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Bumps a revision counter of the matcher's index ('dictionary' or 'mappings'); call it in the
 * transaction that changes what the index is built from, so every subgraph process rebuilds.
 */
export async function bumpIndexRevision(db: Db | Tx, name: 'dictionary' | 'mappings'): Promise<void> {
  await db
    .insert(indexRevisions)
    .values({ name, revision: 1 })
    .onConflictDoUpdate({
      target: indexRevisions.name,
      set: { revision: sql`${indexRevisions.revision} + 1`, changedAt: sql`now()` },
    });
}

/** Inserts the seeded work types that are missing (an authority's own additions stay as they are). */
async function loadWorkTypeReference(db: Db | Tx): Promise<number> {
  const rows = workTypeReference();
  if (!rows.length) return 0;
  await db.insert(workTypes).values(rows).onConflictDoNothing();
  return rows.length;
}

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
    await loadWorkTypeReference(tx);
    await bumpIndexRevision(tx, 'dictionary');
  });
  return rows.length;
}

export interface ImportSummary {
  /** Rows read from the file, and rows kept (one per code). */
  read: number;
  kept: number;
  duplicatesDropped: number;
  relevelled: number;
  byLevel: Record<1 | 2 | 3 | 4, number>;
  withDefinition: number;
  withTasks: number;
  /** Codes in the database that the file does not have (kept, not deleted). */
  notInFile: number;
}

/**
 * `pnpm hub occupations import FILE`: loads a full dictionary (parsed by parseDictionary) into
 * occupation.occupations, definitions and tasks included, in one transaction; the seeded work
 * types are added if missing; nothing is deleted (filings and certificates refer to codes).
 */
export async function importDictionary(db: Db, parsed: ParsedDictionary): Promise<ImportSummary> {
  const rows: DictionaryRow[] = parsed.rows;
  let notInFile = 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx
        .insert(occupations)
        .values(
          rows
            .slice(i, i + CHUNK)
            .map(({ code, name, level, parentCode, isGreen, isDigital, aliases, definition, tasks }) => ({
              code,
              name,
              level,
              parentCode,
              isGreen,
              isDigital,
              aliases,
              definition,
              tasks,
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
            definition: sql`excluded.definition`,
            tasks: sql`excluded.tasks`,
          },
        });
    }
    await loadWorkTypeReference(tx);
    const codes = new Set(rows.map((r) => r.code));
    const all = await tx.select({ code: occupations.code }).from(occupations);
    notInFile = all.filter((r) => !codes.has(r.code)).length;
    await bumpIndexRevision(tx, 'dictionary');
  });
  const byLevel = { 1: 0, 2: 0, 3: 0, 4: 0 } as ImportSummary['byLevel'];
  for (const r of rows) byLevel[r.level]++;
  return {
    read: parsed.read,
    kept: rows.length,
    duplicatesDropped: parsed.dropped.length,
    relevelled: parsed.relevelled.length,
    byLevel,
    withDefinition: rows.filter((r) => r.definition).length,
    withTasks: rows.filter((r) => r.tasks).length,
    notInFile,
  };
}
