import { ruleDefaults } from './defaults.ts';
import { problem, type Refusal } from './types.ts';

/**
 * 评价工作委员会 (五(一) of the 工作指引): the institution's committee, named members (a 主任 and
 * 委员; its own staff or external experts) whose service has dates, so that who served on any day
 * can be told. 「考务人员负责汇总评价结果，并整理上报评价工作委员会审核」: the results are signed off by
 * the members present.
 *
 * The quorum (the hub's rule; the notice names none): the sign-off is valid when the 主任 signs and
 * the members who sign are more than half of those serving that day — and the committee has at
 * least `ruleDefaults.committeeMinMembers` members serving (a team, not one person).
 */

export type CommitteeRole = 'CHAIR' | 'MEMBER';
export type Affiliation = 'STAFF' | 'EXTERNAL_EXPERT';

export interface Service {
  id: string;
  name: string;
  role: CommitteeRole;
  joinedOn: string;
  leftOn: string | null;
}

/** Serving on `day`: joined by then and not yet left (a member who leaves on a day no longer serves on it). */
export const serves = (m: Pick<Service, 'joinedOn' | 'leftOn'>, day: string) =>
  m.joinedOn <= day && (m.leftOn === null || m.leftOn > day);

export const servingOn = <M extends Pick<Service, 'joinedOn' | 'leftOn'>>(members: readonly M[], day: string) =>
  members.filter((m) => serves(m, day));

/** Signatures a sign-off needs when `serving` members serve: more than half. */
export const quorumOf = (serving: number) => Math.floor(serving / 2) + 1;

const reasonProblems = (reason: string): Refusal[] =>
  reason.trim().length < 4 ? [problem('COMMITTEE_REASON_MISSING', '委员离任须说明理由（至少4个字）', 'reason')] : [];

/** 委员任命: a named member, an external expert with their organisation, from a day not to come; one 主任 at a time. */
export function appointmentProblems(
  input: {
    name: string;
    role: CommitteeRole;
    affiliation: Affiliation;
    organization?: string | null;
    joinedOn: string;
  },
  facts: { today: string; members: readonly Service[] },
): Refusal[] {
  const out: Refusal[] = [];
  if (!input.name.trim()) out.push(problem('COMMITTEE_NAME_MISSING', '委员须有姓名', 'name'));
  if (input.affiliation === 'EXTERNAL_EXPERT' && !input.organization?.trim()) {
    out.push(problem('COMMITTEE_EXPERT_ORGANIZATION_MISSING', '外部专家须注明所在单位及职务', 'organization'));
  }
  if (input.joinedOn > facts.today) {
    out.push(problem('COMMITTEE_DATE_IN_FUTURE', `任职日期 ${input.joinedOn} 尚未到来`, 'joinedOn'));
  }
  if (input.role === 'CHAIR') {
    const chair = facts.members.find((m) => m.role === 'CHAIR' && (m.leftOn === null || m.leftOn > input.joinedOn));
    if (chair) {
      out.push(
        problem(
          'COMMITTEE_CHAIR_SERVING',
          `委员会主任${chair.name}在任（自 ${chair.joinedOn}）：须先登记其离任，再任命新主任`,
          'role',
        ),
      );
    }
  }
  return out;
}

/** 委员离任: a serving member, on a day from their joining to today and after the last results they signed, with the reason. */
export function leavingProblems(
  member: Service,
  leaving: { leftOn: string; reason: string; today: string; lastSignedOn: string | null },
): Refusal[] {
  if (member.leftOn) {
    return [problem('COMMITTEE_MEMBER_ALREADY_LEFT', `${member.name}已于 ${member.leftOn} 离任`, 'memberId')];
  }
  const out: Refusal[] = [];
  if (leaving.leftOn > leaving.today) {
    out.push(problem('COMMITTEE_DATE_IN_FUTURE', `离任日期 ${leaving.leftOn} 尚未到来`, 'leftOn'));
  } else if (leaving.leftOn < member.joinedOn) {
    out.push(problem('COMMITTEE_LEFT_BEFORE_JOINING', `离任日期不能早于任职日期 ${member.joinedOn}`, 'leftOn'));
  } else if (leaving.lastSignedOn && leaving.leftOn <= leaving.lastSignedOn) {
    out.push(
      problem(
        'COMMITTEE_LEFT_BEFORE_SIGNATURE',
        `${member.name}于 ${leaving.lastSignedOn} 签署过评价结果审核，离任日期须在其后`,
        'leftOn',
      ),
    );
  }
  return [...out, ...reasonProblems(leaving.reason)];
}

/**
 * 审核签署: the signatories are members serving today; with the 主任 among them and more than half of
 * those serving, and a committee of at least the minimum (the plan's 工作方案, else the default).
 */
export function signOffProblems(
  serving: readonly Pick<Service, 'id' | 'name' | 'role'>[],
  signatoryIds: readonly string[],
  min: number = ruleDefaults.committeeMinMembers,
): Refusal[] {
  if (serving.length === 0) {
    return [
      problem('COMMITTEE_NOT_CONSTITUTED', '本机构尚无在任的评价工作委员会委员，评价结果无从审核签署', 'signatories'),
    ];
  }
  if (serving.length < min) {
    return [
      problem(
        'COMMITTEE_TOO_SMALL',
        `评价工作委员会在任委员${serving.length}名，至少须${min}名方可审核签署`,
        'signatories',
      ),
    ];
  }
  const ids = [...new Set(signatoryIds)];
  const out: Refusal[] = [];
  const strangers = ids.filter((id) => !serving.some((m) => m.id === id));
  if (strangers.length) {
    out.push(
      problem(
        'SIGNATORY_NOT_ON_COMMITTEE',
        `${strangers.length}名签署人不是今日在任的本机构评价工作委员会委员`,
        'signatories',
      ),
    );
  }
  const signed = serving.filter((m) => ids.includes(m.id));
  const chair = serving.find((m) => m.role === 'CHAIR');
  if (!chair) {
    out.push(problem('SIGN_OFF_WITHOUT_CHAIR', '评价工作委员会主任空缺，须先任命主任再审核签署', 'signatories'));
  } else if (!signed.includes(chair)) {
    out.push(problem('SIGN_OFF_WITHOUT_CHAIR', `须有委员会主任${chair.name}签署`, 'signatories'));
  }
  const quorum = quorumOf(serving.length);
  if (signed.length < quorum) {
    out.push(
      problem(
        'SIGN_OFF_NO_QUORUM',
        `须过半数在任委员签署：在任${serving.length}名，至少${quorum}名，签署${signed.length}名`,
        'signatories',
      ),
    );
  }
  return out;
}
