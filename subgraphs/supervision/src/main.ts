/** `pnpm --filter @hub/supervision start`: this subgraph alone, on PORT (default its own). */
import { openServiceDb } from '@hub/db';
import { runUntilSignal } from '@hub/platform';
import { hubConfig } from '@hub/platform/config';
import { DEFAULT_PORT, startSupervision } from './server.ts';

const db = await openServiceDb('supervision');
const served = await startSupervision({ db: db.db, port: hubConfig().subgraphPort ?? DEFAULT_PORT });
console.log(`supervision subgraph at ${served.url}`);
runUntilSignal(async () => {
  await served.close();
  await db.close();
});
