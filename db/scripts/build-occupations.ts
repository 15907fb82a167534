/**
 * Builds db/src/reference/occupations.json from the 2022 职业分类大典 CSV.
 *
 *   node --import tsx db/scripts/build-occupations.ts [path/to/csco22.csv]
 *
 * Default input: ../shared/data/csco22.csv relative to the repository root (outside the repository:
 * the dictionary file is not committed; pass its path when it lives elsewhere). Nothing else reads it:
 * the hub and the tests use the committed reference.
 * Output: facts only (code, name, level, parentCode, isGreen, isDigital, aliases),
 * sorted by code; no definition or task texts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParsedDictionary, parseDictionary } from '../src/seed/dictionary.ts';
import type { OccupationReference } from '../src/seed/occupations.ts';

export { normalizeName, parentOf, splitMarker } from '../src/seed/dictionary.ts';
export type OccupationRow = OccupationReference;

export interface BuildResult extends Omit<ParsedDictionary, 'rows'> {
  rows: OccupationRow[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The reference rows of a dictionary CSV: facts only, no definitions or tasks. */
export function buildOccupations(csvText: string): BuildResult {
  const parsed = parseDictionary(csvText);
  return { ...parsed, rows: parsed.rows.map(({ definition: _d, tasks: _t, ...facts }) => facts) };
}

function main(): void {
  const input = path.resolve(repoRoot, process.argv[2] ?? '../shared/data/csco22.csv');
  if (!existsSync(input)) {
    process.stderr.write(
      `build-occupations: the dictionary file ${input} is missing.\n` +
        'Pass its path (absolute, or relative to the repository root):\n' +
        '  node --import tsx db/scripts/build-occupations.ts path/to/csco22.csv\n',
    );
    process.exit(2);
  }
  const output = path.join(repoRoot, 'db', 'src', 'reference', 'occupations.json');
  const { rows, read, dropped, renamed, relevelled } = buildOccupations(readFileSync(input, 'utf8'));

  const byLevel = [1, 2, 3, 4].map((l) => rows.filter((r) => r.level === l).length);

  writeFileSync(output, `${JSON.stringify(rows, null, 2)}\n`);
  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(`read ${read} rows from ${path.relative(process.cwd(), input)}`);
  log(`dropped ${dropped.length} duplicate rows (one kept per code):`);
  for (const d of dropped) {
    log(`  ${d.code} level ${d.level} ${d.name}${d.identical ? ' (identical copy)' : ' (less complete row)'}`);
  }
  for (const r of relevelled) log(`level ${r.from} → ${r.to} for ${r.code} ${r.name}: it has occupations below it`);
  for (const r of renamed) log(`normalized name ${r.code}: ${JSON.stringify(r.from)} → ${JSON.stringify(r.to)}`);
  log(
    `wrote ${rows.length} occupations (大类 ${byLevel[0]}, 中类 ${byLevel[1]}, 小类 ${byLevel[2]}, 职业 ${byLevel[3]})`,
  );
  log(`green (L) ${rows.filter((r) => r.isGreen).length}, digital (S) ${rows.filter((r) => r.isDigital).length}`);
  log(`→ ${path.relative(process.cwd(), output)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
