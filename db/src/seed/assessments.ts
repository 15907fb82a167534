/**
 * Demo assessments (评价计划 → 证书), as the assessments domain's commands would have written them:
 * every confirmed institution has its team (考评员, 高级考评员, 内部质量督导员) and a yearly 评价公告
 * opening its filed scope; each plan inside that scope is reported 11–20 working days ahead with its
 * staff and candidates (the institution's own workers, or a served party's for a 社会评价组织), scored
 * part by part on the evaluation day, reviewed by the committee, publicised 5–10 days (now and then
 * with an objection), submitted well within 20 working days, and its passed candidates certified.
 *
 * A plan stands where its dates put it on "today": the older ones are submitted with certificates,
 * the latest are on their way (reported, scored, reviewed, in publicity, submitted). The story
 * institution (the first enterprise of 长沙) also has one plan at each step, so every next step can
 * be taken today through the API, one plan with results overdue, and the demo certificate (demo.ts).
 *
 * Deadlines: the seed counts working days as Monday–Friday and keeps margins wide enough for any
 * holiday (reported ≥ 11 working days ahead, submitted ≤ 22 days after publicity ends); the stored
 * report deadline is the weekend-only 5th working day before the evaluation, and the result deadline
 * is left to the hub, which fills it from the official calendar when it starts.
 */

import { requiredParts } from '@hub/vocabulary';
import type {
  announcementOpenings,
  announcements,
  assessors,
  candidates,
  certificateSerials,
  certificates,
  evaluationPlans,
  objections,
  planStaff,
  scores,
  uploadBatches,
  workerCredentials,
  workers,
} from '../schema/assessment.ts';
import { issue } from './assessment-certificates.ts';
import { credential, demoWorker, staffFor, type Team, team, worker } from './assessment-people.ts';
import {
  CONDITIONS,
  DISMISSALS,
  type Draft,
  demoDraft,
  GROUNDS,
  OBJECTIONS,
  PROCESS,
  planStatus,
  REVIEW_NOTES,
  regularDrafts,
  type StoryStep,
  storyDrafts,
  UPHOLDINGS,
  USE_OF_RESULTS,
} from './assessment-plans.ts';
import { DEMO_CERTIFICATE, DEMO_FROM } from './demo.ts';
import type { EnterpriseFacts } from './enterprises.ts';
import { personName } from './names.ts';
import type { ServedPartyRow } from './qualification.ts';
import { addDays, addWorkdays, apportion, maxDate, minDate, nextWorkday, officeTime, type Rng } from './random.ts';

export type PlanRow = typeof evaluationPlans.$inferInsert;
export type AnnouncementRow = typeof announcements.$inferInsert;
export type OpeningRow = typeof announcementOpenings.$inferInsert;
export type AssessorRow = typeof assessors.$inferInsert;
export type PlanStaffRow = typeof planStaff.$inferInsert;
/** A generated worker, the resident ID in clear: `sealWorker` encrypts it on the way in. */
export type WorkerRow = Omit<typeof workers.$inferInsert, 'residentIdEnc' | 'residentIdHmac'> & { residentId: string };
export type CredentialRow = typeof workerCredentials.$inferInsert;
export type CandidateRow = typeof candidates.$inferInsert;
export type ScoreRow = typeof scores.$inferInsert;
export type ObjectionRow = typeof objections.$inferInsert;
/** A generated certificate, the holder's resident ID in clear: `sealCertificate` encrypts it on the way in. */
export type CertificateRow = Omit<typeof certificates.$inferInsert, 'holderResidentIdEnc' | 'holderResidentIdHmac'> & {
  holderResidentId: string;
};
export type SerialRow = typeof certificateSerials.$inferInsert;
export type UploadBatchRow = typeof uploadBatches.$inferInsert;
export type Method = PlanRow['method'];
export type PlanStatus = NonNullable<PlanRow['status']>;
export interface AssessmentData {
  assessors: AssessorRow[];
  announcements: AnnouncementRow[];
  announcementOpenings: OpeningRow[];
  plans: PlanRow[];
  planStaff: PlanStaffRow[];
  workers: WorkerRow[];
  workerCredentials: CredentialRow[];
  candidates: CandidateRow[];
  scores: ScoreRow[];
  objections: ObjectionRow[];
  certificates: CertificateRow[];
  uploadBatches: UploadBatchRow[];
  /** The plan each story step stands at, by step (the story institution's). */
  story: Partial<Record<StoryStep, string>>;
}

