import { describe, expect, it } from 'vitest';
import { auditLines, loadAudit } from './audit.ts';
import { dev, dictionary, tree } from './data.ts';

const audit = loadAudit();
const labelOf = new Map(dev.map((r) => [r.title, r.labels[0]]));
const occupations = dictionary.filter((r) => r.level === 4).map((r) => r.code);

describe('the label audit (label-audit.csv)', () => {
  it('judges dev titles only, each once, as A, B, C or U', () => {
    expect(audit.size).toBe(1637);
    for (const [title, j] of audit) {
      expect(labelOf.has(title), title).toBe(true);
      expect(['A', 'B', 'C', 'U']).toContain(j);
    }
  });

  it('marks U exactly the labels no 职业 lies under', () => {
    for (const [title, j] of audit) {
      const label = labelOf.get(title) as string;
      expect(j === 'U', `${title} → ${label}`).toBe(!occupations.some((c) => tree.isUnder(c, label)));
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
