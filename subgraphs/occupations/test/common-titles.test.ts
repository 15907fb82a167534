import { occupationReference } from '@hub/db';
import { describe, expect, it } from 'vitest';
import { parseCommonTitles, shippedCommonTitles } from '../src/rules/common-titles.ts';
import { compact, normalizeText } from '../src/rules/text.ts';

describe('everyday titles (rules/common-titles.ts)', () => {
  it('reads code,title rows and drops a title the list gives to two 职业', () => {
    const rows = parseCommonTitles('code,title\n6-30-05-01,塔吊司机\n6-31-01-03,机修工\n6-31-01-02,机修工\n\n');
    expect(rows).toEqual([{ occupationCode: '6-30-05-01', title: '塔吊司机' }]);
  });

  it('refuses a file without its header or with a row that is not a 职业 code and a title', () => {
    expect(() => parseCommonTitles('title,code\n')).toThrow(/header/);
    expect(() => parseCommonTitles('code,title\n6-30-05,塔吊司机\n')).toThrow(/line 2/);
    expect(() => parseCommonTitles('code,title\n6-30-05-01,塔吊,司机\n')).toThrow(/line 2/);
  });

  it('ships titles of skill 职业 only, none of them a name or alias the dictionary already has', () => {
    const reference = occupationReference();
    const occupations = new Map(reference.filter((n) => n.level === 4).map((n) => [n.code, n]));
    const official = new Set(
      reference
        .flatMap((n) => [n.name, ...n.aliases.flatMap((a) => a.split(/[/、|,，]/))])
        .map((t) => compact(normalizeText(t))),
    );
    const shipped = shippedCommonTitles();
    expect(shipped.length).toBeGreaterThan(5000);
    const covered = new Set(shipped.map((t) => t.occupationCode));
    for (const t of shipped) {
      expect(occupations.has(t.occupationCode), t.occupationCode).toBe(true);
      expect(t.occupationCode).toMatch(/^[3-6]-/);
      expect(official.has(compact(normalizeText(t.title))), t.title).toBe(false);
      expect([...t.title].length).toBeLessThanOrEqual(14);
    }
    // Every 职业 of 大类 3–6 has some.
    const skill = [...occupations.keys()].filter((c) => /^[3-6]-/.test(c));
    expect(skill.filter((c) => !covered.has(c))).toEqual([]);
  });
});
