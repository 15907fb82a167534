/**
 * A demo filing's history (备案流程): the dates and steps of each status a filing can stand in,
 * laid out backwards from today, with the reviewers' opinions and the reasons of a rejection.
 */
import type { filings } from '../schema/enterprise.ts';
import { addDays, dayNumber, fromDayNumber, maxDate, minDate, nextWorkday, type Rng } from './random.ts';

type Status = NonNullable<(typeof filings.$inferInsert)['status']>;

export type ViolationType =
  | 'LOWERED_STANDARDS'
  | 'DELEGATED_AUTHORITY'
  | 'OUT_OF_SCOPE'
  | 'BROKEN_COMMITMENT'
  | 'DISHONESTY'
  | 'UNFAIR_COMPETITION'
  | 'DISORDERLY_MANAGEMENT'
  | 'IRREGULAR_CERTIFICATES';

export const VIOLATION_LABELS: Record<ViolationType, string> = {
  LOWERED_STANDARDS: '降低评价标准',
  DELEGATED_AUTHORITY: '将认定权限授权、委托、转让',
  OUT_OF_SCOPE: '超范围认定',
  BROKEN_COMMITMENT: '不履行承诺',
  DISHONESTY: '违规失信',
  UNFAIR_COMPETITION: '恶性竞争',
  DISORDERLY_MANAGEMENT: '管理失序',
  IRREGULAR_CERTIFICATES: '违规发证',
};

const REJECTION_REASONS = [
  '申报职业（工种）超出企业主营业务范围，请核实后重新申报。',
  '考评人员数量不足，未达到每个职业（工种）不少于3名考评员的要求，请补充。',
  '评价场地和设备不能满足技能操作考核需要，请补充说明。',
  '承诺书未经法定代表人签字，申报材料不完整。',
  '上年度技能人员数量与社会保险缴费记录不符，请补充证明材料。',
  '评价和薪酬制度未体现技能等级与薪酬待遇挂钩，请完善后重新提交。',
];

const CITY_OPINIONS = [
  '材料齐全，评价场地、设备和考评人员符合要求，同意推荐。',
  '经实地核查，企业具备开展自主评价的条件，同意上报省职业技能鉴定中心。',
  '申报材料真实完整，同意推荐备案。',
];

const PROVINCE_OPINIONS = [
  '经审核，符合企业自主评价备案条件，同意报人力资源社会保障部备案确认。',
  '经专家评审，评价方案可行，同意备案。',
];

export interface Timeline {
  draftOn: string;
  steps: { on: string; from: Status | null; to: Status; role: string; opinion: string | null }[];
  submittedOn: string | null;
  confirmedOn: string | null;
  suspendedOn: string | null;
  revokedOn: string | null;
}

function skewedDate(rng: Rng, from: string, to: string, power = 1): string {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return fromDayNumber(a + Math.floor(rng.float() ** power * (b - a + 1)));
}

/**
 * Lays out a filing's history backwards from the date of its current status, every date so many
 * days before `today`. `confirmedBy` holds a confirmation to that day at the latest (the story
 * institution, confirmed before every other one of its 市州).
 */
