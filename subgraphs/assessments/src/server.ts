import { auditWriter, callerAdmission, type Db, piiKeyring } from '@hub/db';
import { startSubgraph } from '@hub/platform';
import { hubConfig } from '@hub/platform/config';
import type { Clock } from '@hub/vocabulary';
import { ensurePackageCalendar, fillMissingResultDeadlines } from './calendar.ts';
import { createLoaders } from './loaders.ts';
import { schema } from './schema/index.ts';

export const DEFAULT_PORT = 4003;

/** Starts the assessments subgraph (评价计划、成绩、公示、证书) on its own HTTP server. */
export async function startAssessments(opts: {
  db: Db;
  /** The public lookups' connection (DbHandle.lookup); default `db`. */
  lookupDb?: Db;
  port?: number;
  host?: string;
  standalone?: boolean;
  /** The hub's clock; default this process's. */
  clock?: Clock;
  /** 证书数据上报期限 in calendar days; default HUB_NATIONAL_UPLOAD_DAYS (30). */
  nationalUploadDays?: number;
}) {
  const lookupDb = opts.lookupDb ?? opts.db;
  const nationalUploadDays = opts.nationalUploadDays ?? hubConfig().nationalUploadDays;
  // Resident IDs cannot be read or written without the keys: refuse to start on a bad (or, in
  // production, missing) HUB_PII_KEYS / HUB_PII_HMAC_KEY rather than fail on the first request.
  piiKeyring();
  // The official calendar is data: seed the years the chinese-days package knows, once per database.
  await ensurePackageCalendar(opts.db);
  await fillMissingResultDeadlines(opts.db);
  return startSubgraph({
    name: 'assessments',
    schema,
    port: opts.port ?? DEFAULT_PORT,
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.standalone != null ? { standalone: opts.standalone } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    audit: auditWriter(opts.db),
    admit: callerAdmission(opts.db),
    context: (caller, clock) => ({
      caller,
      clock,
      db: opts.db,
      lookupDb,
      loaders: createLoaders(opts.db, lookupDb),
      nationalUploadDays,
    }),
  });
}
