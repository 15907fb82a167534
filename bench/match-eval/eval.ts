/**
 * match-eval: how well the nearest-match mapping (相邻相近原则) ranks occupations for
 * real job titles, and how fast. Prints figures; it is a benchmark, not a test.
 *
 *   pnpm --filter @hub/bench match-eval [--dev path/to/job-titles-dev.csv] [--dictionary path/to/csco22.csv]
 *
 * A prediction counts when its code lies under the labelled code (a label may be a
 * 中类, 小类 or 职业; a work type lies under its occupation).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDictionary, workTypeReference } from '@hub/db';
import {
  buildMappingIndex,
  buildMatchIndex,
  type ConfirmedMapping,
  createSegmenter,
  type DictionaryNode,
  type MatchIndex,
  matchOccupations,
} from '@hub/occupations/rules';
import { parse } from 'csv-parse/sync';
import { bigramBaseline } from './baseline.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const { values: opts } = parseArgs({
  options: {
    dev: { type: 'string', default: path.resolve(repoRoot, '../shared/data/job-titles-dev.csv') },
    dictionary: { type: 'string', default: path.resolve(repoRoot, '../shared/data/csco22.csv') },
    verbose: { type: 'boolean', default: false },
  },
});

interface Labelled {
  title: string;
  /** Acceptable codes: a hit lies under any of them. */
  labels: string[];
}

const dictionary = parseDictionary(readFileSync(opts.dictionary, 'utf8')).rows;
const parentOf = new Map<string, string | null>(dictionary.map((r) => [r.code, r.parentCode]));
const workTypes = workTypeReference();
for (const w of workTypes) parentOf.set(w.code, w.occupationCode);

/** True when `code` is `label` or lies below it. */
function isUnder(code: string, label: string): boolean {
  for (let c: string | null | undefined = code; c; c = parentOf.get(c)) if (c === label) return true;
  return false;
}
const hit = (code: string, row: Labelled) => row.labels.some((l) => isUnder(code, l));

const readCsv = (file: string) =>
  parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
const dev: Labelled[] = readCsv(opts.dev).map((r) => ({ title: r.job_name ?? '', labels: [r.expected_code ?? ''] }));
const skilled: Labelled[] = readCsv(path.join(here, 'skilled-roles.csv')).map((r) => ({
  title: r.job_name ?? '',
  labels: (r.expected_codes ?? '').split('|'),
}));
for (const r of [...dev, ...skilled]) {
  for (const l of r.labels) if (!parentOf.has(l)) throw new Error(`label ${l} of ${r.title} is not in the dictionary`);
}

type Predict = (title: string) => string[];

function accuracy(rows: Labelled[], predict: Predict) {
  let top1 = 0;
  let top3 = 0;
  for (const r of rows) {
    const codes = predict(r.title);
    if (codes[0] && hit(codes[0], r)) top1++;
    if (codes.slice(0, 3).some((c) => hit(c, r))) top3++;
  }
  return { n: rows.length, top1: top1 / rows.length, top3: top3 / rows.length };
}

const byMatcher =
  (index: MatchIndex): Predict =>
  (title) =>
    matchOccupations(index, { title }, 3).map((m) => m.workTypeCode ?? m.occupationCode);

// --- index build time (the segmenter with its dictionary included), cold then warm ---
const nodes: DictionaryNode[] = dictionary;
const factsOnly: DictionaryNode[] = dictionary.map(({ definition: _d, tasks: _t, ...facts }) => facts);
const extraWords = () => dictionary.flatMap((r) => [r.name, ...r.aliases]);
const builds: number[] = [];
let index!: MatchIndex;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  index = buildMatchIndex({ nodes, workTypes, segment: createSegmenter(extraWords()) });
  builds.push(performance.now() - t0);
}
const factsIndex = buildMatchIndex({ nodes: factsOnly, workTypes, segment: index.segment });

// --- a deterministic split in two halves (by a hash of the title, so duplicates stay together) ---
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of s) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h;
}
const halves: [Labelled[], Labelled[]] = [[], []];
for (const r of dev) halves[fnv(r.title) % 2]?.push(r);

/**
 * The mappings a reviewer would confirm for the training half: the labelled 职业 itself; for a
 * label above the 职业 level (中类/小类), the best-ranked occupation below the label among the
 * first 50 candidates (a reviewer picks among the offered candidates), else none.
 */
