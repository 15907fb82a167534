/** `pnpm --filter @hub/occupations start`: this subgraph alone, on PORT (default its own). */
import { openServiceDb } from '@hub/db';
import { runUntilSignal } from '@hub/platform';
import { hubConfig } from '@hub/platform/config';
import { DEFAULT_PORT, startOccupations } from './server.ts';

const db = await openServiceDb('occupations');
const served = await startOccupations({ db: db.db, port: hubConfig().subgraphPort ?? DEFAULT_PORT });
console.log(`occupations subgraph at ${served.url}`);
runUntilSignal(async () => {
  await served.close();
  await db.close();
});
