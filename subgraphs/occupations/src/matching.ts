/**
 * The matcher index of one subgraph process, kept in step with the database: before
 * each match it reads the revision counters (one small query); the dictionary part is
 * rebuilt when occupations or work types changed (a skill mark corrected among them). When
 * mappings were confirmed, the confirmed mappings are read and only the difference is applied
 * to the mapping part (rules/mapping-index.ts): a confirmation costs its own role name, not a
 * rebuild, however many were confirmed before. Builds share one in-flight promise, so a burst
 * of requests builds once.
 */
import { type Db, indexRevisions, jobRoleMappings, occupations, workTypes } from '@hub/db';
import { eq } from 'drizzle-orm';
import {
  buildMatchIndex,
  type ConfirmedMapping,
  createSegmenter,
  type MatchCandidate,
  type MatchIndex,
  type MatchQuery,
  matchOccupations,
  updateMappingIndex,
} from './rules/index.ts';

interface Built {
  index: MatchIndex;
  dictionary: number;
  mappings: number;
  /** The confirmed mappings the index holds, by mappingKey, with how many rows each. */
  held: Map<string, { mapping: ConfirmedMapping; count: number }>;
}

const mappingKey = (m: ConfirmedMapping) => `${m.roleName}\u0000${m.occupationCode}\u0000${m.workTypeCode ?? ''}`;

/** The confirmed mappings counted by mappingKey. */
function countMappings(rows: readonly ConfirmedMapping[]): Built['held'] {
  const held: Built['held'] = new Map();
  for (const m of rows) {
    const key = mappingKey(m);
    const h = held.get(key);
    if (h) h.count++;
    else held.set(key, { mapping: m, count: 1 });
  }
  return held;
}

/** What to add to and take out of `before` to make it `after`, one entry per mapping row. */
export function mappingChanges(before: Built['held'], after: Built['held']) {
  const added: ConfirmedMapping[] = [];
  const removed: ConfirmedMapping[] = [];
  for (const [key, { mapping, count }] of after) {
    for (let i = before.get(key)?.count ?? 0; i < count; i++) added.push(mapping);
  }
  for (const [key, { mapping, count }] of before) {
    for (let i = after.get(key)?.count ?? 0; i < count; i++) removed.push(mapping);
  }
  return { added, removed };
}

export class MatchService {
  private built: Built | undefined;
  private building: Promise<Built> | undefined;
  /** How long the last full build took (database reads included), in ms. */
  lastBuildMs: number | undefined;

  constructor(private readonly db: Db) {}

  private async revisions(): Promise<{ dictionary: number; mappings: number }> {
    const rows = await this.db.select().from(indexRevisions);
    const of = (name: string) => rows.find((r) => r.name === name)?.revision ?? 0;
    return { dictionary: of('dictionary'), mappings: of('mappings') };
  }

  private async confirmedMappings() {
    return this.db
      .select({
        roleName: jobRoleMappings.roleName,
        occupationCode: jobRoleMappings.occupationCode,
        workTypeCode: jobRoleMappings.workTypeCode,
      })
      .from(jobRoleMappings)
      .where(eq(jobRoleMappings.status, 'CONFIRMED'));
  }

  private async build(previous: Built | undefined): Promise<Built> {
    const rev = await this.revisions();
    if (previous && previous.dictionary === rev.dictionary) {
      if (previous.mappings === rev.mappings) return previous;
      const held = countMappings(await this.confirmedMappings());
      const { added, removed } = mappingChanges(previous.held, held);
      // In place: no match runs while this synchronous update does.
      updateMappingIndex(previous.index, previous.index.mappings, added, removed);
      return { index: previous.index, held, ...rev };
    }
    const started = performance.now();
    const [nodes, types, mappings] = await Promise.all([
      this.db
        .select({
          code: occupations.code,
          name: occupations.name,
          level: occupations.level,
          parentCode: occupations.parentCode,
          aliases: occupations.aliases,
          definition: occupations.definition,
          tasks: occupations.tasks,
          isSkill: occupations.isSkill,
        })
        .from(occupations),
      this.db
        .select({ code: workTypes.code, occupationCode: workTypes.occupationCode, name: workTypes.name })
        .from(workTypes),
      this.confirmedMappings(),
    ]);
    const segment = createSegmenter([...nodes.flatMap((n) => [n.name, ...n.aliases]), ...types.map((t) => t.name)]);
    const index = buildMatchIndex({ nodes, workTypes: types, mappings, segment });
    this.lastBuildMs = performance.now() - started;
    return { index, held: countMappings(mappings), ...rev };
  }

  /** The index, current as of this call. */
  async index(): Promise<MatchIndex> {
    if (this.building) return (await this.building).index;
    const rev = this.built ? await this.revisions() : undefined;
    if (this.built && rev && rev.dictionary === this.built.dictionary && rev.mappings === this.built.mappings) {
      return this.built.index;
    }
    this.building ??= this.build(this.built).finally(() => {
      this.building = undefined;
    });
    this.built = await this.building;
    return this.built.index;
  }

  async match(query: MatchQuery, first: number): Promise<MatchCandidate[]> {
    return matchOccupations(await this.index(), query, first);
  }
}
