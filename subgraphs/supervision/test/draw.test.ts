import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conflictPairs,
  type DrawInput,
  draw,
  mayInspect,
  type PoolInspector,
  type PoolInstitution,
  pairKey,
  SeededStream,
} from '../src/rules/draw.ts';

const PREFECTURES = ['430100', '430200', '430300', '430400'];
const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(4, '0')}-0000-4000-8000-000000000000`;

/** A random world: institutions across 市州, city and province inspectors, employers, a previous campaign. */
const world = fc
  .record({
    institutions: fc.array(fc.constantFrom(...PREFECTURES), { minLength: 1, maxLength: 25 }),
    inspectors: fc.array(fc.option(fc.constantFrom(...PREFECTURES), { nil: null }), { maxLength: 14 }),
    employment: fc.array(fc.tuple(fc.nat(30), fc.nat(30), fc.boolean()), { maxLength: 30 }),
    previous: fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { maxLength: 30 }),
    count: fc.integer({ min: 1, max: 12 }),
    perInstitution: fc.integer({ min: 1, max: 3 }),
    seed: fc.string({ minLength: 1, maxLength: 24 }),
  })
  .map((w) => {
    const institutions: PoolInstitution[] = w.institutions.map((p, i) => ({ id: id('e', i), prefectureCode: p }));
    const inspectors = w.inspectors.map((p, i) => ({
      id: id('a', i),
      prefectureCode: p,
      employerId: null as string | null,
      formerEmployerIds: [] as string[],
    }));
    for (const [a, e, current] of w.employment) {
      const inspector = inspectors[a % Math.max(1, inspectors.length)];
      const institution = institutions[e % institutions.length];
      if (!inspector || !institution) continue;
      if (current) inspector.employerId = institution.id;
      else inspector.formerEmployerIds.push(institution.id);
    }
    const previous = w.previous.flatMap(([a, e]) => {
      const inspector = inspectors[a % Math.max(1, inspectors.length)];
      const institution = institutions[e % institutions.length];
      return inspector && institution ? [{ inspectorId: inspector.id, enterpriseId: institution.id }] : [];
    });
    const input: DrawInput = {
      seed: w.seed,
      institutions,
      inspectors: inspectors.map(({ id, prefectureCode }) => ({ id, prefectureCode })),
      exclusions: conflictPairs(inspectors, previous),
      count: w.count,
      perInstitution: w.perInstitution,
    };
    return { input, inspectors, previous };
  });

describe('双随机 draw', () => {
  it('never assigns an inspector to a former or current employer, a previous-campaign pair, or outside their 市州 (property, 500 worlds and seeds)', () => {
    fc.assert(
      fc.property(world, ({ input, inspectors, previous }) => {
        const result = draw(input);
        const place = new Map(input.institutions.map((i) => [i.id, i.prefectureCode]));
        for (const d of result.drawn) {
          expect(new Set(d.inspectorIds).size).toBe(input.perInstitution);
          for (const inspectorId of d.inspectorIds) {
            const who = inspectors.find((i) => i.id === inspectorId);
            expect(who).toBeDefined();
            expect(who?.employerId).not.toBe(d.enterpriseId);
            expect(who?.formerEmployerIds).not.toContain(d.enterpriseId);
            expect(previous.some((p) => p.inspectorId === inspectorId && p.enterpriseId === d.enterpriseId)).toBe(
              false,
            );
            if (who?.prefectureCode) expect(who.prefectureCode).toBe(place.get(d.enterpriseId));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result for the same seed and pools, whatever order the pools were read in (property)', () => {
    fc.assert(
      fc.property(world, fc.integer(), ({ input }, salt) => {
        const rotate = <T>(xs: readonly T[]) => {
          const k = Math.abs(salt) % Math.max(1, xs.length);
          return [...xs.slice(k), ...xs.slice(0, k)];
        };
        const again = draw({
          ...input,
          institutions: rotate(input.institutions),
          inspectors: rotate(input.inspectors),
        });
        expect(again).toEqual(draw(input));
      }),
      { numRuns: 200 },
    );
  });

  it('draws as many institutions as asked when enough can be staffed, each once, passing over only those that cannot (property)', () => {
    fc.assert(
      fc.property(world, ({ input }) => {
        const result = draw(input);
        const excluded = new Set(input.exclusions);
        const staffable = input.institutions.filter(
          (inst) => input.inspectors.filter((i) => mayInspect(i, inst, excluded)).length >= input.perInstitution,
        );
        expect(result.drawn.length).toBe(Math.min(input.count, staffable.length));
        expect(new Set(result.drawn.map((d) => d.enterpriseId)).size).toBe(result.drawn.length);
        expect(result.drawn.map((d) => d.position)).toEqual(result.drawn.map((_, i) => i + 1));
        for (const passed of result.passedOver) expect(staffable.some((s) => s.id === passed)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('depends on the seed: different seeds give different orders', () => {
    const institutions = Array.from({ length: 40 }, (_, i) => ({ id: id('e', i), prefectureCode: '430100' }));
    const inspectors: PoolInspector[] = Array.from({ length: 10 }, (_, i) => ({
      id: id('a', i),
      prefectureCode: null,
    }));
    const base = { institutions, inspectors, exclusions: [], count: 10, perInstitution: 2 };
    const a = draw({ ...base, seed: '2026-Q4-长沙' });
    const b = draw({ ...base, seed: '2026-Q4-株洲' });
    expect(a.drawn.map((d) => d.enterpriseId)).not.toEqual(b.drawn.map((d) => d.enterpriseId));
    expect(draw({ ...base, seed: '2026-Q4-长沙' })).toEqual(a);
  });

  it('is the documented stream: SHA-256 counter mode read as 32-bit words', () => {
    const s = new SeededStream('seed');
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[s.below(6)] += 1;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(new SeededStream('x').shuffle([1, 2, 3, 4, 5])).toEqual(new SeededStream('x').shuffle([1, 2, 3, 4, 5]));
    expect(pairKey('a', 'b')).toBe('a:b');
  });
});
