import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditEvents, enterprises, jobRoleMappings, occupations, repoRoot, workTypes } from '@hub/db';
import { exportMappings, importMappings } from '@hub/occupations/commands/import-mappings';
import { creditCodeCheckChar } from '@hub/vocabulary';
import { asc, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 岗位对照表 (issue #28 point 6): a province's or an enterprise's existing table of job roles loads as
 * confirmed mappings — checked row by row first, written whole or not at all, one matcher rebuild
 * for the file — and the confirmed mappings export in the same columns.
 */

let hub: TestHub;
let enterprise: { id: string; creditCode: string; name: string };
let crane: string;
let workType: { code: string; occupationCode: string };
let other: string;
let majorGroup: string;

const LIST = `query { jobRoleMappings(status: CONFIRMED, first: 50) { totalCount edges { node {
  roleName status reviewerRole occupation { code } workType { code } enterprise { id } } } } }`;
const MATCH = `query($title: String!) { matchOccupations(title: $title, first: 3) { occupation { code } reason } }`;

const mappingCount = async () => (await hub.db.db.select({ n: count() }).from(jobRoleMappings))[0]?.n ?? 0;

/** A credit code that fails GB 32100's check: the right one's check character replaced. */
function wrongCheck(code: string): string {
  const right = creditCodeCheckChar(code.slice(0, 17));
  return code.slice(0, 17) + (right === '0' ? '1' : '0');
}

beforeAll(async () => {
  hub = await startTestHub(200);
  const [e] = await hub.db.db
    .select({ id: enterprises.id, creditCode: enterprises.creditCode, name: enterprises.name })
    .from(enterprises)
    .orderBy(asc(enterprises.id))
    .limit(1);
  enterprise = e as typeof enterprise;
  const [c] = await hub.db.db
    .select({ code: occupations.code })
    .from(occupations)
    .where(eq(occupations.name, '起重装卸机械操作工'));
  crane = (c as { code: string }).code;
  const [w] = await hub.db.db
    .select({ code: workTypes.code, occupationCode: workTypes.occupationCode })
    .from(workTypes)
    .orderBy(asc(workTypes.code))
    .limit(1);
  workType = w as typeof workType;
  const [o] = await hub.db.db.select({ code: occupations.code }).from(occupations).where(eq(occupations.name, '电工'));
  other = (o as { code: string }).code;
  const [g] = await hub.db.db
    .select({ code: occupations.code })
    .from(occupations)
    .where(eq(occupations.level, 1))
    .limit(1);
  majorGroup = (g as { code: string }).code;
});
afterAll(() => hub?.stop());

describe('pnpm hub mappings import', () => {
  const good = () =>
    [
      '岗位名称,职业或工种编码,统一社会信用代码',
      `行车工(桥式起重机),${crane},`,
      `维修电工(三班),${other},${enterprise.creditCode}`,
      `本厂工种岗,${workType.code},`,
    ].join('\n');

  it('names every wrong row, with its line and column, and writes nothing', async () => {
    const before = await mappingCount();
    const bad = [
      '岗位名称,职业或工种编码,统一社会信用代码',
      `行车工(桥式起重机),${crane},`,
      '装配钳工,9-99-99-99,', // no such code
      `维修电工(三班),${other},${wrongCheck(enterprise.creditCode)}`, // check character wrong
      `行车工(桥式起重机),${crane},`, // the same role twice
      `大类行,${majorGroup},`, // a 大类, not an occupation
    ].join('\n');
    const r = await importMappings(hub.db.db, bad, { source: 'bad.csv' });
    expect(r.imported).toBe(0);
    expect(r.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, '职业或工种编码', 'OCCUPATION_NOT_FOUND'],
      [4, '统一社会信用代码', 'INVALID_CREDIT_CODE'],
      [5, '岗位名称', 'DUPLICATE_ROLE'],
      [6, '职业或工种编码', 'NOT_AN_OCCUPATION'],
    ]);
    expect(await mappingCount()).toBe(before);
    const missing = await importMappings(hub.db.db, '岗位,编码\n甲,1', { source: 'x.csv' });
    expect(missing.problems.map((p) => p.code)).toEqual(['COLUMN_MISSING', 'COLUMN_MISSING']);
  });

  it('loads a correct file as confirmed mappings, province-wide or the enterprise’s, and feeds the matcher', async () => {
    const title = '行车工(桥式起重机)';
    const province = await token({ role: 'province_center', sub: 'province' });
    const r = await importMappings(hub.db.db, good(), { source: 'table.csv', audit: undefined });
    expect(r).toMatchObject({ read: 3, imported: 3, unchanged: 0, problems: [] });

    const list = await gql(hub.url, LIST, { token: province });
    const nodes = list.data?.jobRoleMappings.edges.map((e: { node: unknown }) => e.node) as {
      roleName: string;
      reviewerRole: string;
      occupation: { code: string };
      workType: { code: string } | null;
      enterprise: { id: string } | null;
    }[];
    const byRole = new Map(nodes.map((n) => [n.roleName, n]));
    expect(byRole.get(title)).toMatchObject({ reviewerRole: 'import', occupation: { code: crane }, enterprise: null });
    expect(byRole.get('维修电工(三班)')).toMatchObject({
      occupation: { code: other },
      enterprise: { id: enterprise.id },
    });
    expect(byRole.get('本厂工种岗')).toMatchObject({
      occupation: { code: workType.occupationCode },
      workType: { code: workType.code },
    });
    // The enterprise sees its own mapping, and the province-wide one by id is reference data to it.
    const own = await gql(hub.url, LIST, {
      token: await token({ role: 'enterprise', enterpriseId: enterprise.id, sub: 'hr' }),
    });
    expect(own.data?.jobRoleMappings.edges.map((e: { node: { roleName: string } }) => e.node.roleName)).toEqual([
      '维修电工(三班)',
    ]);

    const matched = await gql(hub.url, MATCH, { variables: { title }, token: province });
    expect(matched.data?.matchOccupations[0].occupation.code).toBe(crane);
    expect(matched.data?.matchOccupations[0].reason).toContain('已确认的企业岗位映射');

    // The same table again changes nothing.
    expect(await importMappings(hub.db.db, good(), { source: 'table.csv' })).toMatchObject({
      imported: 0,
      unchanged: 3,
      problems: [],
    });
    // Another occupation for a role already confirmed is a conflict, named.
    const conflict = await importMappings(hub.db.db, `岗位名称,职业或工种编码\n${title},${other}`, { source: 'c.csv' });
    expect(conflict.problems.map((p) => [p.line, p.code])).toEqual([[2, 'MAPPING_EXISTS']]);
    expect(await hub.db.db.select().from(jobRoleMappings).where(isNull(jobRoleMappings.enterpriseId))).toHaveLength(2);
  });

  it('exports the confirmed mappings in the import’s columns, and the command line loads a file', async () => {
    const csv = await exportMappings(hub.db.db);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('岗位名称,职业或工种编码,统一社会信用代码,企业名称,确认时间');
    expect(lines.some((l) => l.startsWith(`维修电工(三班),${other},${enterprise.creditCode},`))).toBe(true);
    // What was exported imports again as already there.
    expect(await importMappings(hub.db.db, csv, { source: 'export.csv' })).toMatchObject({ imported: 0, problems: [] });

    // `pnpm hub mappings import` itself, on a PGlite folder of its own: refused file → exit 1, nothing written.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-mappings-'));
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, `岗位名称,职业或工种编码\n甲岗,9-99-99-99\n`);
    const run = (args: string[]) => {
      try {
        return {
          code: 0,
          out: execFileSync('node', ['--import', 'tsx', 'dev/src/cli.ts', ...args], {
            cwd: repoRoot,
            env: { ...process.env, DATABASE_URL: '', HUB_PGLITE_DIR: path.join(dir, 'pglite') },
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          }),
        };
      } catch (err) {
        const e = err as { status: number; stderr: string };
        return { code: e.status, out: e.stderr };
      }
    };
    const refused = run(['mappings', 'import', file]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('line 2, 职业或工种编码: OCCUPATION_NOT_FOUND');
    writeFileSync(file, `岗位名称,职业或工种编码\n行车工(桥式起重机),${crane}\n`);
    const done = run(['mappings', 'import', file]);
    expect(done).toMatchObject({ code: 0 });
    expect(done.out).toContain('imported 1 confirmed mappings from 1 rows');
    expect(readFileSync(file, 'utf8')).toContain(crane);
  }, 300_000);
});

describe('the audit of an import', () => {
  it('records one event per file, with its counts and no personal data', async () => {
    const { auditWriter } = await import('@hub/db');
    await importMappings(hub.db.db, `岗位名称,职业或工种编码\n审计岗,${crane}`, {
      source: 'audited.csv',
      audit: auditWriter(hub.db.db),
    });
    const [e] = await hub.db.db.select().from(auditEvents).where(eq(auditEvents.field, 'importJobRoleMappings'));
    expect(e).toMatchObject({ outcome: 'OK', role: 'admin' });
    expect(e?.args).toMatchObject({ source: 'audited.csv', rows: 1, imported: 1 });
  });
});
