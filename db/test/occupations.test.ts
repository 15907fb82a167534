import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOccupations, parentOf, splitMarker } from '../scripts/build-occupations.ts';
import { repoRoot } from '../src/client.ts';
import { migrate } from '../src/migrate.ts';
import { occupations } from '../src/schema/occupation.ts';
import { loadOccupationReference, occupationReference } from '../src/seed/occupations.ts';
import { freshDb, type TestDb } from '../src/testing.ts';

const ref = occupationReference();
const byCode = new Map(ref.map((o) => [o.code, o]));
const MARKER_LEFT = /(^|[^A-Za-z])[(（\s]*(L|S|L\s*\/\s*S|S\s*\/\s*L)[)）\s]*$/;

describe('occupation reference (db/src/reference/occupations.json)', () => {
  it('has one row per code, sorted by code, facts only', () => {
    expect(byCode.size).toBe(ref.length);
    const codes = ref.map((o) => o.code);
    expect(codes).toEqual([...codes].sort());
    for (const o of ref) {
      expect(Object.keys(o).sort()).toEqual(['aliases', 'code', 'isDigital', 'isGreen', 'level', 'name', 'parentCode']);
      expect(o.code).toMatch(/^[1-8]-\d{2}-\d{2}-\d{2}$/);
      expect([1, 2, 3, 4]).toContain(o.level);
    }
  });

  it('has the whole dictionary: 8 大类 and at least 1,600 职业', () => {
    expect(ref.filter((o) => o.level === 1)).toHaveLength(8);
    expect(ref.filter((o) => o.level === 4).length).toBeGreaterThanOrEqual(1600);
  });

  it('strips the green (L) / digital (S) markers from names into flags', () => {
    for (const o of ref) {
      expect(o.name, o.code).not.toMatch(MARKER_LEFT);
      expect(o.name, o.code).toBe(o.name.trim());
    }
    expect(ref.filter((o) => o.isGreen).length).toBeGreaterThan(100);
    expect(ref.filter((o) => o.isDigital).length).toBeGreaterThan(80);
    expect(ref.filter((o) => o.isGreen && o.isDigital).length).toBeGreaterThan(10);
    // Known rows of the 2022 dictionary.
    expect(byCode.get('6-18-01-13')).toMatchObject({ name: '增材制造设备操作员', isGreen: true, isDigital: true });
    expect(byCode.get('2-02-10-03')).toMatchObject({ name: '计算机软件工程技术人员', isGreen: false, isDigital: true });
    expect(byCode.get('6-18-01-01')).toMatchObject({ name: '车工', level: 4, isGreen: false, isDigital: false });
  });

  it('links every row but the 大类 to its nearest existing ancestor', () => {
    for (const o of ref) {
      if (o.level === 1) {
        expect(o.parentCode).toBeNull();
        continue;
      }
      const parent = byCode.get(o.parentCode ?? '');
      expect(parent, `${o.code} → ${o.parentCode}`).toBeDefined();
      expect((parent as { level: number }).level).toBeLessThan(o.level);
      expect(o.code.startsWith((o.parentCode as string).replace(/(-00)+$/, ''))).toBe(true);
    }
    expect(byCode.get('6-18-01-01')?.parentCode).toBe('6-18-01-00');
    expect(byCode.get('6-18-01-00')?.parentCode).toBe('6-18-00-00');
    expect(byCode.get('6-18-00-00')?.parentCode).toBe('6-00-00-00');
    // Occupations directly under a 中类, and 小类-shaped codes that are occupations themselves.
    expect(byCode.get('1-01-00-01')?.parentCode).toBe('1-01-00-00');
    expect(byCode.get('1-02-01-00')).toMatchObject({ level: 4, parentCode: '1-02-00-00' });
    // Marked 职业 in the CSV but has occupations below it.
    expect(byCode.get('6-20-03-01')).toMatchObject({ level: 4, parentCode: '6-20-03-00' });
    expect(byCode.get('6-20-03-00')).toMatchObject({ level: 3, parentCode: '6-20-00-00' });
  });

  it('keeps aliases as a list without the name itself', () => {
    for (const o of ref) {
      expect(o.aliases).not.toContain(o.name);
      expect(new Set(o.aliases).size).toBe(o.aliases.length);
      for (const a of o.aliases) expect(a).toBe(a.trim());
    }
    expect(byCode.get('2-02-10-03')?.aliases).toEqual(expect.arrayContaining(['C/C++', 'Java开发', '软件工程师']));
  });

  // The whole reference is rebuilt from the dictionary file by db/scripts/build-occupations.ts; the
  // tests check the build on a file in the same format written for them (15 职业 and their ancestors,
  // with the reference's facts and definitions of their own), which must give the reference's rows.
  const csv = path.join(repoRoot, 'db/test/fixtures/dictionary-sample.csv');
  it('equals a fresh build from a dictionary file, for the codes the file has', () => {
    const { rows, dropped } = buildOccupations(readFileSync(csv, 'utf8'));
    expect(rows.length).toBeGreaterThan(30);
    expect(rows).toEqual(ref.filter((o) => rows.some((r) => r.code === o.code)));
    expect(rows.filter((r) => r.isGreen && r.isDigital).map((r) => r.code)).toEqual(['6-18-01-13']);
    expect(dropped.map((d) => d.code)).toEqual(['6-18-02-04']);
  });
});

