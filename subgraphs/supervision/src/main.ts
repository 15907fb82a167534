/** `pnpm --filter @hub/supervision start`: this subgraph alone, on PORT (default its own). */
import { openServiceDb } from '@hub/db';
import { runUntilSignal } from '@hub/platform';
import { DEFAULT_PORT, startSupervision } from './server.ts';

const db = await openServiceDb('supervision');
const served = await startSupervision({ db: db.db, port: Number(process.env.PORT ?? DEFAULT_PORT) });
console.log(`supervision subgraph at ${served.url}`);
runUntilSignal(async () => {
  await served.close();
  await db.close();
});
