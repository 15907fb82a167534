/**
 * Demo evaluation plans (评价计划) and certificates (职业技能等级证书), inside each
 * institution's filed scope, with valid resident IDs and consecutive certificate serials.
 */
import { residentIdCheckChar } from '@hub/kit/rules/resident-id';
import { type PiiKeyring, piiKeyring, sealCertificateHolder } from '../pii.ts';
import type { certificateSerials, certificates, evaluationPlans } from '../schema/assessment.ts';
import { type EnterpriseFacts, TODAY } from './enterprises.ts';
import { ALL_COUNTIES, PARTNER_SCHOOLS, personName, SITE_SUFFIXES } from './names.ts';
import { addDays, apportion, dayNumber, maxDate, minDate, nextWorkday, officeTime, type Rng } from './random.ts';

export type PlanRow = typeof evaluationPlans.$inferInsert;
/** A generated certificate, the holder's resident ID in clear: `sealCertificate` encrypts it on the way in. */
export type CertificateRow = Omit<typeof certificates.$inferInsert, 'holderResidentIdEnc' | 'holderResidentIdHmac'> & {
  holderResidentId: string;
};
export type SerialRow = typeof certificateSerials.$inferInsert;
type Method = PlanRow['method'];

const FIRST_PLAN_DATE = '2024-07-01';
const LAST_PLAN_DATE = '2026-10-31';

const METHODS: readonly (readonly [Method, number])[] = [
  ['INTEGRATED', 20],
  ['SKILL_OPERATION', 20],
  ['THEORY_EXAM', 14],
  ['DIRECT_RECOGNITION', 12],
  ['ON_JOB_TRAINING', 10],
  ['SIMULATION', 8],
  ['TECHNICAL_CONTEST', 9],
  ['COMPETITION', 7],
];

/** 五级 … 一级: most certificates are at the lower levels. */
const LEVEL_WEIGHT: Record<number, number> = { 5: 30, 4: 34, 3: 24, 2: 9, 1: 3 };
/** How many candidates a plan has, relative to a level-3 plan. */
const COHORT: Record<number, number> = { 5: 1.3, 4: 1.2, 3: 1, 2: 0.45, 1: 0.2 };

const REVOCATION_REASONS = [
  '经核查，持证人不符合申报条件，证书予以撤销。',
  '考评过程存在替考行为，证书予以撤销。',
  '申报材料弄虚作假，证书予以撤销。',
  '超出备案范围认定，证书予以撤销。',
  '持证人工作年限不满足申报要求，证书予以撤销。',
];

export interface PlanFacts {
  row: PlanRow;
  enterprise: EnterpriseFacts;
}

/** The days an enterprise may hold evaluations: after confirmation, and before any suspension or revocation. */
function window(e: EnterpriseFacts): [string, string] | null {
  if (!e.confirmedOn || !e.institutionCode) return null;
  const from = maxDate(addDays(e.confirmedOn, 15), FIRST_PLAN_DATE);
  const stop = e.suspendedOn ?? e.revokedOn;
  const to = stop ? minDate(addDays(stop, -60), LAST_PLAN_DATE) : LAST_PLAN_DATE;
  return from <= to ? [from, to] : null;
}

export function generatePlans(rng: Rng, size: number, facts: readonly EnterpriseFacts[]): PlanFacts[] {
  const active = facts.flatMap((e) => {
    const w = window(e);
    return w ? [{ e, w }] : [];
  });
  if (active.length === 0) return [];
  const total = Math.max(active.length, Math.round(size / 35));
  const counts = apportion(
    total,
    active.map(({ e, w }) => e.skilledWorkerCount ** 0.5 * Math.max(0.2, (dayNumber(w[1]) - dayNumber(w[0])) / 365)),
    1,
  );
  const plans: PlanFacts[] = [];
  active.forEach(({ e, w }, i) => {
    for (let k = 0; k < (counts[i] ?? 0); k++) {
      const scope = rng.pick(e.scopes);
      const level = rng.weighted(
        scope.levels,
        scope.levels.map((l) => LEVEL_WEIGHT[l] ?? 1),
      );
      const method = level <= 2 && rng.chance(0.4) ? 'DIRECT_RECOGNITION' : (rng.weightedPairs(METHODS) as Method);
      const evaluationDate = minDate(nextWorkday(rng.date(w[0], w[1])), w[1]);
      const reportedOn = addDays(evaluationDate, -rng.int(5, 20));
      const site =
        e.kind === 'SOCIAL_EVALUATION_ORGANIZATION' && rng.chance(0.3)
          ? `${rng.pick(PARTNER_SCHOOLS)}实训楼`
          : `${e.address}${rng.pick(SITE_SUFFIXES)}`;
      // Plans old enough to have certificates went through review, 7 days of publicity and submission.
      const done = evaluationDate <= addDays(TODAY, -20);
      const publicityStartsOn = addDays(evaluationDate, 3);
      const publicityEndsOn = addDays(publicityStartsOn, 6);
      plans.push({
        enterprise: e,
        row: {
          id: rng.uuid(),
          enterpriseId: e.id,
          prefectureCode: e.place.code,
          status: done ? 'SUBMITTED' : 'REPORTED',
          reviewedOn: done ? addDays(evaluationDate, 2) : null,
          publicityStartsOn: done ? publicityStartsOn : null,
          publicityEndsOn: done ? publicityEndsOn : null,
          resultsSubmittedOn: done ? addDays(publicityEndsOn, rng.int(1, 10)) : null,
          occupationCode: scope.occupationCode,
          workTypeCode: null,
          level,
          method,
          evaluationDate,
          reportedOn,
          site,
          createdAt: officeTime(rng, reportedOn),
        },
      });
    }
  });
  // Stable order: by date, then as generated.
  return plans
    .map((p, i) => [p, i] as const)
    .sort(([a, ia], [b, ib]) =>
      a.row.evaluationDate < b.row.evaluationDate ? -1 : a.row.evaluationDate > b.row.evaluationDate ? 1 : ia - ib,
    )
    .map(([p]) => p);
}