interface Outcome {
  pass: boolean;
  certified: boolean;
  withheld: boolean;
  demo: boolean;
}

/**
 * Every assessment row for `size` certificates as of `today`. Exactly `size` certificates, all from
 * candidates of submitted plans; size 0 gives no certificates and only the story's plans in flight.
 */
export function generateAssessments(
  rng: Rng,
  opts: {
    size: number;
    today: string;
    facts: readonly EnterpriseFacts[];
    servedParties: Map<string, ServedPartyRow[]>;
  },
): AssessmentData {
  const { size, today, facts } = opts;
  const storyInstitution = facts.find((e) => e.story && e.institutionCode);
  const withDemo = size >= 1 && today >= DEMO_FROM && storyInstitution !== undefined;

  const drafts = [
    ...regularDrafts(rng.fork('plans'), size, facts, today),
    ...(storyInstitution ? storyDrafts(rng.fork('story'), storyInstitution, today, size > 0) : []),
    ...(withDemo && storyInstitution ? [demoDraft(rng.fork('demo'), storyInstitution)] : []),
  ]
    .map((d, i) => [d, i] as const)
    .sort(([a, ia], [b, ib]) =>
      a.steps.evaluationDate < b.steps.evaluationDate
        ? -1
        : a.steps.evaluationDate > b.steps.evaluationDate
          ? 1
          : ia - ib,
    )
    .map(([d]) => d);

  // Certificates: `size` in all, over the plans whose certificates are out by today.
  const done = drafts.filter((d) => !d.demo && d.story === null && d.steps.issuedOn <= today);
  const shares = apportion(
    Math.max(0, size - (withDemo ? 1 : 0)),
    done.map((d) => d.weight),
    1,
  );
  const certifiedOf = new Map(done.map((d, i) => [d, shares[i] ?? 0]));
  const doneWeight = done.reduce((s, d) => s + d.weight, 0);
  const perWeight = doneWeight > 0 ? (size - (withDemo ? 1 : 0)) / doneWeight : 0;

  const out: AssessmentData = {
    assessors: [],
    announcements: [],
    announcementOpenings: [],
    plans: [],
    planStaff: [],
    workers: [],
    workerCredentials: [],
    candidates: [],
    scores: [],
    objections: [],
    certificates: [],
    uploadBatches: [],
    story: {},
  };

  const rTeam = rng.fork('teams');
  const teams = new Map<string, Team>();
  for (const e of facts) {
    if (!e.institutionCode) continue;
    const t = team(rTeam, e);
    teams.set(e.id, t);
    out.assessors.push(...t.assessors, ...t.supervisors);
  }

  const rPlan = rng.fork('plan-rows');
  const rPeople = rng.fork('people');
  const rScores = rng.fork('scores');
  const ids = new Set<string>([DEMO_CERTIFICATE.holderResidentId]);
  const certified: { d: Draft; c: CandidateRow; w: WorkerRow }[] = [];
  const planIds = new Map<Draft, string>();

  for (const d of drafts) {
    const s = d.steps;
    const status = planStatus(s, today);
    const reviewed = s.reviewedOn <= today;
    const publicised = s.publicityStartsOn <= today;
    const reportDeadline = addWorkdays(s.evaluationDate, -5);
    const planId = rPlan.uuid();
    planIds.set(d, planId);
    if (d.story) out.story[d.story] = planId;
    out.plans.push({
      id: planId,
      enterpriseId: d.e.id,
      prefectureCode: d.e.place.code,
      announcementId: null, // below, once the year's plans are known
      qualification: d.qualification,
      occupationCode: d.occupationCode,
      workTypeCode: null,
      level: d.level,
      method: d.method,
      evaluationDate: s.evaluationDate,
      reportedOn: s.reportedOn,
      reportDeadline,
      site: d.site,
      status,
      reviewedOn: reviewed ? s.reviewedOn : null,
      reviewNote: reviewed ? rPlan.pick(REVIEW_NOTES) : null,
      publicityStartsOn: publicised ? s.publicityStartsOn : null,
      publicityEndsOn: publicised ? s.publicityEndsOn : null,
      resultDeadline: null, // the hub computes it from the official calendar (fillMissingResultDeadlines)
      resultDeadlineConfirmed: null,
      resultsSubmittedOn: status === 'SUBMITTED' ? s.submittedOn : null,
      createdAt: officeTime(rPlan, s.reportedOn),
    });
    const staff = staffFor(rPlan, teams.get(d.e.id) as Team, d);
    for (const a of staff.scorers)
      out.planStaff.push({ planId, assessorId: a.id as string, role: a.role as PlanStaffRow['role'] });
    for (const a of staff.supervisors)
      out.planStaff.push({ planId, assessorId: a.id as string, role: 'QUALITY_SUPERVISOR' });

    // Who takes part, and how they come out.
    const outcomes: Outcome[] = [];
    const certifiedCount = certifiedOf.get(d);
    if (d.demo) {
      outcomes.push({ pass: true, certified: true, withheld: false, demo: true });
      outcomes.push({ pass: false, certified: false, withheld: false, demo: false });
    } else if (certifiedCount !== undefined) {
      const failed = Math.max(
        certifiedCount === 0 ? 1 : 0,
        Math.round((certifiedCount * (1 - d.passRate)) / d.passRate + rPeople.float() - 0.5),
      );
      for (let k = 0; k < certifiedCount; k++)
        outcomes.push({ pass: true, certified: true, withheld: false, demo: false });
      for (let k = 0; k < failed; k++) outcomes.push({ pass: false, certified: false, withheld: false, demo: false });
      if (d.objection?.upheld) outcomes.push({ pass: true, certified: false, withheld: true, demo: false });
    } else {
      const n = d.story
        ? rPeople.int(4, 9)
        : Math.max(2, Math.round((perWeight * d.weight) / d.passRate + rPeople.float() - 0.5));
      for (let k = 0; k < n; k++)
        outcomes.push({ pass: rPeople.chance(d.passRate), certified: false, withheld: false, demo: false });
      // A story plan always has results to publish and certify: two pass at least.
      if (d.story) for (const o of outcomes.slice(0, 2)) o.pass = true;
      // An upheld objection withholds a passed result once the committee has decided.
      const upheld = d.objection?.upheld && d.objection.resolvedOn <= today;
      const target = upheld ? outcomes.find((o) => o.pass) : undefined;
      if (target) target.withheld = true;
      else if (d.objection) d.objection.upheld = false;
    }
    const shuffled = rPeople.shuffle(outcomes);

    const parts = requiredParts(d.method, d.level);
    const candidateIds: string[] = [];
    shuffled.forEach((o, k) => {
      // Only a plan run as a 社会评价组织 takes workers of the parties it serves.
      const served = d.qualification === 'SOCIAL_EVALUATION_ORGANIZATION' ? opts.servedParties.get(d.e.id) : undefined;
      const w = o.demo ? demoWorker(d) : worker(rPeople, d, ids, served ?? []);
      out.workers.push(w);
      const exceptional = d.method === 'DIRECT_RECOGNITION' && d.level <= 2 && !o.demo && rPeople.chance(0.15);
      if (d.method === 'DIRECT_RECOGNITION' && d.level <= 2 && !exceptional)
        out.workerCredentials.push(credential(rPeople, d, w));
      const ground = exceptional ? rPeople.pick(GROUNDS) : null;
      const candidateId = rPeople.uuid();
      candidateIds.push(candidateId);
      const entered = rPeople.date(s.reportedOn, minDate(reportDeadline, today));

      // Part scores: one assessor each (the 高级考评员 takes the 现场评审/答辩), on the evaluation day or the next.
      const failing = o.pass ? -1 : rScores.int(0, parts.length - 1);
      const marks = parts.map((_, i) =>
        i === failing ? rScores.int(32, 59) : o.pass ? rScores.int(60, 97) : rScores.int(52, 92),
      );
      let recordedOn = rScores.chance(0.75) ? s.evaluationDate : addWorkdays(s.evaluationDate, 1);
      if (recordedOn >= s.reviewedOn) recordedOn = s.evaluationDate;
      if (d.story === 'BEING_SCORED') recordedOn = k < shuffled.length / 2 ? s.evaluationDate : addWorkdays(today, 1);
      if (recordedOn <= today) {
        parts.forEach((part, i) => {
          const scorer =
            part === 'REVIEW_DEFENCE' ? staff.senior : (staff.scorers[(k + i) % staff.scorers.length] as AssessorRow);
          out.scores.push({
            candidateId,
            assessorId: scorer.id as string,
            part,
            score: marks[i] as number,
            recordedOn,
          });
        });
      }
      const total = Math.round((marks.reduce((a, b) => a + b, 0) / marks.length) * 100) / 100;
      const c: CandidateRow = {
        id: candidateId,
        planId,
        workerId: w.id as string,
        exceptionalGround: ground?.[0] ?? null,
        exceptionalDetail: ground?.[1] ?? null,
        result: reviewed ? (o.withheld ? 'WITHHELD' : o.pass ? 'PASSED' : 'FAILED') : null,
        total: reviewed ? total : null,
        createdAt: officeTime(rPeople, entered),
      };
      out.candidates.push(c);
      if (o.certified) certified.push({ d, c, w });
    });

    // The objection, as far as it has gone today.
    const ob = d.objection;
    if (ob && publicised && ob.raisedOn <= today) {
      const targetIdx = shuffled.findIndex((o) => o.withheld);
      const candidateId = ob.planWide
        ? null
        : (candidateIds[targetIdx >= 0 ? targetIdx : rPeople.int(0, candidateIds.length - 1)] ?? null);
      const resolved = ob.resolvedOn <= today;
      out.objections.push({
        id: rPeople.uuid(),
        planId,
        candidateId,
        raisedOn: ob.raisedOn,
        raisedBy: rPeople.chance(0.5) ? `职工${personName(rPeople)}` : '匿名职工',
        content: rPeople.pick(OBJECTIONS),
        status: resolved ? (ob.upheld ? 'UPHELD' : 'DISMISSED') : 'OPEN',
        resolution: resolved ? rPeople.pick(ob.upheld ? UPHOLDINGS : DISMISSALS) : null,
        resolvedOn: resolved ? ob.resolvedOn : null,
      });
    }
  }

  announce(rng.fork('announcements'), drafts, planIds, out);
  const issued = issue(rng.fork('certificates'), certified, today);
  out.certificates = issued.certificates;
  out.uploadBatches = issued.batches;
  return out;
}

