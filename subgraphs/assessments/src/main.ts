/** `pnpm --filter @hub/assessments start`: this subgraph alone, on PORT (default its own). */
import { openServiceDb } from '@hub/db';
import { runUntilSignal } from '@hub/platform';
import { hubConfig } from '@hub/platform/config';
import { DEFAULT_PORT, startAssessments } from './server.ts';

const db = await openServiceDb('assessments');
const served = await startAssessments({
  db: db.db,
  lookupDb: db.lookup,
  replica: db.replica,
  port: hubConfig().subgraphPort ?? DEFAULT_PORT,
});
console.log(`assessments subgraph at ${served.url}`);
runUntilSignal(async () => {
  await served.close();
  await db.close();
});
