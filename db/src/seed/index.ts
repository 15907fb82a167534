/**
 * The deterministic demo seed: Hunan enterprises in all 14 市州 with their filings, evaluation
 * plans, certificates and supervision cases. The same `size` gives the same rows, ids included,
 * on every run and on either driver. "Today" is fixed at 2026-11-01.
 */
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbHandle } from '../client.ts';
import { piiKeyring } from '../pii.ts';
import { certificateSerials, certificates, evaluationPlans } from '../schema/assessment.ts';
import {
  enterpriseSpecifications,
  enterprises,
  filingScopes,
  filingServedParties,
  filings,
  filingTransitions,
} from '../schema/enterprise.ts';
import { caseEvents, caseFindings, cases, inspectors, supervisorDispatches } from '../schema/supervision.ts';
import { certificateSerialRows, generateCertificates, generatePlans, sealCertificate } from './assessments.ts';
import { generateCases, generateDispatches, generatePool } from './cases.ts';
import { generateEnterprises, occupationLookup } from './enterprises.ts';
import { loadOccupationReference, occupationReference } from './occupations.ts';
import { generateFilingExtras } from './qualification.ts';
import { Rng } from './random.ts';

export { TODAY as SEED_TODAY } from './enterprises.ts';
export type { OccupationReference } from './occupations.ts';
export { loadOccupationReference, occupationReference } from './occupations.ts';

export interface SeedOptions {
  /** Number of certificates (default 20000); enterprises = max(28, round(size / 100)). */
  size?: number;
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
  filingTransitions: number;
  evaluationPlans: number;
  certificates: number;
  cases: number;
  caseFindings: number;
  caseEvents: number;
  inspectors: number;
  supervisorDispatches: number;
}

export const DEFAULT_SEED_SIZE = 20000;
const BASE_SEED = 0x20241026;
const CHUNK = 1000;

/** True when the database holds any enterprise. */
export async function isSeeded(handle: DbHandle): Promise<boolean> {
  const rows = await handle.db.select({ one: sql<number>`1` }).from(enterprises).limit(1);
  return rows.length > 0;
}

/** All demo rows for `size`, without touching a database (pure and deterministic). */
export function generateDemoData(size: number = DEFAULT_SEED_SIZE) {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`seed size must be a whole number ≥ 0, not ${size}`);
  const rng = new Rng(BASE_SEED);
  const lookup = occupationLookup(occupationReference());
  const org = generateEnterprises(rng.fork('enterprises'), Math.max(28, Math.round(size / 100)), lookup);
  const extras = generateFilingExtras(rng.fork('filing-extras'), org);
  const plans = generatePlans(rng.fork('plans'), size, org.facts);
  const certs = generateCertificates(rng.fork('certificates'), size, plans);
  const supervision = generateCases(rng.fork('cases'), org.facts);
  const pool = generatePool(rng.fork('pool'), org.facts);
  const dispatches = generateDispatches(
    rng.fork('dispatches'),
    plans.map((p) => p.row),
    pool,
  );
  return {
    enterprises: org.enterprises,
    filings: org.filings,
    enterpriseSpecifications: extras.specifications,
    filingScopes: org.scopes,
    filingServedParties: extras.servedParties,
    filingTransitions: org.transitions,
    evaluationPlans: plans.map((p) => p.row),
    certificates: certs,
    certificateSerials: certificateSerialRows(certs),
    cases: supervision.cases,
    caseFindings: supervision.findings,
    caseEvents: supervision.events,
    inspectors: pool,
    supervisorDispatches: dispatches,
  };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Seeds an empty database: the occupation reference first (an idempotent upsert), then all demo
 * rows in a single transaction, so a failure leaves no half-written demo data. Refuses a database
 * that already has enterprises (check with `isSeeded`).
 */
export async function seed(handle: DbHandle, opts: SeedOptions = {}): Promise<SeedSummary> {
  const size = opts.size ?? DEFAULT_SEED_SIZE;
  const data = generateDemoData(size);
  if (await isSeeded(handle)) {
    throw new Error('the database already holds enterprises; the demo seed only fills an empty database');
  }

  const ring = piiKeyring();
  const tables: [string, PgTable, Record<string, unknown>[]][] = [
    ['enterprises', enterprises, data.enterprises],
    ['enterprise_specifications', enterpriseSpecifications, data.enterpriseSpecifications],
    ['filings', filings, data.filings],
    ['filing_scopes', filingScopes, data.filingScopes],
    ['filing_served_parties', filingServedParties, data.filingServedParties],
    ['filing_transitions', filingTransitions, data.filingTransitions],
    ['evaluation_plans', evaluationPlans, data.evaluationPlans],
    ['certificates', certificates, data.certificates.map((c) => sealCertificate(c, ring))],
    ['certificate_serials', certificateSerials, data.certificateSerials],
    ['cases', cases, data.cases],
    ['case_findings', caseFindings, data.caseFindings],
    ['case_events', caseEvents, data.caseEvents],
    ['inspectors', inspectors, data.inspectors],
    ['supervisor_dispatches', supervisorDispatches, data.supervisorDispatches],
  ];
  const reference = occupationReference().length;
  const total = reference + tables.reduce((s, [, , rows]) => s + rows.length, 0);
  let done = 0;
  const progress = (rows: number, stage: string) => {
    done += rows;
    opts.onProgress?.(done, total, stage);
  };

  const occupations = await loadOccupationReference(handle.db, (rows) => progress(rows, 'occupations'));
  await handle.db.transaction(async (tx: Tx) => {
    for (const [stage, table, rows] of tables) {
      // Long texts make filings heavier; keep their statements smaller.
      const chunk = stage === 'filings' ? 250 : CHUNK;
      for (let i = 0; i < rows.length; i += chunk) {
        const part = rows.slice(i, i + chunk);
        await tx.insert(table).values(part as never);
        progress(part.length, stage);
      }
    }
  });

  return seedSummary(data, occupations);
}

/** How many rows of each kind a seed wrote. */
export function seedSummary(data: ReturnType<typeof generateDemoData>, occupations: number): SeedSummary {
  return {
    occupations,
    enterprises: data.enterprises.length,
    filings: data.filings.length,
    enterpriseSpecifications: data.enterpriseSpecifications.length,
    filingScopes: data.filingScopes.length,
    filingServedParties: data.filingServedParties.length,
    filingTransitions: data.filingTransitions.length,
    evaluationPlans: data.evaluationPlans.length,
    certificates: data.certificates.length,
    cases: data.cases.length,
    caseFindings: data.caseFindings.length,
    caseEvents: data.caseEvents.length,
    inspectors: data.inspectors.length,
    supervisorDispatches: data.supervisorDispatches.length,
  };
}
