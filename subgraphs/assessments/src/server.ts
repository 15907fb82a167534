import { auditWriter, callerAdmission, type Db, piiKeyring, type ReadReplica, readRoute } from '@hub/db';
import { hubClockFromConfig, startSubgraph } from '@hub/platform';
import { hubConfig } from '@hub/platform/config';
import type { Clock } from '@hub/vocabulary';
import { ensurePackageCalendar, fillMissingResultDeadlines } from './calendar.ts';
import { createLoaders } from './loaders.ts';
import { replicaRoutes } from './replica-routes.ts';
import { schema } from './schema/index.ts';
import { startWebhookWorker } from './webhook-worker.ts';

export const DEFAULT_PORT = 4003;

/** The largest request the subgraph reads: a bulk import of 10,000 rows is about 2 MB of JSON. */
export const IMPORT_MAX_BODY_BYTES = 16_000_000;

/** Starts the assessments subgraph (评价计划、成绩、公示、证书) on its own HTTP server. */
export async function startAssessments(opts: {
  db: Db;
  /** The public lookups' connection (DbHandle.lookup); default `db`. */
  lookupDb?: Db;
  /** A read replica for 证书查询 and the statistics (DbHandle.replica); none: everything reads `db`. */
  replica?: ReadReplica | undefined;
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
  const served = await startSubgraph({
    name: 'assessments',
    schema,
    port: opts.port ?? DEFAULT_PORT,
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.standalone != null ? { standalone: opts.standalone } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    // 批量导入: 10,000 rows in one mutation, sent on by the gateway (its own /graphql keeps 1 MB).
    maxBodyBytes: IMPORT_MAX_BODY_BYTES,
    audit: auditWriter(opts.db),
    admit: callerAdmission(opts.db),
    routes: replicaRoutes(opts.replica),
    context: (caller, clock) => {
      const reads = readRoute({ primary: opts.db, primaryLookup: lookupDb, replica: opts.replica, caller });
      return { caller, clock, db: opts.db, reads, loaders: createLoaders(opts.db, reads), nationalUploadDays };
    },
  });
  // 变更推送: this process delivers webhooks too, unless told another does (HUB_WEBHOOK_WORKER=0).
  const config = hubConfig();
  if (!config.webhookWorker) return served;
  const worker = startWebhookWorker({
    db: opts.db,
    clock: opts.clock ?? hubClockFromConfig(),
    timeoutMs: config.webhookTimeoutMs,
    pollMs: config.webhookPollMs,
    logDays: config.webhookLogDays,
    policy: {
      backoffBaseMs: config.webhookBackoffBaseMs,
      backoffMaxMs: config.webhookBackoffMaxMs,
      pauseAfter: config.webhookPauseAfter,
    },
  });
  const closeServer = served.close.bind(served);
  return Object.assign(served, {
    async close() {
      await worker.stop();
      await closeServer();
    },
  });
}
