import { describe, expect, it } from 'vitest';
import {
  appointmentProblems,
  leavingProblems,
  quorumOf,
  type Service,
  servingOn,
  signOffProblems,
} from '../src/rules/committee.ts';
import { ruleDefaults } from '../src/rules/defaults.ts';

/** 评价工作委员会 (#25 point 4): members over time, and the quorum of a results sign-off. */

const codes = (r: { code: string }[]) => r.map((p) => p.code).sort();
const member = (
  id: string,
  role: Service['role'] = 'MEMBER',
  joinedOn = '2026-01-05',
  leftOn: string | null = null,
) => ({
  id,
  name: `委员${id}`,
  role,
  joinedOn,
  leftOn,
});
const committee = [
  member('chair', 'CHAIR'),
  member('m1'),
  member('m2'),
  member('m3'),
  member('m4', 'MEMBER', '2026-01-05', '2026-06-01'),
];

describe('who serves on a day', () => {
  it('counts members from their joining day up to the day before they leave', () => {
    expect(servingOn(committee, '2026-05-31').map((m) => m.id)).toEqual(['chair', 'm1', 'm2', 'm3', 'm4']);
    expect(servingOn(committee, '2026-06-01').map((m) => m.id)).toEqual(['chair', 'm1', 'm2', 'm3']);
    expect(servingOn(committee, '2026-01-04')).toEqual([]);
  });
});

describe('the sign-off quorum: the chair and more than half of those serving', () => {
  const today = servingOn(committee, '2026-07-01'); // four serving

  it('needs more than half: three of four, two of three', () => {
    expect(quorumOf(4)).toBe(3);
    expect(quorumOf(3)).toBe(2);
    expect(quorumOf(5)).toBe(3);
    expect(signOffProblems(today, ['chair', 'm1', 'm2'])).toEqual([]);
    const half = signOffProblems(today, ['chair', 'm1']);
    expect(codes(half)).toEqual(['SIGN_OFF_NO_QUORUM']);
    expect(half[0]?.message).toContain('至少3名');
  });

  it('needs the chair among them, however many sign', () => {
    expect(codes(signOffProblems(today, ['m1', 'm2', 'm3']))).toEqual(['SIGN_OFF_WITHOUT_CHAIR']);
    const noChair = today.filter((m) => m.role !== 'CHAIR').concat(member('m5'));
    expect(signOffProblems(noChair, ['m1', 'm2', 'm3'])[0]?.message).toContain('主任空缺');
  });

  it('counts only members serving today: a former member or a stranger does not sign, a name twice counts once', () => {
    const r = signOffProblems(today, ['chair', 'm1', 'm4', 'someone-else']);
    expect(codes(r)).toEqual(['SIGNATORY_NOT_ON_COMMITTEE', 'SIGN_OFF_NO_QUORUM']);
    expect(codes(signOffProblems(today, ['chair', 'm1', 'm1']))).toEqual(['SIGN_OFF_NO_QUORUM']);
  });

  it('needs a committee: none serving, or fewer than the minimum', () => {
    expect(codes(signOffProblems([], ['chair']))).toEqual(['COMMITTEE_NOT_CONSTITUTED']);
    expect(ruleDefaults.committeeMinMembers).toBe(3);
    expect(codes(signOffProblems([member('chair', 'CHAIR'), member('m1')], ['chair', 'm1']))).toEqual([
      'COMMITTEE_TOO_SMALL',
    ]);
  });
});

describe('appointing and leaving', () => {
  const facts = { today: '2026-07-01', members: committee };

  it('appoints a named member from today or a day past; an external expert names their organisation', () => {
    const base = { name: '周专家', role: 'MEMBER' as const, affiliation: 'STAFF' as const, joinedOn: '2026-07-01' };
    expect(appointmentProblems(base, facts)).toEqual([]);
    expect(codes(appointmentProblems({ ...base, affiliation: 'EXTERNAL_EXPERT' }, facts))).toEqual([
      'COMMITTEE_EXPERT_ORGANIZATION_MISSING',
    ]);
    expect(
      appointmentProblems({ ...base, affiliation: 'EXTERNAL_EXPERT', organization: '湖南某职业技术学院 教授' }, facts),
    ).toEqual([]);
    expect(codes(appointmentProblems({ ...base, name: ' ', joinedOn: '2026-07-02' }, facts))).toEqual([
      'COMMITTEE_DATE_IN_FUTURE',
      'COMMITTEE_NAME_MISSING',
    ]);
  });

  it('keeps one chair at a time: a second while one serves is refused, after the first left it is not', () => {
    const chair = { name: '新主任', role: 'CHAIR' as const, affiliation: 'STAFF' as const, joinedOn: '2026-07-01' };
    const refused = appointmentProblems(chair, facts);
    expect(codes(refused)).toEqual(['COMMITTEE_CHAIR_SERVING']);
    expect(refused[0]?.message).toContain('委员chair');
    const left = committee.map((m) => (m.role === 'CHAIR' ? { ...m, leftOn: '2026-06-30' } : m));
    expect(appointmentProblems(chair, { ...facts, members: left })).toEqual([]);
    // Backdated into the old chair's term: two chairs on one day.
    expect(codes(appointmentProblems({ ...chair, joinedOn: '2026-06-29' }, { ...facts, members: left }))).toEqual([
      'COMMITTEE_CHAIR_SERVING',
    ]);
  });

  it('lets a serving member leave with a reason, not before joining, not in the future, not before their last signature', () => {
    const m1 = member('m1');
    const leave = { leftOn: '2026-07-01', reason: '工作调动离任', today: '2026-07-01', lastSignedOn: '2026-06-15' };
    expect(leavingProblems(m1, leave)).toEqual([]);
    expect(codes(leavingProblems(m1, { ...leave, leftOn: '2026-06-15' }))).toEqual(['COMMITTEE_LEFT_BEFORE_SIGNATURE']);
    expect(codes(leavingProblems(m1, { ...leave, leftOn: '2025-12-31', lastSignedOn: null }))).toEqual([
      'COMMITTEE_LEFT_BEFORE_JOINING',
    ]);
    expect(codes(leavingProblems(m1, { ...leave, leftOn: '2026-07-02', reason: '' }))).toEqual([
      'COMMITTEE_DATE_IN_FUTURE',
      'COMMITTEE_REASON_MISSING',
    ]);
    expect(codes(leavingProblems(member('m4', 'MEMBER', '2026-01-05', '2026-06-01'), leave))).toEqual([
      'COMMITTEE_MEMBER_ALREADY_LEFT',
    ]);
  });
});