/** One yearly 评价公告 per institution and year of evaluation, opening its whole filed scope. */
function announce(rng: Rng, drafts: readonly Draft[], planIds: Map<Draft, string>, out: AssessmentData) {
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    const key = `${d.e.id}/${d.steps.evaluationDate.slice(0, 4)}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const byPlan = new Map(out.plans.map((p) => [p.id as string, p]));
  for (const [key, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const e = (list[0] as Draft).e;
    const year = Number(key.slice(-4));
    const firstReport = list.map((d) => d.steps.reportedOn).sort()[0] as string;
    const publishedOn = nextWorkday(
      maxDate(addDays(e.confirmedOn as string, 1), addDays(firstReport, -rng.int(3, 25))),
    );
    const id = rng.uuid();
    out.announcements.push({
      id,
      institutionId: e.id,
      title: `${e.name}${year}年度职业技能等级认定评价公告`,
      period: 'YEARLY',
      year,
      quarter: null,
      publishedOn,
      conditions: CONDITIONS,
      process: PROCESS,
      useOfResults: USE_OF_RESULTS,
      createdAt: officeTime(rng, publishedOn),
    });
    for (const s of e.scopes) {
      out.announcementOpenings.push({
        id: rng.uuid(),
        announcementId: id,
        occupationCode: s.occupationCode,
        workTypeCode: null,
        levels: s.levels,
      });
    }
    for (const d of list) {
      const plan = byPlan.get(planIds.get(d) as string);
      if (plan) plan.announcementId = id;
    }
  }
}
