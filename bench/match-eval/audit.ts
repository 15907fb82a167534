/**
 * The label audit: 1,637 dev titles (a hash sample: `fnv("audit:" + title) % 18` < 8) whose label was
 * judged by hand, blind to the matcher's answers (`label-audit.csv`, column `judgement`):
 *   A  the label is a reasonable reading of the title under 相邻相近 (a reviewer could confirm it);
 *   B  debatable: the label relates to the title, another occupation fits clearly better
 *      (运营专员 → 品牌专业人员, 酒店店长 → 旅店服务员);
 *   C  wrong: nothing in the title supports the label beyond a shared character
 *      (理疗师 → 心理治疗技师, 画师 → 漆艺师, 电脑技术学徒 → 心电学技师);
 *   U  no 职业 lies under the label (catch-alls such as 其他教学人员): no 职业 or 工种 can hit it.
 * Prints held-out accuracy by judgement, from per-title hits (eval.ts, or a `--hits` file of
 * heldout.ts / variants.ts):
 *
 *   node --import tsx match-eval/audit.ts hits.json
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { wilson } from './cv.ts';

export type Judgement = 'A' | 'B' | 'C' | 'U';
const here = path.dirname(fileURLToPath(import.meta.url));

/** Title → judgement, from label-audit.csv. */
export function loadAudit(file = path.join(here, 'label-audit.csv')): Map<string, Judgement> {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
  return new Map(rows.map((r) => [r.job_name ?? '', r.judgement as Judgement]));
}

const GROUPS: [label: string, of: readonly Judgement[]][] = [
  ['all audited', ['A', 'B', 'C', 'U']],
  ['A (reasonable label)', ['A']],
  ['A + B (reasonable or debatable)', ['A', 'B']],
  ['B (debatable)', ['B']],
  ['C (wrong label)', ['C']],
  ['U (no 职业 under the label)', ['U']],
];

/** Lines of top-1 / top-3 by judgement over the audited titles found in `hits` (title → [top-1, top-3]). */
export function auditLines(hits: Map<string, readonly [boolean, boolean]>, audit = loadAudit()): string[] {
  return GROUPS.map(([label, of]) => {
    const h = [...audit]
      .filter(([t, j]) => of.includes(j) && hits.has(t))
      .map(([t]) => hits.get(t) as [boolean, boolean]);
    const n = h.length;
    const share = (i: 0 | 1) => h.filter((x) => x[i]).length / Math.max(n, 1);
    return `${label.padEnd(34)} n=${String(n).padStart(3)}  top-1 ${share(0).toFixed(3)}  top-3 ${share(1).toFixed(3)} (95% ${wilson(share(1), n)})`;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: audit.ts hits.json (from heldout.ts or variants.ts --hits)');
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, [boolean, boolean]>>;
  for (const [k, byKey] of Object.entries(all)) {
    const hits = new Map(Object.entries(byKey).map(([key, h]) => [key.slice(key.indexOf('\t') + 1), h] as const));
    console.log(`k=${k}:`);
    for (const l of auditLines(hits)) console.log(`  ${l}`);
  }
}
