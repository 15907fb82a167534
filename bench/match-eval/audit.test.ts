import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { occupationReference, workTypeReference } from '@hub/db';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditLines, loadAudit } from './audit.ts';

// The committed files only: label-audit.csv (its titles and labels copied from the dev file) and the
// shipped dictionary facts. That its titles and labels are the dev file's is checked by data.ts,
// where the dev file is read (match-eval runs by hand).
const here = path.dirname(fileURLToPath(import.meta.url));
const rows = parse(readFileSync(path.join(here, 'label-audit.csv'), 'utf8'), { columns: true }) as Record<
  string,
  string
>[];
const audit = loadAudit();
const labelOf = new Map(rows.map((r) => [r.job_name ?? '', r.expected_code ?? '']));
const parentOf = new Map<string, string | null>(occupationReference().map((o) => [o.code, o.parentCode]));
for (const w of workTypeReference()) parentOf.set(w.code, w.occupationCode);
const isUnder = (code: string, label: string) => {
  for (let c: string | null | undefined = code; c; c = parentOf.get(c)) if (c === label) return true;
  return false;
};
const occupations = occupationReference()
  .filter((o) => o.level === 4)
  .map((o) => o.code);

describe('the label audit (label-audit.csv)', () => {
  it('judges 1,637 titles, each once, as A, B, C or U, each labelled with a code of the dictionary', () => {
    expect(rows).toHaveLength(1637);
    expect(audit.size).toBe(1637);
    for (const [title, j] of audit) {
      expect(parentOf.has(labelOf.get(title) as string), title).toBe(true);
      expect(['A', 'B', 'C', 'U']).toContain(j);
    }
  });

  it('marks U exactly the labels no 职业 lies under', () => {
    for (const [title, j] of audit) {
      const label = labelOf.get(title) as string;
      expect(j === 'U', `${title} → ${label}`).toBe(!occupations.some((c) => isUnder(c, label)));
    }
  });

  it('counts hits by judgement', () => {
    const hits = new Map([...audit].map(([t, j]) => [t, [j === 'A', j === 'A' || j === 'B'] as const]));
    const lines = auditLines(hits, audit);
    const n = (j: string) => [...audit.values()].filter((x) => x === j).length;
    expect(lines[1]).toContain(`n=${n('A')}  top-1 1.000  top-3 1.000`);
    expect(lines[3]).toContain(`n=${String(n('B')).padStart(3)}  top-1 0.000  top-3 1.000`);
    expect(lines[4]).toContain('top-3 0.000');
    expect(lines[0]).toContain(`top-3 ${((n('A') + n('B')) / audit.size).toFixed(3)}`);
  });
});
