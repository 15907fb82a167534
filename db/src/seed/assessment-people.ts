/**
 * The people of the demo seed's evaluations: each institution's team (考评员, 高级考评员, 内部质量督导员),
 * the staff a plan reports, and the workers who sit it with their declared credentials.
 */

import { residentIdCheckChar } from '@hub/vocabulary/resident-id';
import { type Draft, MIN_ASSESSORS } from './assessment-plans.ts';
import type { AssessorRow, CredentialRow, WorkerRow } from './assessments.ts';
import { DEMO_CERTIFICATE } from './demo.ts';
import type { EnterpriseFacts } from './enterprises.ts';
import { ALL_COUNTIES, personName } from './names.ts';
import type { ServedPartyRow } from './qualification.ts';
import { addDays, addYears, maxDate, officeTime, type Rng } from './random.ts';

// ---- people ----

export interface Team {
  assessors: AssessorRow[];
  supervisors: AssessorRow[];
}

/** An institution's team, formed while it filed: 2–3 高级考评员, 4–8 考评员, 1–3 内部质量督导员. */
export function team(rng: Rng, e: EnterpriseFacts): Team {
  const formed = addDays(e.confirmedOn as string, -rng.int(5, 40));
  const member = (role: AssessorRow['role'], occupationCode: string | null): AssessorRow => ({
    id: rng.uuid(),
    institutionId: e.id,
    name: personName(rng),
    role,
    occupationCode,
    createdAt: officeTime(rng, formed),
  });
  const assessors: AssessorRow[] = [];
  for (let k = rng.int(2, 3); k > 0; k--) assessors.push(member('SENIOR_ASSESSOR', null));
  for (let k = 0, n = rng.int(4, 8); k < n; k++)
    assessors.push(member('ASSESSOR', k >= 3 && rng.chance(0.4) ? rng.pick(e.scopes).occupationCode : null));
  const supervisors: AssessorRow[] = [];
  for (let k = rng.int(1, 3); k > 0; k--) supervisors.push(member('QUALITY_SUPERVISOR', null));
  return { assessors, supervisors };
}

/** The plan's staff as reported: the method's minimum or one more, a 高级考评员 for 二级/一级, 1–2 supervisors. */
export function staffFor(
  rng: Rng,
  t: Team,
  d: Draft,
): { scorers: AssessorRow[]; senior: AssessorRow; supervisors: AssessorRow[] } {
  const eligible = t.assessors.filter((a) => a.occupationCode == null || a.occupationCode === d.occupationCode);
  const seniors = eligible.filter((a) => a.role === 'SENIOR_ASSESSOR');
  const senior = rng.pick(seniors);
  const others = rng.sample(
    eligible.filter((a) => a !== senior),
    MIN_ASSESSORS(d.method) + rng.int(0, 1) - 1,
  );
  const scorers = d.level <= 2 || rng.chance(0.5) ? [senior, ...others] : rng.sample(eligible, others.length + 1);
  return {
    scorers,
    senior: scorers.find((a) => a.role === 'SENIOR_ASSESSOR') ?? (scorers[0] as AssessorRow),
    supervisors: rng.sample(t.supervisors, rng.chance(0.8) ? 1 : 2),
  };
}

/** A Hunan resident ID for someone born on `birth`; 430102 (芙蓉区) is left to the tests' made-up people. */
export function residentId(rng: Rng, e: EnterpriseFacts, birth: string, male: boolean): string {
  let county = rng.chance(0.65) ? rng.pick(e.place.counties) : rng.pick(ALL_COUNTIES);
  if (county.code === '430102') county = ALL_COUNTIES[1] as (typeof ALL_COUNTIES)[number];
  const seq = rng.int(0, 99) * 10 + (male ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const first17 = `${county.code}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export function worker(rng: Rng, d: Draft, ids: Set<string>, served: readonly ServedPartyRow[]): WorkerRow {
  const e = d.e;
  const on = d.steps.evaluationDate;
  const male = rng.chance(0.72);
  const birth =
    d.level <= 2 ? rng.date(addYears(on, -58), addYears(on, -30)) : rng.date(addYears(on, -55), addYears(on, -20));
  let id = residentId(rng, e, birth, male);
  while (ids.has(id)) id = residentId(rng, e, birth, male);
  ids.add(id);
  const party = served.length && rng.chance(0.35) ? rng.pick(served) : null;
  const employedSince = rng.date(maxDate(addYears(birth, 18), addYears(on, -20)), addDays(on, -400));
  return {
    id: rng.uuid(),
    institutionId: e.id,
    employerCreditCode: party?.creditCode ?? e.creditCode,
    employerName: party?.name ?? e.name,
    name: personName(rng, male),
    residentId: id,
    employedSince,
    dispatched: rng.chance(0.06),
    createdAt: officeTime(rng, addDays(d.steps.reportedOn, -rng.int(1, 30))),
  };
}

export function demoWorker(d: Draft): WorkerRow {
  return {
    // Fixed like the certificate, so the demo reads the same on every seed.
    id: '7a3f0c2e-5b1d-4e6a-9c84-2d0b6e1f3a51',
    institutionId: d.e.id,
    employerCreditCode: d.e.creditCode,
    employerName: d.e.name,
    name: DEMO_CERTIFICATE.holderName,
    residentId: DEMO_CERTIFICATE.holderResidentId,
    employedSince: '2010-07-01',
    dispatched: false,
    createdAt: new Date('2024-11-08T02:30:00Z'),
  };
}

/** The level below, held from elsewhere (直接认定二级/一级 needs it unless promoted exceptionally). */
export function credential(rng: Rng, d: Draft, w: WorkerRow): CredentialRow {
  const qualification = rng.chance(0.5);
  const birth = `${w.residentId.slice(6, 10)}-${w.residentId.slice(10, 12)}-${w.residentId.slice(12, 14)}`;
  const issuedOn = rng.date(addYears(birth, 22), addYears(d.steps.evaluationDate, -2));
  return {
    id: rng.uuid(),
    workerId: w.id as string,
    kind: qualification ? 'QUALIFICATION_CERTIFICATE' : 'SKILL_LEVEL_CERTIFICATE',
    occupationCode: d.occupationCode,
    level: d.level + 1,
    // Institution codes 99xxxx are never given to demo institutions.
    number: qualification
      ? `${issuedOn.slice(0, 4)}43${rng.digits(9)}`
      : `S00004399${rng.digits(4)}${issuedOn.slice(2, 4)}${d.level + 1}${rng.digits(6)}`,
    issuer: qualification ? '湖南省职业技能鉴定中心' : '湖南省技能人才评价服务中心',
    issuedOn,
  };
}
