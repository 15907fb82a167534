import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { occupationReference } from '@hub/db';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { COLUMNS, isHeldOut, KINDS, labelsOf, loadRoles, ROLES_FILE, SOURCES } from './roles.ts';

// The committed files only: enterprise-roles.csv, skilled-roles.csv and the shipped dictionary facts
// (db/src/reference/occupations.json): nothing outside the repository, so a fresh clone runs it.
const here = path.dirname(fileURLToPath(import.meta.url));
const roles = loadRoles();
const occupation = new Map(
  occupationReference()
    .filter((o) => o.level === 4)
    .map((o) => [o.code, o.name]),
);

describe('enterprise roles (enterprise-roles.csv)', () => {
  it('has the columns title, code, alternatives, industry, kind, source and at least 420 titles, each once', () => {
    const header = readFileSync(ROLES_FILE, 'utf8').split('\n')[0]?.trim();
    expect(header).toBe(COLUMNS.join(','));
    expect(roles.length).toBeGreaterThanOrEqual(420);
    expect(new Set(roles.map((r) => r.title)).size).toBe(roles.length);
    for (const r of roles) expect(r.title.trim(), 'a title').toBe(r.title);
    expect(roles.every((r) => r.title.length > 0 && r.industry.length > 0)).toBe(true);
  });

  it('labels every title with 职业 of the dictionary under 大类 3–6, none twice', () => {
    const bad = roles.flatMap((r) =>
      labelsOf(r)
        .filter((c) => !occupation.has(c) || !/^[3-6]-/.test(c))
        .map((c) => `${r.title} → ${c}`),
    );
    expect(bad).toEqual([]);
    const twice = roles.filter((r) => new Set(labelsOf(r)).size !== labelsOf(r).length).map((r) => r.title);
    expect(twice).toEqual([]);
    for (const c of ['3', '4', '5', '6']) {
      expect(roles.filter((r) => r.code.startsWith(`${c}-`)).length, `大类 ${c}`).toBeGreaterThanOrEqual(10);
    }
  });

  it('gives each title a known kind and source, and has every kind', () => {
    expect(roles.filter((r) => !KINDS.includes(r.kind)).map((r) => r.title)).toEqual([]);
    expect(roles.filter((r) => !SOURCES.includes(r.source)).map((r) => r.title)).toEqual([]);
    for (const k of KINDS) expect(roles.filter((r) => r.kind === k).length, k).toBeGreaterThanOrEqual(20);
  });

  it('includes the 48 skilled-trade roles with their labels (a 小类 label by the 职业 under it)', () => {
    const skilled = parse(readFileSync(path.join(here, 'skilled-roles.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    const mine = new Map(roles.filter((r) => r.source === 'skilled-roles').map((r) => [r.title, labelsOf(r)]));
    expect(mine.size).toBe(48);
    for (const s of skilled) {
      const labels = mine.get(s.job_name ?? '');
      expect(labels, s.job_name).toBeDefined();
      for (const c of (s.expected_codes ?? '').split('|')) {
        // 6-11-01-00 (化工产品生产通用工艺人员) is a 小类: the set lists 职业 under it instead.
        if (occupation.has(c)) expect(labels).toContain(c);
        else expect(labels?.every((l) => l.startsWith(c.slice(0, 8)))).toBe(true);
      }
    }
  });
});

describe('the held-out part', () => {
  it('is fixed by the title alone: the first byte of its SHA-1 is 0 mod 4', () => {
    const first = (t: string) => createHash('sha1').update(t, 'utf8').digest()[0] ?? 0;
    for (const r of roles) expect(isHeldOut(r.title)).toBe(first(r.title) % 4 === 0);
    // Pinned, so a change of hash or encoding cannot pass unnoticed.
    expect(['电池模组装配工', '塔吊司机', '外卖骑手', 'IQC来料检验员'].map(isHeldOut)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('holds out about a quarter of the titles, of every kind', () => {
    const held = roles.filter((r) => isHeldOut(r.title));
    expect(held.length / roles.length).toBeGreaterThan(0.2);
    expect(held.length / roles.length).toBeLessThan(0.3);
    for (const k of KINDS)
      expect(
        held.some((r) => r.kind === k),
        k,
      ).toBe(true);
  });
});
