import { complaints } from '@hub/db';
import { type ServedGateway, startGateway } from '@hub/gateway';
import { LOOKUP_BUDGET_DEFAULTS } from '@hub/gateway/lookup-budget';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, findInstitution, type Institution } from './assessments-fixtures.ts';
import { dayFrom, gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * Issue #24 point 14, through the gateway: a complaint gets a 受理编号 a person can read out and a
 * 查询码; anyone holding both sees its progress (nothing personal), budgeted like the other public
 * lookups; it is to be handled within 30 days, and the centre has an overdue view.
 */

let hub: TestHub;
let inst: Institution;
let centre: ReturnType<typeof caller>;

const SUBMIT = `mutation($i: ComplaintInput!) { submitComplaint(input: $i) { receipt { reference checkCode receivedOn handlingDueOn } errors { code message } } }`;
const STATUS = `query($r: String!, $c: String!) { complaintStatus(receiptNumber: $r, checkCode: $c) { receiptNumber status receivedOn handlingDueOn handledOn overdue } }`;
const TRIAGE = `mutation($id: ID!, $d: TriageDecision!, $n: String) { triageComplaint(id: $id, decision: $d, note: $n) { complaint { receiptNumber status handledOn overdue } errors { code } } }`;
const OVERDUE = `query($o: Boolean) { complaints(overdue: $o, first: 100) { edges { node { receiptNumber status handlingDueOn overdue } } } }`;

async function complain(content = '考核现场无考评员，成绩由他人代填，请核查。') {
  const r = await gql(hub.url, SUBMIT, {
    variables: {
      i: {
        institutionCreditCode: inst.creditCode,
        content,
        complainantName: '投诉人乙',
        complainantContact: '13900000002',
      },
    },
  });
  expect(r.errors).toBeUndefined();
  expect(r.data?.submitComplaint.errors).toEqual([]);
  return r.data?.submitComplaint.receipt as { reference: string; checkCode: string; handlingDueOn: string };
}

const receipts = async (overdue: boolean) =>
  ((await centre(OVERDUE, { o: overdue })).complaints.edges as any[]).map((e) => e.node.receiptNumber);

beforeAll(async () => {
  hub = await startTestHub(300);
  inst = await findInstitution(hub, [4]);
  centre = caller(hub.url, await token({ role: 'city_center', prefecture: inst.prefectureCode, sub: 'centre-tousu' }));
});
afterAll(async () => {
  await hub?.stop();
});

describe('投诉回执 and 投诉进度查询 (#24 point 14)', () => {
  it('gives a readable receipt number of the day, in sequence, a check code and a 30-day handling deadline', async () => {
    const first = await complain();
    const second = await complain('评价公示期只有两天，不符合规定。');
    const day = hub.clock.today().replaceAll('-', '');
    expect(first.reference).toMatch(new RegExp(`^TS${day}\\d{4}$`));
    expect(Number(second.reference.slice(10))).toBe(Number(first.reference.slice(10)) + 1);
    expect(first.checkCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(first.handlingDueOn).toBe(dayFrom(hub, 30));
    // The hub keeps no check code, only its hash.
    const [row] = await hub.db.db.select().from(complaints).where(eq(complaints.receiptNumber, first.reference));
    expect(JSON.stringify(row)).not.toContain(first.checkCode);
  });

  it('shows the progress to anyone with receipt number and check code, nothing personal, and nothing without both', async () => {
    const r = await complain();
    const read = await gql(hub.url, STATUS, { variables: { r: r.reference.toLowerCase(), c: r.checkCode } });
    expect(read.data?.complaintStatus).toEqual({
      receiptNumber: r.reference,
      status: 'RECEIVED',
      receivedOn: hub.clock.today(),
      handlingDueOn: dayFrom(hub, 30),
      handledOn: null,
      overdue: false,
    });
    expect(JSON.stringify(read)).not.toMatch(/投诉人乙|13900000002|考评员/);
    const wrongCode = await gql(hub.url, STATUS, { variables: { r: r.reference, c: 'AAAAAAAA' } });
    const noSuch = await gql(hub.url, STATUS, { variables: { r: `${r.reference.slice(0, 10)}9999`, c: r.checkCode } });
    for (const miss of [wrongCode, noSuch]) {
      expect(miss.errors).toBeUndefined();
      expect(miss.data?.complaintStatus).toBeNull();
    }

    // The centre dismisses it, naming it by its receipt number; the holder sees it handled.
    const dismissed = await centre(TRIAGE, { id: r.reference, d: 'DISMISS', n: '经核查，所反映问题不属实' });
    expect(dismissed.triageComplaint.complaint).toMatchObject({ status: 'DISMISSED', handledOn: hub.clock.today() });
    const after = await gql(hub.url, STATUS, { variables: { r: r.reference, c: r.checkCode } });
    expect(after.data?.complaintStatus).toMatchObject({ status: 'DISMISSED', handledOn: hub.clock.today() });
  });

  it('budgets the public status lookup like the other public lookups', async () => {
    const r = await complain();
    const subgraphUrls = Object.fromEntries(Object.entries(hub.subgraphs).map(([n, s]) => [n, s.url]));
    const small: ServedGateway = await startGateway({
      port: 0,
      subgraphUrls,
      lookupBudget: { ...LOOKUP_BUDGET_DEFAULTS, lookups: 3, trustProxy: false },
    });
    try {
      for (let i = 0; i < 3; i++) {
        const ok = await gql(small.url, STATUS, { variables: { r: r.reference, c: `WRONG${i}AA` } });
        expect(ok.status).toBe(200);
      }
      const refused = await gql(small.url, STATUS, { variables: { r: r.reference, c: r.checkCode } });
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'LOOKUP_BUDGET_EXCEEDED' });
    } finally {
      await small.close();
    }
  });
});

