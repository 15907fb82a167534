/**
 * Everyday titles (岗位俗称): the names enterprises give the posts of a 职业 — 塔吊司机, 二保焊工,
 * 总装工, IPQC — which the 职业分类大典 lists neither as names nor as aliases. The matcher reads them
 * as names of their 职业, beside its name and aliases (rules/match-index.ts: kind `common`; an equal
 * one places its 职业 first, as an alias does; one equal to a work type's name stays the work type's).
 *
 * The shipped list, common-titles.csv (`code,title`), was written for this hub from general
 * knowledge of Chinese workplaces, 职业 by 职业 over 大类 3–6, without reading the evaluation files
 * (bench/match-eval); it is the project's own data under the project's licence. A title that the
 * list gives to two 职业 is ambiguous and dropped when read.
 */
import { readFileSync } from 'node:fs';
import { upsert } from './maps.ts';

export interface CommonTitle {
  occupationCode: string;
  title: string;
}

export const COMMON_TITLES_FILE = new URL('./common-titles.csv', import.meta.url);

/** Parses the list (`code,title` with a header); a row that is not a 职业 code and a title is an error. */
export function parseCommonTitles(text: string): CommonTitle[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== 'code,title') throw new Error('common titles: the header must be "code,title"');
  const byTitle = new Map<string, Set<string>>();
  const rows: CommonTitle[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const [code = '', title = '', ...rest] = line.split(',');
    if (rest.length || !/^\d-\d{2}-\d{2}-\d{2}$/.test(code) || !title.trim()) {
      throw new Error(`common titles, line ${i + 2}: expected "职业 code,title"`);
    }
    const t = title.trim();
    const codes = upsert(byTitle, t, () => new Set<string>());
    if (!codes.has(code)) rows.push({ occupationCode: code, title: t });
    codes.add(code);
  });
  return rows.filter((r) => (byTitle.get(r.title)?.size ?? 0) === 1);
}

let shipped: CommonTitle[] | undefined;

/** The shipped list, read once. */
export function shippedCommonTitles(): readonly CommonTitle[] {
  shipped ??= parseCommonTitles(readFileSync(COMMON_TITLES_FILE, 'utf8'));
  return shipped;
}

let byCode: Map<string, string[]> | undefined;

/** The shipped everyday titles of a 职业 (none for another code). */
export function everydayTitlesOf(code: string): readonly string[] {
  if (!byCode) {
    byCode = new Map();
    for (const t of shippedCommonTitles()) upsert(byCode, t.occupationCode, () => [] as string[]).push(t.title);
  }
  return byCode.get(code) ?? [];
}
