import { RERANK_FEATURES } from '@hub/occupations/rules';
import { describe, expect, it } from 'vitest';
import { fitBias, fitSoftmax, foldOf, type List } from './cv.ts';

const d = RERANK_FEATURES.length;
/** Lists of four candidates; feature 2 marks the right one, feature 3 is noise, feature 0 (first) misleads half the time. */
function lists(n: number): List[] {
  const out: List[] = [];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let t = 0; t < n; t++) {
    const right = t % 4;
    const x = [0, 1, 2, 3].map((c) => {
      const f = new Array<number>(d).fill(0);
      f[0] = c === (t % 2 ? right : (right + 1) % 4) ? 1 : 0;
      f[2] = c === right ? 1 : 0;
      f[3] = rand();
      return f;
    });
    out.push({ x, positive: [0, 1, 2, 3].map((c) => c === right) });
  }
  return out;
}

describe('reranker training (softmax over each title’s candidates)', () => {
  // ~1 s of training alone; far more while turbo runs every package's tests at once on two cores.
  it('weighs the feature that marks the right candidate above noise and a misleading one', { timeout: 60_000 }, () => {
    const w = fitSoftmax(lists(200));
    expect(w[2]).toBeGreaterThan(2);
    expect(w[2] as number).toBeGreaterThan(Math.abs(w[3] as number) + 1);
    expect(w[2] as number).toBeGreaterThan((w[0] as number) + 1);
  });

  it('fits the bias so that the mean predicted chance equals the share of right candidates', () => {
    const l = lists(200);
    const w = new Array<number>(d).fill(0);
    const b = fitBias(l, w);
    expect(1 / (1 + Math.exp(-b))).toBeCloseTo(0.25, 3);
  });

  it('cuts folds by the title alone: the same title always lands in the same fold', () => {
    expect(foldOf('焊工', 5)).toBe(foldOf('焊工', 5));
    const folds = new Set(['焊工', '电工', '车工', '铣工', '磨工', '钳工', '司机', '厨师'].map((t) => foldOf(t, 2)));
    expect(folds.size).toBe(2);
  });
});
