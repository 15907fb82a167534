import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/client.ts';
import { migrate } from '../src/migrate.ts';
import { indexRevisions, occupations, workTypes } from '../src/schema/occupation.ts';
import { DictionaryFileError, parseDictionary } from '../src/seed/dictionary.ts';
import {
  importDictionary,
  loadOccupationReference,
  occupationReference,
  workTypeReference,
} from '../src/seed/occupations.ts';
import { freshDb, type TestDb } from '../src/testing.ts';

const HEADER = 'level,code,code_num,name,definition,tasks,csco_code_num,alias';

describe('parseDictionary (the import command’s reader)', () => {
  it('keeps definitions and tasks, splits the L/S marks into flags, and drops duplicate codes', () => {
    const parsed = parseDictionary(
      [
        HEADER,
        '1,6-00-00-00,6000000,生产制造及有关人员,,,6000000,',
        '2,6-18-00-00,6180000,机械制造基础加工人员,,,6180000,',
        '4,6-18-01-13,6180113,增材制造设备操作员L/S,操作增材制造设备的人员。,1.操作设备,6180113,3D打印工',
        '4,6-18-01-13,6180113,增材制造设备操作员L/S,操作增材制造设备的人员。,1.操作设备,6180113,3D打印工',
      ].join('\n'),
    );
    expect(parsed.read).toBe(4);
    expect(parsed.dropped).toEqual([
      { code: '6-18-01-13', level: '4', name: '增材制造设备操作员L/S', identical: true },
    ]);
    expect(parsed.rows.at(-1)).toEqual({
      code: '6-18-01-13',
      name: '增材制造设备操作员',
      level: 4,
      parentCode: '6-18-00-00',
      isGreen: true,
      isDigital: true,
      aliases: ['3D打印工'],
      definition: '操作增材制造设备的人员。',
      tasks: '1.操作设备',
    });
  });

  it('says what is wrong with a file of the wrong shape, with the line', () => {
    expect(() => parseDictionary('a,b\n1,2')).toThrow(/missing column\(s\): level, code, name/);
    expect(() => parseDictionary(HEADER)).toThrow(/no rows/);
    expect(() => parseDictionary(`${HEADER}\n4,6-18-1,x,车工,,,,`)).toThrow(
      /line 2: unexpected occupation code "6-18-1"/,
    );
    expect(() => parseDictionary(`${HEADER}\n7,6-18-01-01,x,车工,,,,`)).toThrow(/line 2: unexpected level "7"/);
    expect(() => parseDictionary(`${HEADER}\n4,6-18-01-01,x,车工,,,,`)).toThrow(/no ancestor for 6-18-01-01/);
    expect(() => parseDictionary(`${HEADER}\n"4,6-18`)).toThrow(DictionaryFileError);
  });
});

describe('importDictionary and the seeded reference', () => {
  let h: TestDb;
  /** A dictionary file written for the tests: 15 职业 with definitions and tasks, their ancestors, one duplicate row. */
  const csv = path.join(repoRoot, 'db/test/fixtures/dictionary-sample.csv');
  const revision = async () =>
    (await h.db.select().from(indexRevisions).where(eq(indexRevisions.name, 'dictionary')))[0]?.revision ?? 0;

  beforeAll(async () => {
    h = await freshDb();
    await migrate(h);
  }, 60_000);
  afterAll(async () => {
    await h?.drop();
  });

  it('seeds the reference with the work types named with certainty, and bumps the index revision', async () => {
    await loadOccupationReference(h.db);
    const types = await h.db.select().from(workTypes).orderBy(workTypes.code);
    expect(types.map((t) => t.code)).toEqual(workTypeReference().map((t) => t.code));
    for (const t of types) expect(t.code.startsWith(`${t.occupationCode}-`)).toBe(true);
    expect(await revision()).toBe(1);
  });

  it('loads a dictionary file with definitions, twice alike, keeping an authority’s work type and the rows the file lacks', async () => {
    await h.db
      .insert(workTypes)
      .values({ code: '6-18-01-01-01', occupationCode: '6-18-01-01', name: '数控车工', createdBy: 'test' });
    const first = await importDictionary(h.db, parseDictionary(readFileSync(csv, 'utf8')));
    expect(first.byLevel).toEqual({ 1: 4, 2: 10, 3: 10, 4: 15 });
    expect(first.duplicatesDropped).toBe(1);
    expect(first.withDefinition).toBe(15);
    expect(first.withTasks).toBe(15);
    // The seeded rows the file does not have stay (filings and certificates refer to codes).
    expect(first.notInFile).toBe(occupationReference().length - first.kept);
    const second = await importDictionary(h.db, parseDictionary(readFileSync(csv, 'utf8')));
    expect(second).toEqual(first);
    const [{ n } = { n: 0 }] = await h.db.select({ n: sql<number>`count(*)::int` }).from(occupations);
    expect(n).toBe(occupationReference().length);
    const [lathe] = await h.db.select().from(occupations).where(eq(occupations.code, '6-18-01-01'));
    expect(lathe?.definition).toMatch(/车床/);
    const defined = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(occupations)
      .where(isNotNull(occupations.tasks));
    expect(defined[0]?.n).toBe(first.withTasks);
    expect((await h.db.select().from(workTypes).where(eq(workTypes.code, '6-18-01-01-01')))[0]?.name).toBe('数控车工');
    expect(await revision()).toBe(3);
  });
});
