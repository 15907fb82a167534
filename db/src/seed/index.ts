/**
 * The deterministic demo seed: Hunan enterprises in all 14 市州 with their filings; each confirmed
 * institution's team, announcements and evaluation plans with candidates, part scores, results,
 * publicity, objections and submission; certificates for those who passed; supervision cases and
 * complaints. Every date is relative to the caller's "today" (history before it, a few evaluations
 * reported for the days after it), so the demo reads the same on any day: the same (`size`,
 * `today`) give the same rows, ids included, on every run and on either driver.
 *
 * The story it tells (for README walkthroughs): the story institution, the first enterprise of 长沙
 * (code 010001), has a plan at every step today (`generateDemoData(…).story`); a case in every state
 * and complaints in every state are spread over other institutions; and 张三 holds the demo
 * certificate (DEMO_CERTIFICATE) on every seed of size ≥ 1.
 */
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbHandle } from '../client.ts';
import { piiKeyring } from '../pii.ts';
import {
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
import {
  enterpriseSpecifications,
  enterprises,
  filingGroundsEvidence,
  filingLeadingGrounds,
  filingScopes,
  filingServedParties,
  filings,
  filingTransitions,
} from '../schema/enterprise.ts';
import {
  caseEvents,
  caseFindings,
  cases,
  complaints,
  inspectors,
  supervisorDispatches,
} from '../schema/supervision.ts';
import { certificateSerialRows, type SealedIds, sealCertificate, sealWorker } from './assessment-certificates.ts';
import { type CertificateRow, generateAssessments, type WorkerRow } from './assessments.ts';
import { generateCases, generateDispatches, generatePool } from './cases.ts';
import { generateEnterprises, occupationLookup } from './enterprises.ts';
import { generateLeadingGrounds } from './leading-grounds.ts';
import { loadOccupationReference, occupationReference } from './occupations.ts';
import { generateFilingExtras, type ServedPartyRow } from './qualification.ts';
import { chinaToday, Rng } from './random.ts';
import { writeTables } from './write.ts';

export type { StoryStep } from './assessment-plans.ts';
export { DEMO_CERTIFICATE, DEMO_FROM } from './demo.ts';
export type { OccupationReference } from './occupations.ts';
export { loadOccupationReference, occupationReference } from './occupations.ts';

export interface SeedOptions {
  /** Number of certificates (default 20000); enterprises = max(28, round(size / 100)). */
  size?: number;
  /** The seed's "today", a China date (YYYY-MM-DD); default: the current date in China. */
  today?: string;
  /** Called after every chunk written: rows done so far, rows in all, and the table being written. */
  onProgress?: (done: number, total: number, stage: string) => void;
}

/** Rows written per table. */
export interface SeedSummary {
  occupations: number;
  enterprises: number;
  filings: number;
  enterpriseSpecifications: number;
  filingScopes: number;
  filingServedParties: number;
  filingLeadingGrounds: number;
  filingGroundsEvidence: number;
  filingTransitions: number;
  assessors: number;
  announcements: number;
  announcementOpenings: number;
  evaluationPlans: number;
  planStaff: number;
  workers: number;
  workerCredentials: number;
  candidates: number;
  scores: number;
  objections: number;
  uploadBatches: number;
  certificates: number;
  cases: number;
  caseFindings: number;
  caseEvents: number;
  complaints: number;
  inspectors: number;
  supervisorDispatches: number;
}

export const DEFAULT_SEED_SIZE = 20000;
const BASE_SEED = 0x20241026;

/** True when the database holds any enterprise. */
export async function isSeeded(handle: DbHandle): Promise<boolean> {
  const rows = await handle.db.select({ one: sql<number>`1` }).from(enterprises).limit(1);
  return rows.length > 0;
}

/** The current date in China: the seed's "today" when the caller gives none. */
export const seedToday = (): string => chinaToday();

/** All demo rows for `size` as of `today`, without touching a database (pure and deterministic). */
export function generateDemoData(size: number = DEFAULT_SEED_SIZE, today: string = seedToday()) {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`seed size must be a whole number ≥ 0, not ${size}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`)))
    throw new RangeError(`seed today must be a date YYYY-MM-DD, not ${today}`);
  const rng = new Rng(BASE_SEED);
  const lookup = occupationLookup(occupationReference());
  const org = generateEnterprises(rng.fork('enterprises'), Math.max(28, Math.round(size / 100)), lookup, today);
  const extras = generateFilingExtras(rng.fork('filing-extras'), org);
  const grounds = generateLeadingGrounds(rng.fork('leading-grounds'), org);
  const servedParties = new Map<string, ServedPartyRow[]>();
  for (const f of org.filings) {
    const own = extras.servedParties.filter((p) => p.filingId === f.id);
    if (own.length) servedParties.set(f.enterpriseId, own);
  }
  const a = generateAssessments(rng.fork('assessments'), { size, today, facts: org.facts, servedParties });
  const supervision = generateCases(rng.fork('cases'), org.facts, today);
  const pool = generatePool(rng.fork('pool'), org.facts, today);
  const dispatches = generateDispatches(rng.fork('dispatches'), a.plans, pool, today);
  return {
    today,
    enterprises: org.enterprises,
    filings: org.filings,
    enterpriseSpecifications: extras.specifications,
    filingScopes: org.scopes,
    filingServedParties: extras.servedParties,
    filingLeadingGrounds: grounds.grounds,
    filingGroundsEvidence: grounds.evidence,
    filingTransitions: org.transitions,
    assessors: a.assessors,
    announcements: a.announcements,
    announcementOpenings: a.announcementOpenings,
    evaluationPlans: a.plans,
    planStaff: a.planStaff,
    workers: a.workers,
    workerCredentials: a.workerCredentials,
    candidates: a.candidates,
    scores: a.scores,
    objections: a.objections,
    uploadBatches: a.uploadBatches,
    certificates: a.certificates,
    certificateSerials: certificateSerialRows(a.certificates),
    cases: supervision.cases,
    caseFindings: supervision.findings,
    caseEvents: supervision.events,
    complaints: supervision.complaints,
    inspectors: pool,
    supervisorDispatches: dispatches,
    /** The story institution's plan at each step today, by step. */
    story: a.story,
  };
}

