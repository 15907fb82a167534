import { describe, expect, it } from 'vitest';
import type { CachedList } from './lists.ts';
import { occupationProbabilities, weighed } from './views.ts';

/** A list of candidates: [document code, occupation code, hit, rule]. */
const list = (cands: [string, string, boolean, number][]): CachedList => ({
  title: 't',
  inner: -1,
  cands: cands.map(([code, occupationCode, hit, rule]) => ({ x: [], code, occupationCode, hit, rule })),
});

describe('two views weighed together (views.ts)', () => {
  it('gives an occupation the probability of its best document', () => {
    const l = list([
      ['1-01-01-01', '1-01-01-01', false, 0],
      ['1-01-01-01-01', '1-01-01-01', true, 0],
      ['1-01-01-02', '1-01-01-02', false, 0],
    ]);
    const p = occupationProbabilities(l, [0, Math.log(2), 0]);
    expect(p.get('1-01-01-01')).toEqual({ p: 0.5, hit: true, rule: 0 });
    expect(p.get('1-01-01-02')?.p).toBeCloseTo(0.25, 12);
  });

  it('orders by the mean of the two views, the rules of the full view first', () => {
    const full = new Map([
      ['A', { p: 0.6, hit: false, rule: 0 }],
      ['B', { p: 0.4, hit: true, rule: 0 }],
    ]);
    const facts = new Map([
      ['B', { p: 0.9, hit: true, rule: 0 }],
      ['C', { p: 0.1, hit: false, rule: 0 }],
    ]);
    expect(weighed(full, facts, 1)).toEqual([false, true]);
    expect(weighed(full, facts, 0)).toEqual([true, true]);
    expect(weighed(full, facts, 0.5)).toEqual([true, true]);
    // A rule of the full view (an equal name) stays first whatever the facts view says.
    full.set('A', { p: 0.6, hit: false, rule: 2 });
    expect(weighed(full, facts, 0.5)).toEqual([false, true]);
  });
});