describe('build-occupations', () => {
  it('splits the marker in each of its spellings', () => {
    expect(splitMarker('大地测量员L/S')).toEqual({ name: '大地测量员', isGreen: true, isDigital: true });
    expect(splitMarker('碳管理工程技术人员L ')).toEqual({
      name: '碳管理工程技术人员',
      isGreen: true,
      isDigital: false,
    });
    expect(splitMarker('全媒体运营师 (S)')).toEqual({ name: '全媒体运营师', isGreen: false, isDigital: true });
    expect(splitMarker('光伏组件制造工（L）')).toEqual({ name: '光伏组件制造工', isGreen: true, isDigital: false });
    expect(splitMarker('GIS')).toEqual({ name: 'GIS', isGreen: false, isDigital: false });
    expect(splitMarker('车工')).toEqual({ name: '车工', isGreen: false, isDigital: false });
  });

  it('finds the nearest existing ancestor', () => {
    const have = new Set(['6-00-00-00', '6-18-00-00']);
    expect(parentOf('6-18-01-01', (c) => have.has(c))).toBe('6-18-00-00');
    expect(parentOf('6-18-00-00', (c) => have.has(c))).toBe('6-00-00-00');
    expect(parentOf('6-00-00-00', (c) => have.has(c))).toBeNull();
  });

  it('drops duplicate codes deterministically, fixes a 职业 that has occupations below it, and says so', () => {
    const text = [
      'level,code,code_num,name,definition,tasks,csco_code_num,alias',
      '1,6-00-00-00,6000000,生产制造及有关人员,,,6000000,生产制造及有关人员',
      '2,6-18-00-00,6180000,机械制造基础加工人员,,,6180000,机械制造基础加工人员',
      '4,6-18-01-00,6180100,机械冷加工人员,,,6180100,机械冷加工人员',
      '3,6-18-02-00,6180200,机械热加工人员,,,6180200,机械热加工人员',
      '4,6-18-02-00,6180200,机械热加工人员,从事热加工的人员。,,6180200,机械热加工人员',
      '4,6-18-01-13,6180113,增材制造设备操作员L/S,操作增材制造设备的人员。,,6180113,"增材制造设备操作员L/S,3D打印工, 3D打印工 ,打印/扫描员"',
      '4,6-18-01-13,6180113,增材制造设备操作员L/S,操作增材制造设备的人员。,,6180113,增材制造设备操作员L/S',
    ].join('\n');
    const { rows, dropped, read, relevelled } = buildOccupations(text);
    expect(read).toBe(7);
    expect(rows.map((r) => r.code)).toEqual(['6-00-00-00', '6-18-00-00', '6-18-01-00', '6-18-01-13', '6-18-02-00']);
    expect(dropped.map((x) => [x.code, x.level, x.identical])).toEqual([
      ['6-18-02-00', '3', false],
      ['6-18-01-13', '4', false],
    ]);
    // The more complete row wins (a 小类-shaped code that is an occupation itself); on a tie, the first.
    expect(rows[4]).toMatchObject({ level: 4, parentCode: '6-18-00-00' });
    expect(rows[2]).toMatchObject({ level: 3, parentCode: '6-18-00-00' });
    expect(relevelled).toEqual([{ code: '6-18-01-00', name: '机械冷加工人员', from: 4, to: 3 }]);
    expect(rows[3]).toEqual({
      code: '6-18-01-13',
      name: '增材制造设备操作员',
      level: 4,
      parentCode: '6-18-01-00',
      isGreen: true,
      isDigital: true,
      aliases: ['3D打印工', '打印/扫描员'],
    });
  });
});

describe('loadOccupationReference', () => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb();
    await migrate(h);
  }, 60_000);
  afterAll(async () => {
    await h?.drop();
  });

  it('upserts every row in chunks, keeps definitions, and can run again', async () => {
    const before = h.stats.statements;
    expect(await loadOccupationReference(h.db)).toBe(ref.length);
    expect(h.stats.statements - before).toBeLessThanOrEqual(Math.ceil(ref.length / 500) + 2);
    await h.db
      .update(occupations)
      .set({ definition: '使用车床加工零件的人员。' })
      .where(eq(occupations.code, '6-18-01-01'));
    await loadOccupationReference(h.db);
    const [count] = await h.db.select({ n: sql<number>`count(*)::int` }).from(occupations);
    expect(count?.n).toBe(ref.length);
    const [lathe] = await h.db.select().from(occupations).where(eq(occupations.code, '6-18-01-01'));
    expect(lathe).toMatchObject({
      name: '车工',
      level: 4,
      parentCode: '6-18-01-00',
      definition: '使用车床加工零件的人员。',
    });
    const [printer] = await h.db.select().from(occupations).where(eq(occupations.code, '6-18-01-13'));
    expect(printer).toMatchObject({ isGreen: true, isDigital: true, definition: null });
  });
});
