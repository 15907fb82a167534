import { auditWriter, callerAdmission, type Db } from '@hub/db';
import { hubConfig, startSubgraph } from '@hub/platform';
import type { Clock } from '@hub/vocabulary';
import { createLoaders } from './loaders.ts';
import { schema } from './schema/index.ts';

export const DEFAULT_PORT = 4001;

/** Starts the enterprises subgraph (企业与备案) on its own HTTP server. */
export function startEnterprises(opts: {
  db: Db;
  port?: number;
  host?: string;
  standalone?: boolean;
  clock?: Clock;
  refileWaitingDays?: number;
}) {
  return startSubgraph({
    name: 'enterprises',
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
      loaders: createLoaders(opts.db, clock),
      refileWaitingDays: opts.refileWaitingDays ?? hubConfig().refileWaitingDays,
    }),
  });
}
