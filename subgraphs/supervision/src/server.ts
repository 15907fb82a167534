import { auditWriter, type Db, partnerAdmission } from '@hub/db';
import { startSubgraph } from '@hub/platform';
import type { Clock } from '@hub/vocabulary';
import { createLoaders } from './loaders.ts';
import { schema } from './schema/index.ts';

export const DEFAULT_PORT = 4004;

/** Starts the supervision subgraph (督导与案件) on its own HTTP server. */
export function startSupervision(opts: { db: Db; port?: number; host?: string; standalone?: boolean; clock?: Clock }) {
  return startSubgraph({
    name: 'supervision',
    schema,
    port: opts.port ?? DEFAULT_PORT,
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.standalone != null ? { standalone: opts.standalone } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    audit: auditWriter(opts.db),
    admit: partnerAdmission(opts.db),
    context: (caller, clock) => ({ caller, clock, db: opts.db, loaders: createLoaders(opts.db) }),
  });
}
