import { createHash } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { expect } from 'vitest';
import type { DbHandle } from '../src/client.ts';
import { migrate } from '../src/migrate.ts';
import { decryptResidentId } from '../src/pii.ts';
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
} from '../src/schema/assessment.ts';
import {
  enterpriseSpecifications,
  enterprises,
  filingGroundsEvidence,
  filingLeadingGrounds,
  filingScopes,
  filingServedParties,
  filings,
  filingTransitions,
} from '../src/schema/enterprise.ts';
import { occupations } from '../src/schema/occupation.ts';
import {
  caseEvents,
  caseFindings,
  cases,
  complaints,
  inspectors,
  supervisorDispatches,
} from '../src/schema/supervision.ts';
import { generateDemoData, isSeeded, type SeedSummary, type StoryStep, seed } from '../src/seed/index.ts';
import { addDays, weekday } from '../src/seed/random.ts';
import { freshDb, type TestDb } from '../src/testing.ts';

/**
 * The demo seed as the seed tests read it (seed*.test.ts): a fresh migrated database, the seed's
 * tables dumped in a fixed order, and the small helpers the checks share.
 */
/** Certificates to seed; SEED_TEST_SIZE=20000 runs the same checks at the demo size. */
export const SIZE = Number(process.env.SEED_TEST_SIZE ?? 1000);
export const ENTERPRISES = Math.max(28, Math.round(SIZE / 100));
/** The seed's "today" is the caller's: fixed here, so the suite reads the same on any day. */
export const TODAY = '2026-11-01';
export const LATER = '2028-03-15';

export async function fresh(): Promise<TestDb> {
  const h = await freshDb();
  await migrate(h);
  return h;
}

/** Every seeded table, read in a fixed order. */
export async function dump(h: DbHandle) {
  const { db } = h;
  return {
    occupations: await db.select().from(occupations).orderBy(asc(occupations.code)),
    enterprises: await db.select().from(enterprises).orderBy(asc(enterprises.id)),
    filings: await db.select().from(filings).orderBy(asc(filings.id)),
    enterpriseSpecifications: await db
      .select()
      .from(enterpriseSpecifications)
      .orderBy(asc(enterpriseSpecifications.id)),
    filingScopes: await db.select().from(filingScopes).orderBy(asc(filingScopes.id)),
    filingServedParties: await db.select().from(filingServedParties).orderBy(asc(filingServedParties.id)),
    filingLeadingGrounds: await db.select().from(filingLeadingGrounds).orderBy(asc(filingLeadingGrounds.filingId)),
    filingGroundsEvidence: await db.select().from(filingGroundsEvidence).orderBy(asc(filingGroundsEvidence.id)),
    filingTransitions: await db.select().from(filingTransitions).orderBy(asc(filingTransitions.id)),
    assessors: await db.select().from(assessors).orderBy(asc(assessors.id)),
    announcements: await db.select().from(announcements).orderBy(asc(announcements.id)),
    announcementOpenings: await db.select().from(announcementOpenings).orderBy(asc(announcementOpenings.id)),
    evaluationPlans: await db.select().from(evaluationPlans).orderBy(asc(evaluationPlans.id)),
    planStaff: await db.select().from(planStaff).orderBy(asc(planStaff.planId), asc(planStaff.assessorId)),
    // Ciphertexts differ run to run (random IVs): compare the decrypted ID and its (deterministic) hash.
    workers: (await db.select().from(workers).orderBy(asc(workers.id))).map(
      ({ residentIdEnc, residentIdHmac, ...w }) => ({
        ...w,
        residentId: decryptResidentId(residentIdEnc),
        residentIdHmac: Buffer.from(residentIdHmac).toString('hex'),
      }),
    ),
    workerCredentials: await db.select().from(workerCredentials).orderBy(asc(workerCredentials.id)),
    candidates: await db.select().from(candidates).orderBy(asc(candidates.id)),
    scores: await db.select().from(scores).orderBy(asc(scores.candidateId), asc(scores.part), asc(scores.assessorId)),
    objections: await db.select().from(objections).orderBy(asc(objections.id)),
    uploadBatches: await db.select().from(uploadBatches).orderBy(asc(uploadBatches.id)),
    certificates: (await db.select().from(certificates).orderBy(asc(certificates.number))).map(
      ({ holderResidentIdEnc, holderResidentIdHmac, ...c }) => ({
        ...c,
        holderResidentId: decryptResidentId(holderResidentIdEnc),
        holderResidentIdHmac: Buffer.from(holderResidentIdHmac).toString('hex'),
      }),
    ),
    certificateSerials: await db.select().from(certificateSerials).orderBy(asc(certificateSerials.institutionCode)),
    cases: await db.select().from(cases).orderBy(asc(cases.id)),
    caseFindings: await db.select().from(caseFindings).orderBy(asc(caseFindings.id)),
    caseEvents: await db.select().from(caseEvents).orderBy(asc(caseEvents.id)),
    complaints: await db.select().from(complaints).orderBy(asc(complaints.id)),
    inspectors: await db.select().from(inspectors).orderBy(asc(inspectors.id)),
    supervisorDispatches: await db.select().from(supervisorDispatches).orderBy(asc(supervisorDispatches.id)),
  };
}

export type Dump = Awaited<ReturnType<typeof dump>>;

export const hash = (rows: unknown) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');
export const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600e3).toISOString().slice(0, 10);
/** Monday–Friday days after `from` up to and including `to`. */
export const weekdaysBetween = (from: string, to: string) => {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (weekday(d) % 6 !== 0) n++;
  return n;
};
export const byId = <T extends { id?: string | null }>(rows: readonly T[]) =>
  new Map(rows.map((r) => [r.id as string, r]));
export const groupBy = <T, K>(rows: readonly T[], key: (r: T) => K) => {
  const out = new Map<K, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
};

/** A database seeded with SIZE certificates as of TODAY, its dump, the story's plans and the progress reports. */
export async function seededDemo() {
  const h = await fresh();
  expect(await isSeeded(h)).toBe(false);
  const progress: [number, number, string][] = [];
  const summary: SeedSummary = await seed(h, {
    size: SIZE,
    today: TODAY,
    onProgress: (done, total, stage) => progress.push([done, total, stage]),
  });
  const d = await dump(h);
  const story: Partial<Record<StoryStep, string>> = generateDemoData(SIZE, TODAY).story;
  return { h, summary, d, story, progress };
}
