import { auditWriter, callerAdmission, type Db } from '@hub/db';
import { startSubgraph } from '@hub/platform';
import type { Clock } from '@hub/vocabulary';
import { createLoaders } from './loaders.ts';
import { MatchService } from './matching.ts';
import { shippedCommonTitles } from './rules/common-titles.ts';
import { defaultReranker } from './rules/reranker.ts';
import { schema } from './schema/index.ts';

export const DEFAULT_PORT = 4002;

/** Starts the occupations subgraph (职业分类大典) on its own HTTP server. */
export async function startOccupations(opts: {
  db: Db;
  port?: number;
  host?: string;
  standalone?: boolean;
  clock?: Clock;
}) {
  // The reranker's models (rules/reranker-model.json, reranker-model-imported.json) and the everyday
  // titles (rules/common-titles.csv) are read now: a missing or stale model, a broken list stops the start.
  defaultReranker('facts');
  defaultReranker('imported');
  shippedCommonTitles();
  const matcher = new MatchService(opts.db);
  const served = await startSubgraph({
    name: 'occupations',
    schema,
    port: opts.port ?? DEFAULT_PORT,
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.standalone != null ? { standalone: opts.standalone } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    audit: auditWriter(opts.db),
    admit: callerAdmission(opts.db),
    context: (caller, clock) => ({ caller, clock, db: opts.db, loaders: createLoaders(opts.db), matcher }),
  });
  // Build the matcher index at startup, in the background: the first match then finds it ready.
  // A failure here (an unmigrated database) is retried by the first match.
  matcher.index().catch(() => {});
  return served;
}