describe('办理期限 and the centres’ overdue view', () => {
  it('lists a complaint still open after its 30 days as overdue, until it is handled; a fresh one is not', async () => {
    const today = hub.clock.today();
    hub.clock.set(dayFrom(hub, -31), 'test');
    let old: Awaited<ReturnType<typeof complain>>;
    try {
      old = await complain('三十一天前收到的投诉：考核时长不足。');
    } finally {
      hub.clock.set(today, 'test');
    }
    const fresh = await complain();
    expect(await receipts(true)).toContain(old.reference);
    expect(await receipts(true)).not.toContain(fresh.reference);
    expect(await receipts(false)).toContain(fresh.reference);
    expect(await receipts(false)).not.toContain(old.reference);
    const seen = await gql(hub.url, STATUS, { variables: { r: old.reference, c: old.checkCode } });
    expect(seen.data?.complaintStatus).toMatchObject({ status: 'RECEIVED', overdue: true });

    // Accepting it is not handling it: it stays overdue until a case is opened on it.
    await centre(TRIAGE, { id: old.reference, d: 'ACCEPT', n: '予以受理' });
    expect(await receipts(true)).toContain(old.reference);
    const opened = await centre(
      `mutation($c: ID!) { openCaseFromComplaint(complaintId: $c, summary: "职工投诉反映考核时长不足。", violationTypes: [LOWERED_STANDARDS]) { supervisionCase { id source } errors { code } } }`,
      { c: old.reference },
    );
    expect(opened.openCaseFromComplaint.supervisionCase.source).toBe('COMPLAINT');
    expect(await receipts(true)).not.toContain(old.reference);
    const handled = await gql(hub.url, STATUS, { variables: { r: old.reference, c: old.checkCode } });
    expect(handled.data?.complaintStatus).toMatchObject({ status: 'CONVERTED', handledOn: today, overdue: false });
  });

  it('keeps the overdue view to the centre’s own 市州 and refuses it to the public', async () => {
    const other = inst.prefectureCode === '430300' ? '430100' : '430300';
    const outsider = await gql(hub.url, OVERDUE, {
      token: await token({ role: 'city_center', prefecture: other, sub: 'centre-other' }),
      variables: { o: true },
    });
    expect(outsider.data?.complaints.edges).toEqual([]);
    const anon = await gql(hub.url, OVERDUE, { variables: { o: true } });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
