/**
 * No clear resident ID in the audit log at rest (issue #26 point 3): the writer hashes the IDs an
 * event names and masks every other resident-ID shape; the migration audit_personal_data_at_rest
 * rewrites rows written before — the one sanctioned exception to append-only, itself recorded.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/client.ts';
import { migrate, migrationsRoot } from '../src/migrate.ts';
import { residentIdHmac } from '../src/pii.ts';
import { freshDb, type TestDb } from '../src/testing.ts';
import { auditWriter, RESIDENT_ID_TARGET_PREFIX } from '../src/write/audit.ts';

const ID = '43010219900101001X';
const OTHER = '430102199001010013';
const REWRITE = '20261207004555_audit_personal_data_at_rest';
/** Any resident-ID shape, as the hub's masking finds them. */
const SHAPE = /(?<!\d)\d{14,17}[\dXx](?!\d)/;

const rows = async <T = Record<string, unknown>>(db: TestDb, query: SQL) => rowsOf<T>(await db.db.execute(query));

/** Every text the audit table holds, one string per row (columns, arrays and JSON alike). */
const allText = async (db: TestDb) =>
  (
    await rows<{ t: string }>(
      db,
      sql`select concat_ws(' | ', service, operation_name, field, role, sub, prefecture, request_id,
            array_to_string(codes, ' '), array_to_string(target_ids, ' '), args::text) as t
          from audit.events order by id`,
    )
  ).map((r) => r.t);

/** Applies the audit domain's migrations older than `before` only (as a database written before it). */
async function migrateAuditBefore(db: TestDb, before: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'audit-migrations-'));
  try {
    for (const m of readdirSync(path.join(migrationsRoot, 'audit')))
      if (m < before) cpSync(path.join(migrationsRoot, 'audit', m), path.join(dir, m), { recursive: true });
    const config = {
      migrationsFolder: dir,
      migrationsTable: '__drizzle_migrations_audit',
      migrationsSchema: 'drizzle',
    };
    const run =
      db.kind === 'postgres'
        ? (await import('drizzle-orm/postgres-js/migrator')).migrate
        : (await import('drizzle-orm/pglite/migrator')).migrate;
    await run(db.db as never, config);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('audit rows written before the rewrite', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await freshDb();
    await migrateAuditBefore(db, REWRITE);
    // What the hub wrote before: the resident ID as a target id, in a name the caller chose, in a
    // request id, and as a number where a number was asked for; and a row with nothing personal.
    await db.db.execute(sql`
      insert into audit.events (service, operation_name, field, role, outcome, codes, target_ids, args, request_id)
      values ('assessments', ${`Late${ID}`}, 'registerWorker', 'public', 'DENIED', '{UNAUTHENTICATED}',
              ${`{${ID},x${OTHER}X}`}::text[], ${JSON.stringify({ input: { residentId: ID, note: `id ${OTHER} given`, n: 430102199001010000 } })}::text::jsonb,
              ${`req-${OTHER}`}),
             ('occupations', 'AddOne', 'addWorkType', 'admin', 'OK', '{}', '{6-18-02-04}',
              '{"occupationCode":"6-18-02-04","count":12}'::jsonb, 'req-1')`);
    expect((await allText(db)).some((t) => t.includes(ID))).toBe(true);
    await migrate(db);
  }, 120_000);
  afterAll(() => db?.drop());

  it('leaves no resident ID in any text column, masked as the hub masks them', async () => {
    const texts = await allText(db);
    for (const t of texts) expect(t).not.toMatch(SHAPE);
    const [row] = await rows<{ operation_name: string; target_ids: string[]; request_id: string; args: unknown }>(
      db,
      sql`select operation_name, target_ids, request_id, args from audit.events where field = 'registerWorker'`,
    );
    expect(row?.operation_name).toBe(`Late430${'*'.repeat(13)}1X`);
    expect(row?.target_ids).toEqual([`430${'*'.repeat(13)}1X`, `x430${'*'.repeat(13)}13X`]);
    expect(row?.request_id).toBe(`req-430${'*'.repeat(13)}13`);
    expect(row?.args).toEqual({
      input: {
        residentId: `430${'*'.repeat(13)}1X`,
        note: `id 430${'*'.repeat(13)}13 given`,
        n: `430${'*'.repeat(13)}00`,
      },
    });
  });

  it('changes no row without personal data', async () => {
    const [row] = await rows<{ target_ids: string[]; args: unknown; request_id: string }>(
      db,
      sql`select target_ids, args, request_id from audit.events where field = 'addWorkType'`,
    );
    expect(row).toEqual({
      target_ids: ['6-18-02-04'],
      args: { occupationCode: '6-18-02-04', count: 12 },
      request_id: 'req-1',
    });
  });

  it('records itself as an audit event, and leaves the table append-only again', async () => {
    const [event] = await rows<{ service: string; field: string; codes: string[]; args: { rowsRewritten: number } }>(
      db,
      sql`select service, field, codes, args from audit.events where operation_name = ${REWRITE}`,
    );
    expect(event).toMatchObject({ service: 'db', field: 'migration', codes: ['APPEND_ONLY_EXCEPTION'] });
    expect(event?.args.rowsRewritten).toBe(1);
    const refusal = await db.db.execute(sql`update audit.events set outcome = 'OK'`).then(
      () => 'allowed',
      (err: Error & { cause?: Error }) => `${err.message} ${err.cause?.message ?? ''}`,
    );
    expect(refusal).toMatch(/append-only: UPDATE refused/);
    const helpers = await rows(db, sql`select 1 from pg_proc where proname = 'mask_resident_ids'`);
    expect(helpers).toHaveLength(0); // the rewrite's helpers go with it
  });
});

describe('audit writer', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await freshDb();
    await migrate(db);
  }, 120_000);
  afterAll(() => db?.drop());

  it('stores the resident IDs an event names as their lookup HMAC, and masks any other shape', async () => {
    await auditWriter(db.db)([
      {
        service: 'assessments',
        operationName: `Op${OTHER}`,
        field: 'registerWorker',
        role: 'enterprise',
        sub: 'clerk',
        enterpriseId: null,
        prefecture: null,
        credentialId: null,
        requestId: OTHER,
        outcome: 'OK',
        codes: [],
        targetIds: ['5b1e0c2a-0000-4000-8000-000000000001', `x${OTHER}`],
        residentIds: [ID, ID],
        args: { [`k${OTHER}`]: OTHER, n: 430102199001010000, list: [OTHER] },
      },
    ]);
    const [text] = await allText(db);
    expect(text).not.toMatch(SHAPE);
    const [row] = await rows<{ target_ids: string[] }>(
      db,
      sql`select target_ids from audit.events where field = 'registerWorker'`,
    );
    expect(row?.target_ids).toEqual([
      '5b1e0c2a-0000-4000-8000-000000000001',
      `x430${'*'.repeat(13)}13`,
      `${RESIDENT_ID_TARGET_PREFIX}${residentIdHmac(ID).toString('hex')}`,
    ]);
    // The hash is the one the workers table holds: an auditor joins events to records by it.
    const joined = await db.db.execute(
      sql`select 1 from audit.events where ${`${RESIDENT_ID_TARGET_PREFIX}`} || encode(${residentIdHmac(ID)}::bytea, 'hex') = any(target_ids)`,
    );
    expect(rowsOf(joined)).toHaveLength(1);
  });
});
