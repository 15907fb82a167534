import { evaluationPlans } from '@hub/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInstitution } from './assessments-fixtures.ts';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub(300, { today: '2026-12-01', webhookWorker: false }); // a scenario on the 2026→2027 year end, before 2027's notice is out
});
afterAll(() => hub?.stop());

const DEADLINES = /* GraphQL */ `
  query ($evaluation: Date!, $publicityEnd: Date!) {
    planReportDeadline(evaluationDate: $evaluation) { date calendarConfirmed }
    resultSubmissionDeadline(publicityEndDate: $publicityEnd) { date calendarConfirmed }
  }
`;

const LOAD = /* GraphQL */ `
  mutation ($input: LoadHolidayNoticeInput!) {
    loadHolidayNotice(input: $input) {
      calendar { year confirmed notice holidays { day name } adjustedWorkingDays { day } }
      errors { code message field }
    }
  }
`;

const NOTICE_2027 = {
  year: 2027,
  notice: '国办发明电〔2026〕99号 (test)',
  holidays: [
    { day: '2027-01-01', name: '元旦' },
    { day: '2027-01-02', name: '元旦' },
    { day: '2027-01-03', name: '元旦' },
    { day: '2027-01-04', name: '元旦' },
  ],
  adjustedWorkingDays: [{ day: '2027-01-09', name: '元旦' }],
};

describe('official calendar through the gateway', () => {
  it('answers planReportDeadline and resultSubmissionDeadline to the public, across the 2026 National Day holiday', async () => {
    const r = await gql(hub.url, DEADLINES, { variables: { evaluation: '2026-12-14', publicityEnd: '2026-09-30' } });
    expect(r.errors).toBeUndefined();
    expect(r.data?.planReportDeadline).toEqual({ date: '2026-12-07', calendarConfirmed: true });
    expect(r.data?.resultSubmissionDeadline).toEqual({ date: '2026-11-03', calendarConfirmed: true });
  });

  it('refuses a notice with a weekday as 调休上班 and loads nothing (typed error, year stays unconfirmed)', async () => {
    const admin = await token({ role: 'province_center', sub: 'calendar-clerk' });
    const bad = await gql(hub.url, LOAD, {
      token: admin,
      variables: { input: { ...NOTICE_2027, adjustedWorkingDays: [{ day: '2027-01-06', name: '元旦' }] } },
    });
    expect(bad.data?.loadHolidayNotice.calendar).toBeNull();
    expect(bad.data?.loadHolidayNotice.errors).toEqual([
      expect.objectContaining({ code: 'NOTICE_WORKDAY_NOT_WEEKEND', field: 'adjustedWorkingDays' }),
    ]);
    const year = await gql(hub.url, '{ holidayCalendar(year: 2027) { confirmed holidays { day } } }');
    expect(year.data?.holidayCalendar).toEqual({ confirmed: false, holidays: [] });
  });

  it('lets only the province, ministry or admin load a notice', async () => {
    const r = await gql(hub.url, LOAD, {
      token: await token({ role: 'city_center', prefecture: '430100' }),
      variables: { input: NOTICE_2027 },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('counts weekends only for 2027 until its notice is loaded, then its holidays and 调休 without a release', async () => {
    const vars = { variables: { evaluation: '2027-01-11', publicityEnd: '2026-12-31' } };
    // A plan publicised until 2026-12-19 whose 20 working days run into 2027: stored unconfirmed.
    const inst = await findInstitution(hub, [4]);
    const [plan] = await hub.db.db
      .insert(evaluationPlans)
      .values({
        enterpriseId: inst.id,
        prefectureCode: inst.prefectureCode,
        qualification: inst.kind,
        occupationCode: inst.occupationCode,
        level: 4,
        method: 'THEORY_EXAM',
        evaluationDate: '2026-12-14',
        reportedOn: '2026-12-01',
        site: '培训楼',
        status: 'PUBLICISED',
        reviewedOn: '2026-12-14',
        publicityStartsOn: '2026-12-15',
        publicityEndsOn: '2026-12-19',
        resultDeadline: '2027-01-15',
        resultDeadlineConfirmed: false,
      })
      .returning();
    const before = await gql(hub.url, DEADLINES, vars);
    expect(before.data?.planReportDeadline).toEqual({ date: '2027-01-04', calendarConfirmed: false });
    expect(before.data?.resultSubmissionDeadline.calendarConfirmed).toBe(false);

    const loaded = await gql(hub.url, LOAD, {
      token: await token({ role: 'province_center', sub: 'calendar-clerk' }),
      variables: { input: NOTICE_2027 },
    });
    expect(loaded.data?.loadHolidayNotice.errors).toEqual([]);
    expect(loaded.data?.loadHolidayNotice.calendar).toMatchObject({ year: 2027, confirmed: true });

    const after = await gql(hub.url, DEADLINES, vars);
    // 01-11 → 01-09 Saturday worked (1), 01-08, 01-07, 01-06, 01-05 (5)
    expect(after.data?.planReportDeadline).toEqual({ date: '2027-01-05', calendarConfirmed: true });
    expect(after.data?.resultSubmissionDeadline.calendarConfirmed).toBe(true);
    // The stored deadline moves with the notice: 01-01 and 01-04 off, Saturday 01-09 worked.
    const [moved] = await hub.db.db
      .select()
      .from(evaluationPlans)
      .where(eq(evaluationPlans.id, plan?.id as string));
    expect([moved?.resultDeadline, moved?.resultDeadlineConfirmed]).toEqual(['2027-01-18', true]);
    // The city centre sees it overdue the day after its deadline, not on it (逾期提交 visible to the centre).
    const OVERDUE = `query($d: Date!) { evaluationPlans(overdueOn: $d, first: 100) { edges { node { id } } } }`;
    const city = await token({ role: 'city_center', prefecture: inst.prefectureCode });
    const listed = async (d: string) =>
      (await gql(hub.url, OVERDUE, { token: city, variables: { d } })).data?.evaluationPlans.edges.map(
        (e: any) => e.node.id,
      );
    expect(await listed('2027-01-19')).toContain(plan?.id);
    expect(await listed('2027-01-18')).not.toContain(plan?.id);
  });

  it('computes report deadlines for a page of plans from one read of the calendar (no query per plan)', async () => {
    const province = await token({ role: 'province_center', sub: 'e2e' });
    const before = hub.db.stats.statements;
    const r = await gql(
      hub.url,
      '{ evaluationPlans(first: 50) { edges { node { evaluationDate reportDeadline { date } } } } }',
      {
        token: province,
      },
    );
    const used = hub.db.stats.statements - before;
    expect(r.errors).toBeUndefined();
    expect(r.data?.evaluationPlans.edges.length).toBeGreaterThanOrEqual(5);
    expect(used).toBeLessThanOrEqual(4); // the page, the calendar's days and its years
  });
});
