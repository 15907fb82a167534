/**
 * The files match-eval reads: the dictionary, the dev titles, the skilled-trade roles; the code tree.
 * The dictionary and the dev titles are not in the repository (default: ../shared/data/ beside it;
 * --dictionary and --dev point elsewhere). Only the tools run by hand import this module, never a test:
 * without a file it says which one and how to pass it, and exits 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDictionary, workTypeReference } from '@hub/db';
import {
  buildMatchIndex,
  createSegmenter,
  type DictionaryNode,
  type MatchIndex,
  type Reranker,
} from '@hub/occupations/rules';
import { parse } from 'csv-parse/sync';
import { loadAudit } from './audit.ts';
import type { Labelled, Tree } from './cv.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
export const { values: opts } = parseArgs({
  options: {
    dev: { type: 'string', default: path.resolve(repoRoot, '../shared/data/job-titles-dev.csv') },
    dictionary: { type: 'string', default: path.resolve(repoRoot, '../shared/data/csco22.csv') },
    verbose: { type: 'boolean', default: false },
    /** Skip the cross-validation (whole-file figures, skilled trades and speed only). */
    quick: { type: 'boolean', default: false },
  },
  strict: false,
  allowPositionals: true,
}) as { values: { dev: string; dictionary: string; verbose: boolean; quick: boolean } };

const missing = (
  [
    ['dictionary', opts.dictionary, 'the 职业分类大典 CSV (csco22.csv)'],
    ['dev', opts.dev, 'the labelled job titles (job-titles-dev.csv)'],
  ] as const
).filter(([, file]) => !existsSync(file));
if (missing.length) {
  for (const [flag, file, what] of missing) {
    process.stderr.write(`match-eval: ${what} is missing: ${file}\n  pass its path with --${flag} path/to/file\n`);
  }
  process.stderr.write('These files are not in the repository; see bench/match-eval/README.md.\n');
  process.exit(2);
}

export const dictionary = parseDictionary(readFileSync(opts.dictionary, 'utf8')).rows;
export const workTypes = workTypeReference();
const parentOf = new Map<string, string | null>(dictionary.map((r) => [r.code, r.parentCode]));
for (const w of workTypes) parentOf.set(w.code, w.occupationCode);
const levelOf = new Map(dictionary.map((r) => [r.code, r.level]));

export const tree: Tree = {
  isUnder(code, label) {
    for (let c: string | null | undefined = code; c; c = parentOf.get(c)) if (c === label) return true;
    return false;
  },
  levelOf: (code) => levelOf.get(code),
};

const readCsv = (file: string) =>
  parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
export const dev: Labelled[] = readCsv(opts.dev).map((r) => ({
  title: r.job_name ?? '',
  labels: [r.expected_code ?? ''],
}));
export const skilled: Labelled[] = readCsv(path.join(here, 'skilled-roles.csv')).map((r) => ({
  title: r.job_name ?? '',
  labels: (r.expected_codes ?? '').split('|'),
}));
for (const r of [...dev, ...skilled]) {
  for (const l of r.labels) if (!parentOf.has(l)) throw new Error(`label ${l} of ${r.title} is not in the dictionary`);
}
// label-audit.csv judges dev titles only, with their dev labels (audit.test.ts checks the rest without the dev file).
{
  const devLabel = new Map(dev.map((r) => [r.title, r.labels[0]]));
  const audited = parse(readFileSync(path.join(here, 'label-audit.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  for (const r of audited) {
    const title = r.job_name ?? '';
    if (devLabel.get(title) !== r.expected_code) {
      throw new Error(`label-audit.csv: ${title} → ${r.expected_code} is not a title of ${opts.dev} with that label`);
    }
  }
  if (loadAudit().size !== audited.length) throw new Error('label-audit.csv judges a title twice');
}

export const extraWords = () => dictionary.flatMap((r) => [r.name, ...r.aliases]);
/** The dictionary as the hub ships it without an import: the facts only (no definitions, no tasks). */
export const factsOnly: DictionaryNode[] = dictionary.map(({ definition: _d, tasks: _t, ...facts }) => facts);
/**
 * The matcher's index over the full dictionary (definitions and tasks included), no mappings; with
 * `facts`, over the facts only (as a hub that never ran the import matches); with `reranker`, that one
 * instead of the shipped model (the trainer passes one: it must run when the shipped model is stale).
 */
export const plainIndex = (
  facts = false,
  segment = createSegmenter(extraWords()),
  reranker: Reranker | undefined = undefined,
): MatchIndex =>
  buildMatchIndex({
    nodes: facts ? factsOnly : (dictionary as DictionaryNode[]),
    workTypes,
    segment,
    ...(reranker ? { reranker } : {}),
  });
