/**
 * Two views of the dictionary weighed together, on cached candidate lists (lists.ts), fitting nothing
 * on a held-out fold: the lists over the full dictionary and the lists over its facts only
 * (`lists.ts --facts`), a reranker trained on each view's own training lists, and per title the
 * occupations ordered by the mean of the two views' probabilities (each view's softmax over its
 * candidates, an occupation's probability that of its best document; the rules' order from the full
 * view first). Prints the full view alone, the facts view alone and the two together, with the titles
 * the pair gains and loses against the full view:
 *
 *   node --import tsx match-eval/views.ts /tmp/lists /tmp/lists-facts [--inner] [--k 2,5]
 *
 * --inner: inner CV inside each held-out half's training folds (4 inner folds), never the held-out fold.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadFolds, marginsOf, softmax } from './cached.ts';
import type { CachedList } from './lists.ts';
import { toLists, trainResidual } from './variants.ts';

interface Occupation {
  p: number;
  hit: boolean;
  rule: number;
}

/** Per occupation of a list: its best document's softmax probability, whether it is right, its rule. */
export function occupationProbabilities(l: CachedList, z: readonly number[]): Map<string, Occupation> {
  const probabilities = softmax(z);
  const out = new Map<string, Occupation>();
  l.cands.forEach((c, i) => {
    const p = probabilities[i] as number;
    const o = out.get(c.occupationCode);
    if (!o) out.set(c.occupationCode, { p, hit: c.hit, rule: c.rule });
    else {
      o.p = Math.max(o.p, p);
      o.hit ||= c.hit;
      o.rule = Math.max(o.rule, c.rule);
    }
  });
  return out;
}

/**
 * [top-1, top-3] hits of the occupations ordered by `full`'s rules, then by the mean probability
 * with weight `w` on the full view (1: the full view alone; 0: the facts view alone, its own rules).
 */
export function weighed(full: Map<string, Occupation>, facts: Map<string, Occupation>, w: number): [boolean, boolean] {
  const rules = w > 0 ? full : facts;
  const all = new Map<string, Occupation>();
  for (const [view, weight] of [
    [full, w],
    [facts, 1 - w],
  ] as const) {
    if (!weight) continue;
    for (const [code, o] of view) {
      const have = all.get(code);
      if (have) have.p += weight * o.p;
      else all.set(code, { p: weight * o.p, hit: o.hit, rule: rules.get(code)?.rule ?? 0 });
    }
  }
  const order = [...all.values()].sort((a, b) => b.rule - a.rule || b.p - a.p);
  return [!!order[0]?.hit, order.slice(0, 3).some((o) => o.hit)];
}

const WEIGHTS = { full: 1, facts: 0, both: 0.5 } as const;
type Tally = Record<keyof typeof WEIGHTS, [number, number]> & { gained: [number, number]; lost: [number, number] };

function tally(): Tally {
  return { full: [0, 0], facts: [0, 0], both: [0, 0], gained: [0, 0], lost: [0, 0] };
}

/** Scores `test` (full-view lists; the facts-view list of each title from `factsTest`) into `t`. */
function score(
  t: Tally,
  test: CachedList[],
  factsTest: CachedList[],
  train: CachedList[],
  factsTrain: CachedList[],
  key: string,
) {
  const mFull = marginsOf(trainResidual(toLists(train), key));
  const mFacts = marginsOf(trainResidual(toLists(factsTrain), `${key}-facts`));
  const byTitle = new Map(factsTest.map((l) => [l.title, l]));
  for (const l of test) {
    const f = byTitle.get(l.title);
    if (!f) throw new Error(`views: ${l.title} has no list in the facts view (lists of different runs?)`);
    const full = occupationProbabilities(l, mFull(l));
    const facts = occupationProbabilities(f, mFacts(f));
    const hits = {} as Record<keyof typeof WEIGHTS, [boolean, boolean]>;
    for (const [name, w] of Object.entries(WEIGHTS) as [keyof typeof WEIGHTS, number][]) {
      hits[name] = weighed(full, facts, w);
      for (const i of [0, 1] as const) if (hits[name][i]) t[name][i]++;
    }
    for (const i of [0, 1] as const) {
      if (hits.both[i] && !hits.full[i]) t.gained[i]++;
      if (hits.full[i] && !hits.both[i]) t.lost[i]++;
    }
  }
}

function print(label: string, t: Tally, n: number) {
  const f = (name: keyof typeof WEIGHTS) => `${(t[name][0] / n).toFixed(4)} / ${(t[name][1] / n).toFixed(4)}`;
  console.log(
    `${label} (${n} titles, pooled): full view ${f('full')}; facts view ${f('facts')}; both ${f('both')} — against the full view top-1 +${t.gained[0]} / −${t.lost[0]}, top-3 +${t.gained[1]} / −${t.lost[1]}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    options: { inner: { type: 'boolean', default: false }, k: { type: 'string', default: '2,5' } },
    allowPositionals: true,
  });
  const [dir, factsDir] = positionals;
  if (!dir || !factsDir) throw new Error('usage: views.ts LISTS_DIR FACTS_LISTS_DIR [--inner] [--k 2,5]');
  const name = (d: string) => path.basename(d);
  for (const k of values.inner ? [2] : (values.k as string).split(',').map(Number)) {
    const full = loadFolds(dir, k);
    const facts = loadFolds(factsDir, k);
    const t = tally();
    let n = 0;
    full.forEach((f, fold) => {
      const g = facts[fold] as (typeof facts)[number];
      if (!values.inner) {
        score(t, f.test, g.test, f.train, g.train, `${name(dir)}-k${k}f${fold}`);
        n += f.test.length;
        return;
      }
      for (let j = 0; j < 4; j++) {
        const test = f.train.filter((l) => l.inner === j);
        score(
          t,
          test,
          g.train.filter((l) => l.inner === j),
          f.train.filter((l) => l.inner !== j),
          g.train.filter((l) => l.inner !== j),
          `${name(dir)}-k${k}f${fold}i${j}`,
        );
        n += test.length;
      }
    });
    print(values.inner ? 'inner CV in the halves' : `k=${k}`, t, n);
  }
}
