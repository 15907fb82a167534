import { cases, enterprises } from '@hub/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from './assessments-fixtures.ts';
import { dayFrom, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * Issue #24 point 12, through the gateway: a 责令限期整改 gives the institution its period on what
 * was ordered, but new serious findings escalate the case at any time, with reasons.
 */

let hub: TestHub;
let run: ReturnType<typeof caller>;
let enterpriseId: string;

const FIELDS = `supervisionCase { id status version escalatedOn escalationReason history { action toStatus note } } errors { code message }`;
const FINDING = `mutation($id: ID!, $f: CaseFindingInput!) { recordFinding(id: $id, input: $f) { ${FIELDS} } }`;
const ORDER = `mutation($id: ID!, $r: String!, $d: Date!) { orderRectification(id: $id, requirements: $r, dueOn: $d) { ${FIELDS} } }`;
const ESCALATE = `mutation($id: ID!, $r: String!) { escalateCase(id: $id, reason: $r) { ${FIELDS} } }`;

beforeAll(async () => {
  hub = await startTestHub(200);
  const [e] = await hub.db.db.select().from(enterprises).where(eq(enterprises.prefectureCode, '430100')).limit(1);
  if (!e) throw new Error('the seed has no enterprise in 长沙');
  enterpriseId = e.id;
  run = caller(hub.url, await token({ role: 'city_center', prefecture: '430100', sub: 'centre-changsha' }));
});
afterAll(async () => {
  await hub?.stop();
});

/** A case under a rectification order due in 30 days, on one finding. */
async function orderedCase(): Promise<string> {
  const opened = await run(
    `mutation($i: OpenCaseInput!) { openCase(input: $i) { supervisionCase { id } errors { code } } }`,
    {
      i: {
        enterpriseId,
        source: 'PERIODIC_INSPECTION',
        violationTypes: ['MISMANAGEMENT'],
        summary: '定期检查发现评价档案不全。',
      },
    },
  );
  const id = opened.openCase.supervisionCase.id;
  await run(FINDING, {
    id,
    f: { violationType: 'MISMANAGEMENT', description: '评价档案缺少考评记录', evidence: ['archive://档案/01'] },
  });
  const ordered = await run(ORDER, { id, r: '补齐评价档案', d: dayFrom(hub, 30) });
  expect(ordered.orderRectification.supervisionCase.status).toBe('RECTIFICATION_ORDERED');
  return id;
}

describe('escalation under a rectification order (#24 point 12)', () => {
  it('escalates before the deadline on a new serious finding, with its reason on the case and in the history', async () => {
    const id = await orderedCase();
    const found = await run(FINDING, {
      id,
      f: {
        violationType: 'DISHONESTY',
        description: '整改期间查实伪造考评记录',
        evidence: ['video://考场监控/0415'],
      },
    });
    expect(found.recordFinding.supervisionCase.status).toBe('RECTIFICATION_ORDERED');
    const reason = '整改期间新查实伪造考评记录，问题严重';
    const escalated = (await run(ESCALATE, { id, r: reason })).escalateCase;
    expect(escalated.errors).toEqual([]);
    expect(escalated.supervisionCase).toMatchObject({
      status: 'ESCALATED',
      escalatedOn: hub.clock.today(),
      escalationReason: reason,
    });
    expect(escalated.supervisionCase.history.map((h: any) => h.action)).toEqual([
      'OPEN_CASE',
      'RECORD_FINDING',
      'ORDER_RECTIFICATION',
      'RECORD_FINDING',
      'ESCALATE',
    ]);
    expect(escalated.supervisionCase.history.at(-1).note).toBe(reason);
  });

  it('still refuses, changing nothing, an escalation before the deadline with no finding since the order', async () => {
    const id = await orderedCase();
    const [before] = await hub.db.db.select().from(cases).where(eq(cases.id, id));
    const refused = (await run(ESCALATE, { id, r: '问题严重' })).escalateCase;
    expect(refused.supervisionCase).toBeNull();
    expect(refused.errors.map((e: any) => e.code)).toEqual(['RECTIFICATION_DEADLINE_NOT_PASSED']);
    expect(refused.errors[0].message).toContain('新查实的问题');
    const [after] = await hub.db.db.select().from(cases).where(eq(cases.id, id));
    expect([after?.status, after?.version]).toEqual(['RECTIFICATION_ORDERED', before?.version]);
  });

  it('refuses an escalation on new findings without a reason', async () => {
    const id = await orderedCase();
    await run(FINDING, {
      id,
      f: { violationType: 'LOWERED_STANDARDS', description: '考核时长不足', evidence: ['archive://考核记录/02'] },
    });
    const refused = (await run(ESCALATE, { id, r: '  ' })).escalateCase;
    expect(refused.errors.map((e: any) => e.code)).toEqual(['ESCALATION_NEEDS_REASON']);
  });
});