export function timeline(
  rng: Rng,
  status: Status,
  local: boolean,
  violation: ViolationType | null,
  today: string,
  confirmedBy: string | null = null,
): Timeline {
  const ago = (days: number) => addDays(today, -days);
  const back = (on: string, min: number, max: number) => nextWorkday(addDays(on, -rng.int(min, max)));
  const steps: Timeline['steps'] = [];
  let confirmedOn: string | null = null;
  let suspendedOn: string | null = null;
  let revokedOn: string | null = null;

  // The date of the last review step, from which earlier steps are laid out.
  let reviewedBy: 'city' | 'province' | 'ministry' | null = null;
  let lastReviewOn: string;
  let rejected: { on: string; by: 'city' | 'province' } | null = null;
  let rejectedBefore: 'city' | 'province' | null = null;

  switch (status) {
    case 'CONFIRMED':
    case 'SUSPENDED':
    case 'REVOKED': {
      const latest = status === 'CONFIRMED' ? ago(156) : ago(489);
      confirmedOn = nextWorkday(skewedDate(rng, ago(909), latest, 1.5));
      if (confirmedBy) confirmedOn = minDate(confirmedOn, confirmedBy);
      reviewedBy = 'ministry';
      lastReviewOn = confirmedOn;
      if (status !== 'CONFIRMED') {
        const from = maxDate(addDays(confirmedOn, 180), ago(636));
        if (status === 'SUSPENDED') {
          suspendedOn = nextWorkday(rng.date(from, ago(32)));
        } else {
          if (rng.chance(0.5)) suspendedOn = nextWorkday(rng.date(from, ago(124)));
          revokedOn = nextWorkday(
            rng.date(suspendedOn ? addDays(suspendedOn, 30) : from, suspendedOn ? addDays(suspendedOn, 100) : ago(17)),
          );
        }
      }
      // About one in eight confirmed filings was rejected once and resubmitted.
      if (rng.chance(0.12)) rejectedBefore = local && rng.chance(0.7) ? 'city' : 'province';
      break;
    }
    case 'PROVINCE_REVIEWED':
      reviewedBy = 'province';
      lastReviewOn = nextWorkday(rng.date(ago(76), ago(2)));
      break;
    case 'CITY_REVIEWED':
      reviewedBy = 'city';
      lastReviewOn = nextWorkday(rng.date(ago(90), ago(2)));
      break;
    case 'REJECTED':
      rejected = {
        on: nextWorkday(rng.date(ago(822), ago(4))),
        by: local && rng.chance(0.7) ? 'city' : 'province',
      };
      lastReviewOn = rejected.on;
      break;
    case 'SUBMITTED':
      lastReviewOn = nextWorkday(rng.date(ago(123), ago(2)));
      break;
    default: // DRAFT
      lastReviewOn = nextWorkday(rng.date(ago(426), ago(2)));
      break;
  }

  // Forward chain of review steps after the (last) submission.
  const chain: { by: 'city' | 'province' | 'ministry'; on: string }[] = [];
  let submittedOn: string | null = null;
  if (status === 'REJECTED' && rejected) {
    // Rejected at its city step (local) or province step; a province rejection of a local filing follows the city.
    let on = rejected.on;
    if (rejected.by === 'province' && local) {
      on = back(on, 5, 20);
      chain.unshift({ by: 'city', on });
    }
    submittedOn = back(on, 5, 20);
  } else if (reviewedBy) {
    const order: ('city' | 'province' | 'ministry')[] = local
      ? ['city', 'province', 'ministry']
      : ['province', 'ministry'];
    const upTo = order.indexOf(reviewedBy);
    let on = lastReviewOn;
    for (let i = upTo; i >= 0; i--) {
      chain.unshift({ by: order[i] as 'city' | 'province' | 'ministry', on });
      if (i > 0) on = back(on, order[i] === 'ministry' ? 10 : 5, order[i] === 'ministry' ? 40 : 20);
    }
    submittedOn = back(on, 5, 20);
  } else if (status === 'SUBMITTED') {
    submittedOn = lastReviewOn;
  }

  // An earlier rejected round before the successful one.
  let firstSubmittedOn = submittedOn;
  let earlierRejection: { on: string; by: 'city' | 'province'; cityOn: string | null } | null = null;
  if (rejectedBefore && submittedOn) {
    const rejectedOn = back(submittedOn, 10, 30);
    // A local filing rejected by the province had passed its city step first.
    const cityOn = rejectedBefore === 'province' && local ? back(rejectedOn, 3, 10) : null;
    earlierRejection = { on: rejectedOn, by: rejectedBefore, cityOn };
    firstSubmittedOn = back(cityOn ?? rejectedOn, 5, 20);
  }
  const draftOn = firstSubmittedOn ? back(firstSubmittedOn, 3, 30) : lastReviewOn;

  const role = (by: 'city' | 'province' | 'ministry') =>
    by === 'city' ? 'city_center' : by === 'province' ? 'province_center' : 'ministry';
  const reviewed = (by: 'city' | 'province' | 'ministry'): Status =>
    by === 'city' ? 'CITY_REVIEWED' : by === 'province' ? 'PROVINCE_REVIEWED' : 'CONFIRMED';
  const opinion = (by: 'city' | 'province' | 'ministry') =>
    by === 'city'
      ? rng.pick(CITY_OPINIONS)
      : by === 'province'
        ? rng.pick(PROVINCE_OPINIONS)
        : '备案确认，纳入全省技能人才自主评价机构目录。';

  steps.push({ on: draftOn, from: null, to: 'DRAFT', role: 'enterprise', opinion: null });
  if (firstSubmittedOn)
    steps.push({ on: firstSubmittedOn, from: 'DRAFT', to: 'SUBMITTED', role: 'enterprise', opinion: null });
  if (earlierRejection) {
    const { cityOn } = earlierRejection;
    if (cityOn) {
      steps.push({
        on: cityOn,
        from: 'SUBMITTED',
        to: 'CITY_REVIEWED',
        role: 'city_center',
        opinion: rng.pick(CITY_OPINIONS),
      });
    }
    const from: Status = cityOn ? 'CITY_REVIEWED' : 'SUBMITTED';
    steps.push({
      on: earlierRejection.on,
      from,
      to: 'REJECTED',
      role: role(earlierRejection.by),
      opinion: rng.pick(REJECTION_REASONS),
    });
    steps.push({
      on: submittedOn as string,
      from: 'REJECTED',
      to: 'SUBMITTED',
      role: 'enterprise',
      opinion: '已按审核意见补充完善材料，重新提交。',
    });
  }
  let current: Status = 'SUBMITTED';
  for (const step of chain) {
    const to = reviewed(step.by);
    steps.push({ on: step.on, from: current, to, role: role(step.by), opinion: opinion(step.by) });
    current = to;
  }
  if (status === 'REJECTED' && rejected) {
    steps.push({
      on: rejected.on,
      from: current,
      to: 'REJECTED',
      role: role(rejected.by),
      opinion: rng.pick(REJECTION_REASONS),
    });
  }
  const label = violation ? VIOLATION_LABELS[violation] : '违规行为';
  if (suspendedOn) {
    steps.push({
      on: suspendedOn,
      from: 'CONFIRMED',
      to: 'SUSPENDED',
      role: 'inspector',
      opinion: `督导检查发现${label}问题，暂停自主评价备案资质，责令限期整改。`,
    });
  }
  if (revokedOn) {
    steps.push({
      on: revokedOn,
      from: suspendedOn ? 'SUSPENDED' : 'CONFIRMED',
      to: 'REVOKED',
      role: 'inspector',
      opinion: `经查实存在${label}问题，取消企业自主评价备案资质，移出全省技能人才自主评价机构目录。`,
    });
  }
  return { draftOn, steps, submittedOn, confirmedOn, suspendedOn, revokedOn };
}
