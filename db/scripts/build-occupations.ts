/**
 * Builds db/src/reference/occupations.json from the 2022 职业分类大典 CSV.
 *
 *   node --import tsx db/scripts/build-occupations.ts [path/to/csco22.csv]
 *
 * Default input: ../shared/data/csco22.csv relative to the repository root.
 * Output: facts only (code, name, level, parentCode, isGreen, isDigital, aliases),
 * sorted by code; no definition or task texts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { OccupationReference } from '../src/seed/occupations.ts';

export type OccupationRow = OccupationReference;

interface CsvRecord {
  level: string;
  code: string;
  code_num: string;
  name: string;
  definition: string;
  tasks: string;
  csco_code_num: string;
  alias: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const CODE = /^[1-8]-\d{2}-\d{2}-\d{2}$/;
/** The green (L) / digital (S) marker at the end of a name: `XXL`, `XXS`, `XXL/S`, `XX (L/S)`, `XX（S）` … */
const MARKER = /\s*[(（]?\s*(L\s*\/\s*S|S\s*\/\s*L|L|S)\s*[)）]?\s*$/;

/** Splits the marker off a name. */
export function splitMarker(raw: string): { name: string; isGreen: boolean; isDigital: boolean } {
  const trimmed = normalizeName(raw);
  const m = MARKER.exec(trimmed);
  // Only a marker after a CJK character or closing bracket counts; a Latin word at the end is part of the name.
  if (!m || m.index === 0 || /[A-Za-z]/.test(trimmed.charAt(m.index - 1))) {
    return { name: trimmed, isGreen: false, isDigital: false };
  }
  const flag = (m[1] ?? '').replace(/\s/g, '');
  return {
    name: trimmed.slice(0, m.index),
    isGreen: flag.includes('L'),
    isDigital: flag.includes('S'),
  };
}

/** Trims, and drops the stray spaces the source has after Chinese punctuation (`皮革、 毛皮`). */
export function normalizeName(raw: string): string {
  return raw.trim().replace(/\s*([、，；（）])\s*/g, '$1');
}

/** Nearest existing ancestor: 6-18-01-01 → 6-18-01-00 → 6-18-00-00 → 6-00-00-00. */
export function parentOf(code: string, exists: (code: string) => boolean): string | null {
  const [major, middle, minor] = code.split('-');
  const candidates = [`${major}-${middle}-${minor}-00`, `${major}-${middle}-00-00`, `${major}-00-00-00`];
  for (const c of candidates) if (c !== code && exists(c)) return c;
  return null;
}

/** Completeness rank for picking one row among duplicates: a row with a definition, then the deeper level. */
function rank(r: CsvRecord): number {
  return (r.definition.trim() ? 10 : 0) + Number(r.level);
}

export interface BuildResult {
  rows: OccupationRow[];
  /** Rows read from the CSV. */
  read: number;
  /** Duplicate rows dropped (one kept per code). */
  dropped: { code: string; level: string; name: string; identical: boolean }[];
  renamed: { code: string; from: string; to: string }[];
  /** Rows whose level contradicts the tree (a 职业 with occupations below it). */
  relevelled: { code: string; name: string; from: number; to: number }[];
}

export function buildOccupations(csvText: string): BuildResult {
  const records = parse(csvText, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: false,
    relax_column_count: false,
  }) as CsvRecord[];

  // One row per code: the most complete, and the first in file order on ties.
  const kept = new Map<string, CsvRecord>();
  const dropped: BuildResult['dropped'] = [];
  for (const r of records) {
    const code = r.code.trim();
    if (!CODE.test(code)) throw new Error(`unexpected occupation code ${JSON.stringify(r.code)}`);
    if (!['1', '2', '3', '4'].includes(r.level.trim())) throw new Error(`unexpected level ${r.level} for ${code}`);
    const prev = kept.get(code);
    if (!prev) {
      kept.set(code, r);
      continue;
    }
    const loser = rank(r) > rank(prev) ? prev : r;
    const winner = loser === prev ? r : prev;
    kept.set(code, winner);
    dropped.push({
      code,
      level: loser.level,
      name: loser.name,
      identical: JSON.stringify(loser) === JSON.stringify(winner),
    });
  }

  const renamed: BuildResult['renamed'] = [];
  const rows: OccupationRow[] = [];
  for (const [code, r] of kept) {
    const { name, isGreen, isDigital } = splitMarker(r.name);
    const plain = r.name.trim().replace(MARKER, '');
    if (normalizeName(plain) !== plain.trim()) renamed.push({ code, from: r.name, to: name });
    const exclude = new Set([r.name.trim(), normalizeName(r.name), name]);
    const aliases: string[] = [];
    for (const part of r.alias.split(/[,，]/)) {
      const a = part.trim().replace(/\s+/g, ' ');
      if (!a || exclude.has(a) || aliases.includes(a)) continue;
      aliases.push(a);
    }
    rows.push({
      code,
      name,
      level: Number(r.level) as OccupationRow['level'],
      parentCode: parentOf(code, (c) => kept.has(c)),
      isGreen,
      isDigital,
      aliases,
    });
  }
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  // A row marked 职业 (level 4) that has occupations below it is a 小类 (6-20-03-00 in the 2022 file).
  const parents = new Set(rows.map((r) => r.parentCode));
  const relevelled: BuildResult['relevelled'] = [];
  for (const r of rows) {
    if (r.level === 4 && parents.has(r.code)) {
      r.level = 3;
      relevelled.push({ code: r.code, name: r.name, from: 4, to: 3 });
    }
  }
  return { rows, read: records.length, dropped, renamed, relevelled };
}

function main(): void {
  const input = path.resolve(repoRoot, process.argv[2] ?? '../shared/data/csco22.csv');
  const output = path.join(repoRoot, 'db', 'src', 'reference', 'occupations.json');
  const { rows, read, dropped, renamed, relevelled } = buildOccupations(readFileSync(input, 'utf8'));

  const byLevel = [1, 2, 3, 4].map((l) => rows.filter((r) => r.level === l).length);
  const orphans = rows.filter((r) => r.level > 1 && r.parentCode === null);
  if (orphans.length) throw new Error(`no ancestor for ${orphans.map((r) => r.code).join(', ')}`);

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