export type DemoData = ReturnType<typeof generateDemoData>;

/**
 * The demo rows in insertion order (a table after those it refers to), workers and certificates
 * with resident IDs still in clear: `sealDemoTables` (or the scale seed, chunk by chunk) seals them.
 */
export function demoTables(data: DemoData): [string, PgTable, Record<string, unknown>[]][] {
  return [
    ['enterprises', enterprises, data.enterprises],
    ['enterprise_specifications', enterpriseSpecifications, data.enterpriseSpecifications],
    ['filings', filings, data.filings],
    ['filing_scopes', filingScopes, data.filingScopes],
    ['filing_served_parties', filingServedParties, data.filingServedParties],
    ['filing_leading_grounds', filingLeadingGrounds, data.filingLeadingGrounds],
    ['filing_grounds_evidence', filingGroundsEvidence, data.filingGroundsEvidence],
    ['filing_transitions', filingTransitions, data.filingTransitions],
    ['assessors', assessors, data.assessors],
    ['announcements', announcements, data.announcements],
    ['announcement_openings', announcementOpenings, data.announcementOpenings],
    ['evaluation_plans', evaluationPlans, data.evaluationPlans],
    ['plan_staff', planStaff, data.planStaff],
    ['workers', workers, data.workers],
    ['worker_credentials', workerCredentials, data.workerCredentials],
    ['candidates', candidates, data.candidates],
    ['scores', scores, data.scores],
    ['objections', objections, data.objections],
    ['upload_batches', uploadBatches, data.uploadBatches],
    ['certificates', certificates, data.certificates],
    ['certificate_serials', certificateSerials, data.certificateSerials],
    ['cases', cases, data.cases],
    ['case_findings', caseFindings, data.caseFindings],
    ['case_events', caseEvents, data.caseEvents],
    ['complaints', complaints, data.complaints],
    ['inspectors', inspectors, data.inspectors],
    ['supervisor_dispatches', supervisorDispatches, data.supervisorDispatches],
  ];
}

/** `demoTables` as stored: a worker's ID encrypted once, its certificates carrying that ciphertext as issuing does. */
export function sealDemoTables(data: DemoData, ring = piiKeyring()): [string, PgTable, Record<string, unknown>[]][] {
  const sealed: SealedIds = new Map();
  return demoTables(data).map(([name, table, rows]) => [
    name,
    table,
    table === workers
      ? (rows as WorkerRow[]).map((w) => sealWorker(w, ring, sealed))
      : table === certificates
        ? (rows as CertificateRow[]).map((c) => sealCertificate(c, ring, sealed))
        : rows,
  ]);
}

/**
 * Seeds an empty database: the occupation reference first (an idempotent upsert), then all demo
 * rows in a single transaction, so a failure leaves no half-written demo data. Refuses a database
 * that already has enterprises (check with `isSeeded`).
 */
export async function seed(handle: DbHandle, opts: SeedOptions = {}): Promise<SeedSummary> {
  const size = opts.size ?? DEFAULT_SEED_SIZE;
  const data = generateDemoData(size, opts.today ?? seedToday());
  if (await isSeeded(handle)) {
    throw new Error('the database already holds enterprises; the demo seed only fills an empty database');
  }
  const tables = sealDemoTables(data);
  const reference = occupationReference().length;
  const total = reference + tables.reduce((s, [, , rows]) => s + rows.length, 0);
  let done = 0;
  const progress = (rows: number, stage: string) => {
    done += rows;
    opts.onProgress?.(done, total, stage);
  };

  const occupations = await loadOccupationReference(handle.db, (rows) => progress(rows, 'occupations'));
  await writeTables(handle, tables, progress);
  return seedSummary(data, occupations);
}

/** How many rows of each kind a seed wrote. */
export function seedSummary(data: DemoData, occupations: number): SeedSummary {
  return {
    occupations,
    enterprises: data.enterprises.length,
    filings: data.filings.length,
    enterpriseSpecifications: data.enterpriseSpecifications.length,
    filingScopes: data.filingScopes.length,
    filingServedParties: data.filingServedParties.length,
    filingLeadingGrounds: data.filingLeadingGrounds.length,
    filingGroundsEvidence: data.filingGroundsEvidence.length,
    filingTransitions: data.filingTransitions.length,
    assessors: data.assessors.length,
    announcements: data.announcements.length,
    announcementOpenings: data.announcementOpenings.length,
    evaluationPlans: data.evaluationPlans.length,
    planStaff: data.planStaff.length,
    workers: data.workers.length,
    workerCredentials: data.workerCredentials.length,
    candidates: data.candidates.length,
    scores: data.scores.length,
    objections: data.objections.length,
    uploadBatches: data.uploadBatches.length,
    certificates: data.certificates.length,
    cases: data.cases.length,
    caseFindings: data.caseFindings.length,
    caseEvents: data.caseEvents.length,
    complaints: data.complaints.length,
    inspectors: data.inspectors.length,
    supervisorDispatches: data.supervisorDispatches.length,
  };
}
