/**
 * match-eval: how well the nearest-match mapping (相邻相近原则) ranks occupations for
 * real job titles, and how fast. Prints figures; it is a benchmark, not a test.
 *
 *   pnpm --filter @hub/bench match-eval [--dev path/to/job-titles-dev.csv] [--dictionary path/to/csco22.csv] [--verbose] [--quick]
 *
 * A prediction counts when its code lies under the labelled code (a label may be a
 * 中类, 小类 or 职业; a work type lies under its occupation).
 *
 * Honesty of the held-out figures: folds are cut by a hash of the title. For each held-out fold,
 * the reranker is trained on the other folds only (bench/match-eval/cv.ts) and the confirmed
 * mappings come from the other folds only; the fold itself is never seen. The first-stage weights
 * (MatchWeights) are fixed (see the README for where they come from).
 */

import path from 'node:path';
import { buildMappingIndex, type MatchIndex, matchOccupations } from '@hub/occupations/rules';
import { auditLines } from './audit.ts';
import { bigramBaseline } from './baseline.ts';
import {
  type Accuracy,
  accuracy,
  byMatcher,
  confirmedFrom,
  crossValidate,
  type FoldResult,
  foldOf,
  wilson,
  withMappings,
} from './cv.ts';
import { dev, dictionary, factsOnly, opts, plainIndex, skilled, tree, workTypes } from './data.ts';

const fmt = (x: number) => x.toFixed(3);
const line = (label: string, a: Accuracy) =>
  console.log(`  ${label.padEnd(64)} n=${String(a.n).padStart(4)}  top-1 ${fmt(a.top1)}  top-3 ${fmt(a.top3)}`);

// --- index build time (the segmenter with its dictionary included), cold then warm ---
const builds: number[] = [];
let index!: MatchIndex;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  index = plainIndex();
  builds.push(performance.now() - t0);
}
const factsIndex = plainIndex(true, index.segment);
const baseline = bigramBaseline(factsOnly);

console.log(
  `match-eval — ${path.relative(process.cwd(), opts.dev)} (${dev.length} titles), dictionary ${dictionary.filter((d) => d.level === 4).length} 职业 + ${workTypes.length} 工种`,
);
console.log('\nWhole dev file, no mappings (the shipped reranker was trained on this file: in-sample):');
line('baseline: character-bigram TF-IDF over names + aliases', accuracy(dev, baseline, tree));
line('matcher, names + aliases only (reference facts)', accuracy(dev, byMatcher(factsIndex), tree));
line('matcher, full dictionary (definitions + tasks imported)', accuracy(dev, byMatcher(index), tree));

