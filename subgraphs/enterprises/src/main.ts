/** `pnpm --filter @hub/enterprises start`: this subgraph alone, on PORT (default its own). */
import { openServiceDb } from '@hub/db';
import { runUntilSignal } from '@hub/platform';
import { hubConfig } from '@hub/platform/config';
import { DEFAULT_PORT, startEnterprises } from './server.ts';

const db = await openServiceDb('enterprises');
const served = await startEnterprises({ db: db.db, port: hubConfig().subgraphPort ?? DEFAULT_PORT });
console.log(`enterprises subgraph at ${served.url}`);
runUntilSignal(async () => {
  await served.close();
  await db.close();
});
