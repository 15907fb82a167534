/**
 * Reading a 职业分类大典 file (the CSV of ../shared/data/csco22.csv: columns `level, code,
 * code_num, name, definition, tasks, csco_code_num, alias`) into one row per code:
 * duplicates dropped, the green (L) / digital (S) marks split off names into flags,
 * parents linked, a 职业 with occupations below it relevelled to 小类. Used both by
 * db/scripts/build-occupations.ts (facts only, into the committed reference) and by
 * `pnpm hub occupations import FILE` (definitions and tasks included, into the database).
 */
import { parse } from 'csv-parse/sync';
import type { OccupationReference } from './occupations.ts';

export interface DictionaryRow extends OccupationReference {
  definition: string | null;
  tasks: string | null;
}

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

const CODE = /^[1-8]-\d{2}-\d{2}-\d{2}$/;
const COLUMNS = ['level', 'code', 'name', 'definition', 'tasks', 'alias'];
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

export interface ParsedDictionary {
  rows: DictionaryRow[];
  /** Rows read from the CSV. */
  read: number;
  /** Duplicate rows dropped (one kept per code). */
  dropped: { code: string; level: string; name: string; identical: boolean }[];
  renamed: { code: string; from: string; to: string }[];
  /** Rows whose level contradicts the tree (a 职业 with occupations below it). */
  relevelled: { code: string; name: string; from: number; to: number }[];
}

/** A dictionary file that cannot be read, with the line at fault where there is one. */
export class DictionaryFileError extends Error {}

/** Parses a dictionary CSV. Throws DictionaryFileError on a file of the wrong shape. */
export function parseDictionary(csvText: string): ParsedDictionary {
  let records: CsvRecord[];
  try {
    records = parse(csvText, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: false,
      relax_column_count: false,
    }) as CsvRecord[];
  } catch (err) {
    throw new DictionaryFileError(`not a readable CSV: ${err instanceof Error ? err.message : err}`);
  }
  const first = records[0];
  if (!first) throw new DictionaryFileError('the file has no rows');
  const missing = COLUMNS.filter((c) => !(c in first));
  if (missing.length) throw new DictionaryFileError(`missing column(s): ${missing.join(', ')}`);

  // One row per code: the most complete, and the first in file order on ties.
  const kept = new Map<string, CsvRecord>();
  const dropped: ParsedDictionary['dropped'] = [];
  records.forEach((r, i) => {
    const code = r.code.trim();
    const line = i + 2;
    if (!CODE.test(code))
      throw new DictionaryFileError(`line ${line}: unexpected occupation code ${JSON.stringify(r.code)}`);
    if (!['1', '2', '3', '4'].includes(r.level.trim())) {
      throw new DictionaryFileError(`line ${line}: unexpected level ${JSON.stringify(r.level)} for ${code}`);
    }
    if (!r.name.trim()) throw new DictionaryFileError(`line ${line}: ${code} has no name`);
    const prev = kept.get(code);
    if (!prev) {
      kept.set(code, r);
      return;
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
  });

  const renamed: ParsedDictionary['renamed'] = [];
  const rows: DictionaryRow[] = [];
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
      level: Number(r.level) as DictionaryRow['level'],
      parentCode: parentOf(code, (c) => kept.has(c)),
      isGreen,
      isDigital,
      aliases,
      definition: r.definition.trim() || null,
      tasks: r.tasks.trim() || null,
    });
  }
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  // A row marked 职业 (level 4) that has occupations below it is a 小类 (6-20-03-00 in the 2022 file).
  const parents = new Set(rows.map((r) => r.parentCode));
  const relevelled: ParsedDictionary['relevelled'] = [];
  for (const r of rows) {
    if (r.level === 4 && parents.has(r.code)) {
      r.level = 3;
      relevelled.push({ code: r.code, name: r.name, from: 4, to: 3 });
    }
  }
  const orphans = rows.filter((r) => r.level > 1 && r.parentCode === null);
  if (orphans.length) throw new DictionaryFileError(`no ancestor for ${orphans.map((r) => r.code).join(', ')}`);
  return { rows, read: records.length, dropped, renamed, relevelled };
}
