import { auditWriter, callerAdmission, type Db } from '@hub/db';
import { startSubgraph } from '@hub/platform';
import { hubConfig } from '@hub/platform/config';
import type { Clock } from '@hub/vocabulary';
import { createLoaders } from './loaders.ts';
import { schema } from './schema/index.ts';

export const DEFAULT_PORT = 4004;

/**
 * Starts the supervision subgraph (督导与案件) on its own HTTP server. `complaintHandlingDays`: the
 * 投诉办理期限 in calendar days from receipt (1–365; default `HUB_COMPLAINT_HANDLING_DAYS`, 30).
 */
export function startSupervision(opts: {
  db: Db;
  port?: number;
  host?: string;
  standalone?: boolean;
  clock?: Clock;
  complaintHandlingDays?: number;
  nationalUploadDays?: number;
}) {
  const nationalUploadDays = opts.nationalUploadDays ?? hubConfig().nationalUploadDays;
  const complaintHandlingDays = opts.complaintHandlingDays ?? hubConfig().complaintHandlingDays;
  if (!Number.isInteger(complaintHandlingDays) || complaintHandlingDays < 1 || complaintHandlingDays > 365) {
    throw new Error(
      `complaintHandlingDays must be a whole number of days from 1 to 365 (got ${complaintHandlingDays})`,
    );
  }
  return startSubgraph({
    name: 'supervision',
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
      loaders: createLoaders(opts.db),
      complaintHandlingDays,
      nationalUploadDays,
    }),
  });
}