/** Birth date for a holder of `level`: 1965–2004, older for the top levels. */
function birthDate(rng: Rng, level: number): string {
  return level <= 2 ? rng.date('1965-01-01', '1992-12-31') : rng.date('1965-01-01', '2004-12-31');
}

function residentId(rng: Rng, e: EnterpriseFacts, level: number, male: boolean): string {
  const county = rng.chance(0.65) ? rng.pick(e.place.counties) : rng.pick(ALL_COUNTIES);
  const birth = birthDate(rng, level).replaceAll('-', '');
  const seq = rng.int(0, 99) * 10 + (male ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const first17 = `${county.code}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * Spreads `size` certificates over the plans whose results could be out by TODAY (20 days after the
 * evaluation). Each certificate takes its plan's enterprise, occupation and level; numbers are
 * Y|S + 0000 + 43 + institution code + year + level + a serial per (institution, year, level).
 */
export function generateCertificates(rng: Rng, size: number, plans: readonly PlanFacts[]): CertificateRow[] {
  const lastIssuable = addDays(TODAY, -20);
  const done = plans.filter((p) => p.row.evaluationDate <= lastIssuable);
  if (done.length === 0 || size <= 0) return [];
  const perPlan = apportion(
    size,
    done.map((p) => (COHORT[p.row.level] ?? 1) * (0.4 + rng.float() * 1.2)),
    1,
  );

  // Issue date per plan, then serials in order of issue.
  const issued = done.map((p, i) => ({
    p,
    i,
    issuedOn: addDays(
      p.row.evaluationDate,
      rng.int(20, Math.min(60, dayNumber(TODAY) - dayNumber(p.row.evaluationDate))),
    ),
    uploadLag: rng.int(3, 30),
  }));
  issued.sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.i - b.i));

  const serials = new Map<string, number>();
  const ids = new Set<string>();
  const out: CertificateRow[] = [];
  for (const { p, i, issuedOn, uploadLag } of issued) {
    const e = p.enterprise;
    const level = p.row.level;
    const yy = issuedOn.slice(2, 4);
    const key = `${e.institutionCode}${yy}${level}`;
    const prefix = e.kind === 'SOCIAL_EVALUATION_ORGANIZATION' ? 'S' : 'Y';
    const uploadedOn = addDays(issuedOn, uploadLag);
    for (let k = 0; k < (perPlan[i] ?? 0); k++) {
      const serial = (serials.get(key) ?? 0) + 1;
      serials.set(key, serial);
      const male = rng.chance(0.72);
      let id = residentId(rng, e, level, male);
      while (ids.has(id)) id = residentId(rng, e, level, male);
      ids.add(id);
      out.push({
        number: `${prefix}000043${key}${String(serial).padStart(6, '0')}`,
        planId: p.row.id,
        enterpriseId: e.id,
        prefectureCode: e.place.code,
        occupationCode: p.row.occupationCode,
        workTypeCode: null,
        level,
        holderName: personName(rng, male),
        holderResidentId: id,
        issuedOn,
        status: 'VALID',
        revokedOn: null,
        revocationReason: null,
        uploadedOn: uploadedOn <= TODAY && rng.chance(0.91) ? uploadedOn : null,
      });
    }
  }

  // ~1% revoked, at least a month after issue.
  const revocable = out.filter((c) => addDays(c.issuedOn, 30) <= TODAY);
  for (const c of rng.sample(revocable, Math.round(out.length * 0.01))) {
    c.status = 'REVOKED';
    c.revokedOn = minDate(addDays(c.issuedOn, rng.int(30, 400)), TODAY);
    c.revocationReason = rng.pick(REVOCATION_REASONS);
  }
  return out;
}

/** The row as stored: the resident ID encrypted, with its lookup hash, never in clear. */
export function sealCertificate(
  { holderResidentId, ...row }: CertificateRow,
  ring: PiiKeyring = piiKeyring(),
): typeof certificates.$inferInsert {
  return { ...row, ...sealCertificateHolder(holderResidentId, ring) };
}

/** The last serial per (institution, year, level) of the seeded certificates, so issuing continues after them. */
export function certificateSerialRows(certs: readonly CertificateRow[]): SerialRow[] {
  const last = new Map<string, number>();
  for (const c of certs) {
    const key = c.number.slice(7, 16);
    last.set(key, Math.max(last.get(key) ?? 0, Number(c.number.slice(16))));
  }
  return [...last]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, serial]) => ({
      institutionCode: key.slice(0, 6),
      year: 2000 + Number(key.slice(6, 8)),
      level: Number(key.slice(8, 9)),
      last: serial,
    }));
}
