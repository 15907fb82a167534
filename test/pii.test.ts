/** Personal data through the gateway: resident IDs only encrypted at rest, found by hash; complainants seen by the handling authority only. */
import { certificates, decryptResidentId, residentIdHmac, rowsOf, workers } from '@hub/db';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInstitution, type Institution, institutionToken, residentId } from './assessments-fixtures.ts';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

let hub: TestHub;
let inst: Institution;
beforeAll(async () => {
  hub = await startTestHub(600);
  inst = await findInstitution(hub, [3]);
}, 120_000);
afterAll(async () => {
  await hub?.stop();
});

const REGISTER = `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id residentId } errors { code field } } }`;
const BY_IDENTITY = `query($id: ResidentId!, $name: String!) {
  verifyCertificatesByIdentity(residentId: $id, holderName: $name) { number holderName status }
}`;

describe('resident IDs at rest', () => {
  const rid = residentId(777, '19860203');

  it('stores a registered worker’s ID encrypted with its keyed hash, and refuses the same person twice by the hash', async () => {
    const tok = await institutionToken(inst.id);
    const i = { name: '隐私甲', residentId: rid, employedSince: '2016-05-01' };
    const first = await gql(hub.url, REGISTER, { token: tok, variables: { i } });
    expect(first.data?.registerWorker.errors).toEqual([]);
    expect(first.data?.registerWorker.worker.residentId).toBe(rid); // the institution sees it in full
    const id = first.data?.registerWorker.worker.id as string;

    const [raw] = rowsOf<Record<string, string>>(
      await hub.db.db.execute(sql`select w::text as line from assessment.workers w where w.id = ${id}::uuid`),
    );
    expect(raw?.line).toBeDefined();
    expect(raw?.line).not.toContain(rid);
    expect(raw?.line).not.toContain(Buffer.from(rid).toString('hex'));
    const [w] = await hub.db.db.select().from(workers).where(eq(workers.id, id));
    expect(decryptResidentId(w?.residentIdEnc as Uint8Array)).toBe(rid);
    expect(Buffer.from(w?.residentIdHmac as Uint8Array).equals(residentIdHmac(rid))).toBe(true);

    const again = await gql(hub.url, REGISTER, { token: tok, variables: { i: { ...i, name: '隐私甲乙' } } });
    expect(again.data?.registerWorker).toEqual({
      worker: null,
      errors: [{ code: 'WORKER_ALREADY_RECORDED', field: 'residentId' }],
    });
  });

  it('verifies a holder by identity through the gateway (a lookup by hash) and never returns the ID', async () => {
    const [c] = await hub.db.db
      .select()
      .from(certificates)
      .where(eq(certificates.status, 'VALID'))
      .orderBy(asc(certificates.number))
      .limit(1);
    if (!c) throw new Error('the seed has no valid certificate');
    const id = decryptResidentId(c.holderResidentIdEnc);
    const r = await gql(hub.url, BY_IDENTITY, { variables: { id, name: c.holderName } });
    expect(r.errors).toBeUndefined();
    expect(r.data?.verifyCertificatesByIdentity.map((v: { number: string }) => v.number)).toContain(c.number);
    expect(JSON.stringify(r)).not.toContain(id);
    const other = await gql(hub.url, BY_IDENTITY, { variables: { id: rid, name: c.holderName } });
    expect(other.data?.verifyCertificatesByIdentity).toEqual([]);
  });

  it('leaves no resident ID in clear in any table of the assessment schema (a dump, scanned)', async () => {
    const certs = await hub.db.db.select({ enc: certificates.holderResidentIdEnc }).from(certificates);
    const ws = await hub.db.db.select({ enc: workers.residentIdEnc }).from(workers);
    const ids = new Set([...certs, ...ws].map((r) => decryptResidentId(r.enc)));
    expect(ids.has(rid)).toBe(true);
    expect(ids.size).toBeGreaterThan(500);
    const tables = rowsOf<Record<string, string>>(
      await hub.db.db.execute(
        sql`select table_name as t from information_schema.tables where table_schema = 'assessment' and table_type = 'BASE TABLE'`,
      ),
    ).map((r) => r.t as string);
    expect(tables.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const t of tables) {
      const rows = rowsOf<Record<string, string>>(
        await hub.db.db.execute(sql`select r::text as line from assessment.${sql.identifier(t)} r`),
      );
      for (const { line } of rows)
        for (const m of (line as string).matchAll(/(?=(\d{17}[\dX]))/g))
          if (ids.has(m[1] as string)) leaks.push(`${t}: ${m[1]}`);
    }
    expect(leaks).toEqual([]);
  });
});

describe('complainant identities (投诉人)', () => {
  const LIST = `query($p: String) { complaints(first: 100, prefecture: $p) { edges { node { receiptNumber complainantName complainantContact } } } }`;
  /** The 受理编号 the intake gave (ComplaintReceipt.reference). */
  let receipt: string;
  const other = () => (inst.prefectureCode === '430100' ? '430200' : '430100');

  beforeAll(async () => {
    const r = await gql(
      hub.url,
      `mutation($i: ComplaintInput!) { submitComplaint(input: $i) { receipt { reference } errors { code } } }`,
      {
        variables: {
          i: {
            institutionCreditCode: inst.creditCode,
            content: '本单位组织的技能操作考核只考了十分钟，考评员未到场，直接发证。',
            complainantName: '投诉人乙',
            complainantContact: '13900000002',
          },
        },
      },
    );
    expect(r.data?.submitComplaint.errors).toEqual([]);
    receipt = r.data?.submitComplaint.receipt.reference;
  });

  const seenBy = async (claims: Parameters<typeof token>[0], prefecture: string | null = inst.prefectureCode) => {
    const r = await gql(hub.url, LIST, { token: await token(claims), variables: { p: prefecture } });
    return {
      errors: r.errors,
      node: r.data?.complaints?.edges.find((e: any) => e.node.receiptNumber === receipt)?.node,
    };
  };

  it('shows who complained to the handling authorities: the 市州 centre and the province', async () => {
    for (const claims of [
      { role: 'city_center', prefecture: inst.prefectureCode },
      { role: 'province_center' },
    ] as const) {
      const { errors, node } = await seenBy(claims);
      expect(errors, claims.role).toBeUndefined();
      expect(node, claims.role).toEqual({
        receiptNumber: receipt,
        complainantName: '投诉人乙',
        complainantContact: '13900000002',
      });
    }
  });

  it('hides the complainant from readers who do not handle it, and the complaint from another 市州 and the enterprise', async () => {
    for (const claims of [{ role: 'ministry' }, { role: 'admin' }] as const) {
      const { node } = await seenBy(claims);
      expect(node, claims.role).toEqual({ receiptNumber: receipt, complainantName: null, complainantContact: null });
    }
    const elsewhere = await seenBy({ role: 'city_center', prefecture: other() }, null);
    expect(elsewhere.node).toBeUndefined();
    for (const claims of [{ role: 'enterprise', enterpriseId: inst.id }, { role: 'dashboard' }] as const) {
      const { errors, node } = await seenBy(claims);
      expect(node, claims.role).toBeUndefined();
      expect(errors?.length, claims.role).toBeGreaterThan(0);
    }
    const pub = await gql(hub.url, LIST, { variables: { p: inst.prefectureCode } });
    expect(JSON.stringify(pub)).not.toContain('投诉人乙');
  });
});
