import { RERANK_FEATURES, type Reranker, rerankerMargin, type TreeNode, treeValue } from '@hub/occupations/rules';
import { describe, expect, it } from 'vitest';
import { fitBias, fitSoftmax, foldOf, type List } from './cv.ts';
import { boost, DEFAULT_BOOST } from './gbdt.ts';

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
    const b = fitBias(l, (x) => x.reduce((s, v, i) => s + v * (w[i] ?? 0), 0));
    expect(1 / (1 + Math.exp(-b))).toBeCloseTo(0.25, 3);
  });

  it('cuts folds by the title alone: the same title always lands in the same fold', () => {
    expect(foldOf('焊工', 5)).toBe(foldOf('焊工', 5));
    const folds = new Set(['焊工', '电工', '车工', '铣工', '磨工', '钳工', '司机', '厨师'].map((t) => foldOf(t, 2)));
    expect(folds.size).toBe(2);
  });
});

/** Lists where the right candidate has exactly one of two marks (an interaction). */
function xorLists(): List[] {
  const out: List[] = [];
  for (let t = 0; t < 300; t++) {
    const right = t % 4;
    // Candidates: both marks, neither, the right one (one mark), and another with neither.
    const marks = [
      [1, 1],
      [0, 0],
      [t % 2, 1 - (t % 2)],
      [0, 0],
    ];
    const order = [0, 1, 2, 3].map((c) => (c + right + 2) % 4);
    const x = order.map((m) => {
      const f = new Array<number>(d).fill(0);
      [f[2], f[3]] = marks[m] as [number, number];
      return f;
    });
    out.push({ x, positive: order.map((m) => m === 2) });
  }
  return out;
}

const top1Of = (lists: List[], r: Reranker) =>
  lists.filter((l) => {
    const z = l.x.map((x) => rerankerMargin(r, x));
    return l.positive[z.indexOf(Math.max(...z))];
  }).length;

describe('boosted trees (gbdt.ts)', () => {
  it('learn an interaction a linear model cannot: the right candidate has exactly one of two marks', () => {
    const out = xorLists();
    const trees = boost(out, { ...DEFAULT_BOOST, depth: 2, trees: 30, minLeaf: 5 });
    expect(top1Of(out, { weights: new Array<number>(d).fill(0), bias: 0, trees })).toBe(out.length);
    expect(boost(out, { ...DEFAULT_BOOST, depth: 2, trees: 30, minLeaf: 5 })).toEqual(trees);
  });

  it('learn it too under the pairwise (LambdaMART) loss and with half the lists per tree, deterministically', () => {
    const out = xorLists();
    const zero = new Array<number>(d).fill(0);
    for (const p of [{ loss: 'lambda' as const }, { subsample: 0.5 }]) {
      const params = { ...DEFAULT_BOOST, depth: 2, trees: 30, minLeaf: 5, ...p };
      const trees = boost(out, params);
      expect(top1Of(out, { weights: zero, bias: 0, trees })).toBe(out.length);
      expect(boost(out, params)).toEqual(trees);
    }
  });

  it('reads a tree: left at or below the threshold', () => {
    const t: TreeNode = [1, 0.5, [0, 2, -1, 1], 3];
    expect(treeValue(t, [0, 0.5])).toBe(-1);
    expect(treeValue(t, [2.5, 0.2])).toBe(1);
    expect(treeValue(t, [0, 0.6])).toBe(3);
  });
});
