/** `pnpm --filter @hub/occupations start`: this subgraph alone, on PORT (default its own). */
import { openServiceDb } from '@hub/db';
import { runUntilSignal } from '@hub/platform';
import { DEFAULT_PORT, startOccupations } from './server.ts';

const db = await openServiceDb('occupations');
const served = await startOccupations({ db: db.db, port: Number(process.env.PORT ?? DEFAULT_PORT) });
console.log(`occupations subgraph at ${served.url}`);
runUntilSignal(async () => {
  await served.close();
  await db.close();
});
