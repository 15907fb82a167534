import { workTypeReference } from '@hub/db';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMappingIndex,
  buildMatchIndex,
  type ConfirmedMapping,
  type MatchIndex,
  mappingEntries,
  matchOccupations,
  RERANK_DEPTH,
  rerankCandidates,
  updateMappingIndex,
} from '../src/rules/match.ts';
import { createSegmenter } from '../src/rules/segment.ts';
import { sampleDictionary } from './fixtures/dictionary.ts';

const nodes = sampleDictionary();
let base: MatchIndex;
beforeAll(() => {
  base = buildMatchIndex({
    nodes,
    workTypes: workTypeReference(),
    segment: createSegmenter(nodes.flatMap((n) => [n.name, ...n.aliases])),
  });
}, 120_000);

/**
 * Mappings a centre might confirm: names that share words and characters (so that they change each
 * other's IDF, the classifier's classes and the texts' document frequencies), one role name for two
 * occupations, the same name spelt with a space, a work type, a code the dictionary lacks.
 */
const POOL: ConfirmedMapping[] = [
  { roleName: '极片制片工', occupationCode: '6-24-04-00', workTypeCode: null },
  { roleName: '极片制片工 ', occupationCode: '6-24-04-00', workTypeCode: null },
  { roleName: '涂布机长', occupationCode: '6-24-04-00', workTypeCode: null },
  { roleName: '涂布机长', occupationCode: '6-14-02-00', workTypeCode: null },
  { roleName: '氩弧焊师傅', occupationCode: '6-18-02-04', workTypeCode: null },
  { roleName: '电焊工', occupationCode: '6-18-02-04', workTypeCode: null },
  { roleName: '维修电工', occupationCode: '6-31-01-03', workTypeCode: null },
  { roleName: '月嫂', occupationCode: '4-10-01-03', workTypeCode: null },
  { roleName: '育儿嫂', occupationCode: '4-10-01-03', workTypeCode: null },
  { roleName: '粤菜厨师', occupationCode: '4-03-02-01', workTypeCode: null },
  { roleName: '家务保姆', occupationCode: '4-10-01-06', workTypeCode: '4-10-01-06-01' },
  { roleName: '喵喵测试岗', occupationCode: '6-24-04-00', workTypeCode: null },
  { roleName: '某岗位', occupationCode: '9-99-99-99', workTypeCode: null },
];
const PROBES = ['涂布机长', '极片制片', '氩弧焊工', '电工', '月子中心月嫂', '喵喵', '家政保姆', '粤菜大厨'];

/** Everything a match reads from the mapping part: each probe's candidates with their features, and the answers. */
function observe(index: MatchIndex) {
  return {
    entries: mappingEntries(index.mappings).map(({ key, count, roleName }) => ({ key, count, roleName })),
    probes: PROBES.map((title) => ({
      candidates: rerankCandidates(index, { title }, RERANK_DEPTH).map((c) => [c.doc, ...c.features]),
      answers: matchOccupations(index, { title }, 5),
    })),
  };
}

type Step = { kind: 'confirm' | 'reject' | 'withdraw'; at: number };
const step = fc.record({
  kind: fc.constantFrom<Step['kind'][]>('confirm', 'confirm', 'reject', 'withdraw'),
  at: fc.nat({ max: POOL.length - 1 }),
});

describe('the mapping part kept up to date one mapping at a time', () => {
  it('equals a full build from the confirmed mappings, in any order, after any confirmations, rejections and withdrawals', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), fc.integer({ min: 1, max: 4 }), fc.nat(), (steps, batch, seed) => {
        const live: MatchIndex = { ...base, mappings: buildMappingIndex(base, []) };
        const confirmed: ConfirmedMapping[] = [];
        let added: ConfirmedMapping[] = [];
        let removed: ConfirmedMapping[] = [];
        const flush = () => {
          updateMappingIndex(live, live.mappings, added, removed);
          added = [];
          removed = [];
          // A match between updates, so that what the part computes when asked is computed in between.
          matchOccupations(live, { title: PROBES[seed % PROBES.length] as string }, 3);
        };
        steps.forEach((s, i) => {
          const m = POOL[s.at] as ConfirmedMapping;
          // A rejected proposal never reaches the confirmed mappings; a withdrawal takes a confirmed one out
          // (an update applies its withdrawals first, so a withdrawal after an addition starts a new one).
          if (s.kind === 'confirm') {
            confirmed.push(m);
            added.push(m);
          } else if (s.kind === 'withdraw') {
            if (added.length) flush();
            const j = confirmed.indexOf(m);
            if (j >= 0) {
              confirmed.splice(j, 1);
              removed.push(m);
            }
          }
          if ((i + 1) % batch === 0) flush();
        });
        flush();
        // The full build reads the same mappings in another order.
        const shuffled = confirmed
          .map((m, i) => ({ m, k: (i * 2654435761 + seed) % 4093 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.m);
        const full: MatchIndex = { ...base, mappings: buildMappingIndex(base, shuffled) };
        expect(observe(live)).toEqual(observe(full));
      }),
      { numRuns: 20 },
    );
  }, 300_000);

  it('takes a mapping back out as if it had never been confirmed', () => {
    const m = POOL[4] as ConfirmedMapping;
    const live: MatchIndex = { ...base, mappings: buildMappingIndex(base, [POOL[5] as ConfirmedMapping]) };
    const before = observe(live);
    updateMappingIndex(live, live.mappings, [m, m]);
    expect(observe(live)).not.toEqual(before);
    updateMappingIndex(live, live.mappings, [], [m, m]);
    expect(observe(live)).toEqual(before);
    // Taking out what it does not hold changes nothing.
    updateMappingIndex(live, live.mappings, [], [m, POOL[12] as ConfirmedMapping]);
    expect(observe(live)).toEqual(before);
  }, 120_000);
});
