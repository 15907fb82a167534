/**
 * `pnpm --filter @hub/gateway start`: the gateway alone, in front of subgraphs
 * running elsewhere (HUB_<NAME>_URL, default 127.0.0.1:4001–4004).
 */
import { auditWriter, createDb } from '@hub/db';
import { runUntilSignal } from '@hub/kit';
import { startGateway } from './server.ts';

const db = process.env.DATABASE_URL ? await createDb({ max: 1 }) : undefined;
const served = await startGateway(db ? { pingDb: () => db.ping(), audit: auditWriter(db.db) } : {});
console.log(`gateway at ${served.url}`);
runUntilSignal(async () => {
  await served.close();
  await db?.close();
});
