/**
 * Reranker variants compared on cached candidate lists (lists.ts), fitting nothing on a held-out fold:
 *   node --import tsx match-eval/variants.ts VARIANT... [--inner] [--k 2,5] [--hits f]
 * --inner: inner CV inside each held-out half's training folds (4 inner folds), never the held-out fold.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RERANK_FEATURES, type Reranker, rerankerMargin } from '@hub/occupations/rules';
import { loadFolds, marginsOf, scoreLists, softmax, writeHits } from './cached.ts';
import { fitSoftmax, type List, RERANKER, withResidualTrees } from './cv.ts';
import { type BoostParams, boost } from './gbdt.ts';
import type { CachedList } from './lists.ts';

const round = (x: number) => Math.round(x * 1000) / 1000;

export const toLists = (ls: CachedList[]): List[] =>
  ls
    .map((l) => ({ x: l.cands.map((c) => c.x), positive: l.cands.map((c) => c.hit), title: l.title }))
    .filter((l) => l.positive.some(Boolean) && !l.positive.every(Boolean));

/** Linear weights, memoized on disk by key (the lists' directory and fold; deterministic on the same lists). */
export function linearOf(lists: List[], key: string): number[] {
  mkdirSync('/tmp/m5-lin', { recursive: true });
  const file = `/tmp/m5-lin/${key}-d${lists[0]?.x[0]?.length}.json`;
  if (key && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const w = fitSoftmax(lists).map(round);
  if (key) writeFileSync(file, JSON.stringify(w));
  return w;
}

export const trainResidual = (lists: List[], key: string, params: BoostParams = RERANKER.boost): Reranker =>
  withResidualTrees(lists, linearOf(lists, key), params);

type Make = (train: CachedList[], key: string) => (l: CachedList) => number[];
const P = (o: Partial<BoostParams>): BoostParams => ({ ...RERANKER.boost, ...o });
export const variants: Record<string, Make> = {
  base: (t, key) => marginsOf(trainResidual(toLists(t), key)),
  linear: (t, key) => marginsOf({ weights: linearOf(toLists(t), key), bias: 0 }),
};
for (const trees of [25, 50, 100, 200]) {
  for (const depth of [3, 4, 5]) {
    variants[`t${trees}d${depth}`] = (t, key) => marginsOf(trainResidual(toLists(t), key, P({ trees, depth })));
  }
}

for (const trees of [50, 100, 200]) {
  for (const depth of [3, 4]) {
    variants[`lam${trees}d${depth}`] = (t, key) =>
      marginsOf(trainResidual(toLists(t), key, P({ trees, depth, loss: 'lambda' })));
    variants[`lam${trees}d${depth}c5`] = (t, key) =>
      marginsOf(trainResidual(toLists(t), key, P({ trees, depth, loss: 'lambda', cutoff: 5 })));
  }
  for (const sub of [0.5, 0.7]) {
    variants[`t${trees}d4s${sub}`] = (t, key) =>
      marginsOf(trainResidual(toLists(t), key, P({ trees, depth: 4, subsample: sub })));
    variants[`t${trees}d4s${sub}r05`] = (t, key) =>
      marginsOf(trainResidual(toLists(t), key, P({ trees: trees * 2, depth: 4, subsample: sub, rate: 0.05 })));
  }
}

/** Second-pass features from first-pass margins z over one list: p, the 小类's and 中类's summed p, 1/(1+rank). */
export function hierFeatures(l: CachedList, z: number[]): number[][] {
  const p = softmax(z);
  const small = new Map<string, number>();
  const mid = new Map<string, number>();
  l.cands.forEach((c, i) => {
    const a = c.occupationCode.slice(0, 7);
    const b = c.occupationCode.slice(0, 4);
    small.set(a, (small.get(a) ?? 0) + (p[i] as number));
    mid.set(b, (mid.get(b) ?? 0) + (p[i] as number));
  });
  const order = z.map((_, i) => i).sort((a, b) => (z[b] as number) - (z[a] as number));
  const rank = new Array<number>(z.length);
  order.forEach((i, r) => {
    rank[i] = r;
  });
  return l.cands.map((c, i) => [
    p[i] as number,
    small.get(c.occupationCode.slice(0, 7)) ?? 0,
    mid.get(c.occupationCode.slice(0, 4)) ?? 0,
    1 / (1 + (rank[i] as number)),
  ]);
}

function hier(params: BoostParams, own = false): Make {
  return (train, key) => {
    const inners = [...new Set(train.map((l) => l.inner))];
    const aug: CachedList[] = [];
    const base: number[] = [];
    for (const j of inners) {
      const r = trainResidual(toLists(train.filter((l) => l.inner !== j)), `${key}x${j}`);
      for (const l of train.filter((l) => l.inner === j)) {
        const z = l.cands.map((c) => rerankerMargin(r, c.x));
        const h = hierFeatures(l, z);
        aug.push({
          ...l,
          cands: l.cands.map((c, i) => ({ ...c, x: own ? (h[i] as number[]) : [...c.x, ...(h[i] as number[])] })),
        });
        base.push(...z);
      }
    }
    // Base margins in toLists' order (it drops lists with no or only right candidates).
    const keep: number[] = [];
    let at = 0;
    for (const l of aug) {
      const ok = l.cands.some((c) => c.hit) && !l.cands.every((c) => c.hit);
      for (let i = 0; i < l.cands.length; i++) if (ok) keep.push(base[at + i] as number);
      at += l.cands.length;
    }
    const second = boost(toLists(aug), params, keep);
    const full = trainResidual(toLists(train), key);
    return (l) => {
      const z = l.cands.map((c) => rerankerMargin(full, c.x));
      const h = hierFeatures(l, z);
      return l.cands.map((c, i) =>
        rerankerMargin(
          { weights: [], bias: z[i] as number, trees: second },
          own ? (h[i] as number[]) : [...c.x, ...(h[i] as number[])],
        ),
      );
    };
  };
}
for (const trees of [10, 25, 50]) {
  for (const depth of [2, 3]) {
    variants[`hier${trees}d${depth}`] = hier(P({ trees, depth }));
    variants[`hierown${trees}d${depth}`] = hier(P({ trees, depth }), true);
  }
}

/** List-relative features: for chosen features, the value minus the list's maximum. */
const REL = [
  'first',
  'name',
  'mappingSim',
  'vote',
  'wideVote',
  'nbGroup',
  'nbClass',
  'nbOccupation',
  'charShare',
  'textBigram',
  'coverage',
];
export function relAug(l: CachedList, which = REL): CachedList {
  const idx = which.map((f) => (RERANK_FEATURES as readonly string[]).indexOf(f));
  const max = idx.map((i) => Math.max(...l.cands.map((c) => c.x[i] ?? 0)));
  return {
    ...l,
    cands: l.cands.map((c) => ({ ...c, x: [...c.x, ...idx.map((i, j) => (c.x[i] ?? 0) - (max[j] as number))] })),
  };
}
function relMake(params: BoostParams, which = REL, linearToo = true): Make {
  return (train, key) => {
    const aug = train.map((l) => relAug(l, which));
    const lists = toLists(aug);
    const r = linearToo
      ? trainResidual(lists, `${key}rel${which.length}`, params)
      : // Linear on the plain features, trees on all.
        withResidualTrees(lists, [...linearOf(toLists(train), key), ...which.map(() => 0)], params);
    return (l) => marginsOf(r)(relAug(l, which));
  };
}
variants.rel = relMake(RERANKER.boost);
variants.relT = relMake(RERANKER.boost, REL, false);
variants.relT100 = relMake(P({ trees: 100 }), REL, false);
variants.rel4 = relMake(RERANKER.boost, ['first', 'mappingSim', 'wideVote', 'nbOccupation']);
variants.rel4T = relMake(RERANKER.boost, ['first', 'mappingSim', 'wideVote', 'nbOccupation'], false);
variants.treesOnly = (t) => {
  const lists = toLists(t);
  return marginsOf({ weights: [], bias: 0, trees: boost(lists, P({ trees: 100 })) });
};
variants.avg = (t, key) => {
  const lists = toLists(t);
  const a = trainResidual(lists, key);
  const b: Reranker = { weights: [], bias: 0, trees: boost(lists, P({ trees: 100 })) };
  return (l) => l.cands.map((c) => rerankerMargin(a, c.x) + rerankerMargin(b, c.x));
};

/** Positions 2–3 diversified: other occupations in the top one's 小类 lose `lambda` of margin. */
function diversify(lambda: number, level = 7): Make {
  return (train, key) => {
    const m = marginsOf(trainResidual(toLists(train), key));
    return (l) => {
      const z = m(l);
      let top = -1;
      l.cands.forEach((c, i) => {
        const t = l.cands[top];
        if (top < 0 || c.rule > (t?.rule ?? 0) || (c.rule === t?.rule && (z[i] as number) > (z[top] as number)))
          top = i;
      });
      const tc = l.cands[top];
      if (!tc) return z;
      return z.map((v, i) => {
        const c = l.cands[i] as (typeof l.cands)[number];
        return c.occupationCode !== tc.occupationCode &&
          c.occupationCode.slice(0, level) === tc.occupationCode.slice(0, level)
          ? v - lambda
          : v;
      });
    };
  };
}
for (const lam of [0.25, 0.5, 1, 2]) {
  variants[`div${lam}`] = diversify(lam);
  variants[`divm${lam}`] = diversify(lam, 4);
  variants[`boost${lam}`] = diversify(-lam);
}

for (const l2 of [1e-4, 1e-2]) {
  variants[`l2_${l2}`] = (t) => {
    const lists = toLists(t);
    return marginsOf(withResidualTrees(lists, fitSoftmax(lists, l2).map(round)));
  };
}

export function runOuter(make: Make, k: number, dir = '/tmp/lists') {
  const folds = loadFolds(dir, k);
  let t1 = 0;
  let t3 = 0;
  const hits: Record<string, [boolean, boolean]> = {};
  for (const f of folds) {
    const s = scoreLists(f.test, make(f.train, `${path.basename(dir)}-k${k}f${f.fold}`));
    t1 += s.top1 / k;
    t3 += s.top3 / k;
    Object.assign(hits, s.hits);
  }
  return { t1, t3, hits };
}

/** Inner CV: within each held-out half's training folds, train on 3 inner folds, score the 4th. */
export function runInner(make: Make, dir = '/tmp/lists') {
  let t1 = 0;
  let t3 = 0;
  let n = 0;
  for (const f of loadFolds(dir, 2)) {
    for (let j = 0; j < 4; j++) {
      const s = scoreLists(
        f.train.filter((l) => l.inner === j),
        make(
          f.train.filter((l) => l.inner !== j),
          `${path.basename(dir)}-k2f${f.fold}i${j}`,
        ),
      );
      t1 += s.top1;
      t3 += s.top3;
      n++;
    }
  }
  return { t1: t1 / n, t3: t3 / n };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    options: {
      hits: { type: 'string' },
      dir: { type: 'string', default: '/tmp/lists' },
      inner: { type: 'boolean', default: false },
      k: { type: 'string', default: '2,5' },
    },
    allowPositionals: true,
  });
  for (const variant of positionals) {
    const make = variants[variant];
    if (!make) throw new Error(`variant: ${Object.keys(variants).join(', ')}`);
    const t0 = performance.now();
    if (values.inner) {
      const s = runInner(make, values.dir);
      console.log(
        `${variant} inner: ${s.t1.toFixed(4)} / ${s.t3.toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
      continue;
    }
    const all: Record<string, Record<string, [boolean, boolean]>> = {};
    for (const k of (values.k as string).split(',').map(Number)) {
      const s = runOuter(make, k, values.dir);
      all[k] = s.hits;
      console.log(
        `${variant} k=${k}: ${s.t1.toFixed(3)} / ${s.t3.toFixed(3)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
    }
    if (values.hits) writeHits(values.hits.replace('%', variant), all);
  }
}