function crossValidation(k: number, title: string) {
  console.log(`\n${title}`);
  const t0 = performance.now();
  const folds: FoldResult[] = crossValidate(index, dev, tree, k);
  for (const f of folds) {
    const test = dev.filter((r) => foldOf(r.title, k) === f.fold);
    line(`fold ${f.fold + 1}: baseline`, accuracy(test, baseline, tree));
    line(`fold ${f.fold + 1}: dictionary alone, fold's reranker`, f.plain);
    line(`fold ${f.fold + 1}: + ${f.mappings} mappings, first stage only`, f.firstStage);
    line(`fold ${f.fold + 1}: + ${f.mappings} mappings, fold's reranker`, f.learned);
  }
  const mean = (pick: (f: FoldResult) => Accuracy, m: 'top1' | 'top3') =>
    fmt(folds.reduce((s, f) => s + pick(f)[m], 0) / folds.length);
  const meanOf = (pick: (f: FoldResult) => Accuracy) => `${mean(pick, 'top1')} / ${mean(pick, 'top3')}`;
  const baselines = folds.map((f) =>
    accuracy(
      dev.filter((r) => foldOf(r.title, k) === f.fold),
      baseline,
      tree,
    ),
  );
  console.log(
    `  mean of ${k} folds (top-1 / top-3): baseline ${meanOf((f) => baselines[f.fold] as Accuracy)}; dictionary alone ${meanOf((f) => f.plain)}; with mappings, first stage ${meanOf((f) => f.firstStage)}; with mappings + reranker ${meanOf((f) => f.learned)}  (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
  // Each title is held out once: the pooled shares, their 95% intervals, and the top-5 (how far the
  // first three are from the right occupation).
  const n = folds.reduce((s, f) => s + f.learned.n, 0);
  const pooled = (m: 'top1' | 'top3' | 'top5') => folds.reduce((s, f) => s + f.learned[m] * f.learned.n, 0) / n;
  console.log(
    `  with mappings + reranker, all ${n} held-out titles: top-1 ${fmt(pooled('top1'))} (95% ${wilson(pooled('top1'), n)}), top-3 ${fmt(pooled('top3'))} (95% ${wilson(pooled('top3'), n)}), top-5 ${fmt(pooled('top5'))}`,
  );
  // The same held-out hits over the hand-audited titles, by the judgement of their label (audit.ts).
  const hits = new Map<string, readonly [boolean, boolean]>();
  for (const f of folds) {
    dev
      .filter((r) => foldOf(r.title, k) === f.fold)
      .forEach((r, i) => {
        hits.set(r.title, f.learned.hits[i] as [boolean, boolean]);
      });
  }
  console.log('  by the label audit (label-audit.csv: labels judged by hand, blind to the matcher):');
  for (const l of auditLines(hits)) console.log(`    ${l}`);
}
if (!opts.quick) {
  crossValidation(2, 'Held-out halves (the issue’s protocol: reranker and mappings from the other half only):');
  crossValidation(5, '5-fold cross-validation (reranker and mappings from the other four folds only):');
}

console.log('\nSkilled-trade roles:');
const allMappings = withMappings(index, confirmedFrom(dev, index, tree));
const sk = accuracy(skilled, byMatcher(index), tree);
line('skilled-roles.csv (hand-labelled, never tuned on), no mappings', sk);
console.log(`    95% interval of top-1 (Wilson, n=${sk.n}): ${wilson(sk.top1, sk.n)}`);
line('skilled-roles.csv, with the whole dev file’s mappings', accuracy(skilled, byMatcher(allMappings), tree));
line('skilled-roles.csv, dictionary facts only (no import)', accuracy(skilled, byMatcher(factsIndex), tree));
line(
  'dev titles labelled under 大类 6 (生产制造及有关人员), in-sample',
  accuracy(
    dev.filter((r) => r.labels[0]?.startsWith('6-')),
    byMatcher(index),
    tree,
  ),
);

// --- latency: one match, in-process, full dictionary and the confirmed mappings of half 1 loaded ---
const halfMappings = confirmedFrom(
  dev.filter((r) => foldOf(r.title, 2) === 0),
  index,
  tree,
);
const rebuilds: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  buildMappingIndex(index, halfMappings);
  rebuilds.push(performance.now() - t0);
}
const loaded = withMappings(index, halfMappings);
const titles = dev.map((r) => r.title);
for (const t of titles.slice(0, 200)) matchOccupations(loaded, { title: t }, 5); // warm up
const times: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const t of titles) {
    const t0 = performance.now();
    matchOccupations(loaded, { title: t }, 5);
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
console.log('\nSpeed (in-process, full dictionary + mappings of one half loaded):');
console.log(
  `  one match: p50 ${pct(0.5).toFixed(2)} ms, p95 ${pct(0.95).toFixed(2)} ms, p99 ${pct(0.99).toFixed(2)} ms (${times.length} matches)`,
);
console.log(
  `  index build (segmenter + dictionary + work types): first ${builds[0]?.toFixed(0)} ms, then ${builds
    .slice(1)
    .map((b) => b.toFixed(0))
    .join(', ')} ms`,
);
console.log(
  `  mapping part rebuilt on a confirmation (${halfMappings.length} mappings, classifier included): ${rebuilds
    .map((b) => b.toFixed(0))
    .join(', ')} ms`,
);

if (opts.verbose) {
  console.log('\nMisses (skilled-trade roles, no mappings):');
  for (const r of skilled) {
    const m = matchOccupations(index, { title: r.title }, 3);
    if (!m[0] || !r.labels.some((l) => tree.isUnder(m[0]?.workTypeCode ?? m[0]?.occupationCode ?? '', l))) {
      console.log(
        `  ${r.title} → want ${r.labels.join('|')}; got ${m.map((x) => `${x.workTypeCode ?? x.occupationCode} ${index.nodeName.get(x.occupationCode)} ${x.score}`).join(' | ')}`,
      );
    }
  }
}