function confirmedFrom(rows: Labelled[], idx: MatchIndex): ConfirmedMapping[] {
  const out: ConfirmedMapping[] = [];
  for (const r of rows) {
    const label = r.labels[0] as string;
    const node = dictionary.find((d) => d.code === label);
    if (node?.level === 4) {
      out.push({ roleName: r.title, occupationCode: label, workTypeCode: null });
      continue;
    }
    const pick = matchOccupations(idx, { title: r.title }, 50).find((m) =>
      isUnder(m.workTypeCode ?? m.occupationCode, label),
    );
    if (pick) out.push({ roleName: r.title, occupationCode: pick.occupationCode, workTypeCode: pick.workTypeCode });
  }
  return out;
}

const fmt = (x: number) => x.toFixed(3);
const line = (label: string, a: { n: number; top1: number; top3: number }) =>
  console.log(`  ${label.padEnd(56)} n=${String(a.n).padStart(4)}  top-1 ${fmt(a.top1)}  top-3 ${fmt(a.top3)}`);

console.log(
  `match-eval — ${path.relative(process.cwd(), opts.dev)} (${dev.length} titles), dictionary ${dictionary.filter((d) => d.level === 4).length} 职业 + ${workTypes.length} 工种`,
);
console.log('\nWhole dev file (the matcher was tuned on it: in-sample):');
const baseline = bigramBaseline(factsOnly);
line('baseline: character-bigram TF-IDF over names + aliases', accuracy(dev, baseline));
line('matcher, names + aliases only (reference facts)', accuracy(dev, byMatcher(factsIndex)));
line('matcher, full dictionary (definitions + tasks imported)', accuracy(dev, byMatcher(index)));

console.log('\nHeld-out halves (confirmed mappings learned from the other half):');
const folds: { plain: ReturnType<typeof accuracy>; learned: ReturnType<typeof accuracy>; mappings: number }[] = [];
for (const [trainAt, testAt] of [
  [0, 1],
  [1, 0],
] as const) {
  const train = halves[trainAt] as Labelled[];
  const test = halves[testAt] as Labelled[];
  const plain = accuracy(test, byMatcher(index));
  const mappings = confirmedFrom(train, index);
  const learned: MatchIndex = { ...index, mappings: buildMappingIndex(index, mappings) };
  const withMappings = accuracy(test, byMatcher(learned));
  folds.push({ plain, learned: withMappings, mappings: mappings.length });
  line(`half ${testAt + 1}, plain`, plain);
  line(`half ${testAt + 1}, with ${mappings.length} mappings confirmed from half ${trainAt + 1}`, withMappings);
  line(`half ${testAt + 1}, baseline`, accuracy(test, baseline));
}
const mean = (k: 'plain' | 'learned', m: 'top1' | 'top3') => folds.reduce((s, f) => s + f[k][m], 0) / folds.length;
console.log(
  `  mean of both halves: plain top-1 ${fmt(mean('plain', 'top1'))} top-3 ${fmt(mean('plain', 'top3'))}; with mappings top-1 ${fmt(mean('learned', 'top1'))} top-3 ${fmt(mean('learned', 'top3'))}`,
);

console.log('\nSkilled-trade roles:');
line('skilled-roles.csv (hand-labelled, never tuned on)', accuracy(skilled, byMatcher(index)));
line(
  'dev titles labelled under 大类 6 (生产制造及有关人员)',
  accuracy(
    dev.filter((r) => r.labels[0]?.startsWith('6-')),
    byMatcher(index),
  ),
);

// --- latency: one match, in-process, full dictionary and the confirmed mappings of half 1 loaded ---
const loaded: MatchIndex = { ...index, mappings: buildMappingIndex(index, confirmedFrom(halves[0], index)) };
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
console.log('\nSpeed (in-process, full dictionary + mappings loaded):');
console.log(
  `  one match: p50 ${pct(0.5).toFixed(2)} ms, p95 ${pct(0.95).toFixed(2)} ms, p99 ${pct(0.99).toFixed(2)} ms (${times.length} matches)`,
);
console.log(
  `  index build (segmenter + dictionary + work types): first ${builds[0]?.toFixed(0)} ms, then ${builds
    .slice(1)
    .map((b) => b.toFixed(0))
    .join(', ')} ms`,
);

if (opts.verbose) {
  console.log('\nMisses (half 2 with mappings from half 1):');
  const learned: MatchIndex = { ...index, mappings: buildMappingIndex(index, confirmedFrom(halves[0], index)) };
  for (const r of halves[1]) {
    const m = matchOccupations(learned, { title: r.title }, 3);
    if (!m[0] || !hit(m[0].workTypeCode ?? m[0].occupationCode, r)) {
      console.log(
        `  ${r.title} → want ${r.labels[0]} ${dictionary.find((d) => d.code === r.labels[0])?.name}; got ${m.map((x) => `${x.occupationCode} ${index.nodeName.get(x.occupationCode)} ${x.score}`).join(' | ')}`,
      );
    }
  }
}
