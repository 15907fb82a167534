/**
 * One gateway worker process (node:cluster), forked by forkGateways: the
 * gateway alone, subgraph URLs from HUB_<NAME>_URL, port from HUB_PORT. Tells
 * the primary its URL once it listens.
 */
import cluster from 'node:cluster';
import { createDb } from '@hub/db/client';
import { auditWriter } from '@hub/db/write/audit';
import { runUntilSignal } from '@hub/platform';
import { hubConfig } from '@hub/platform/config';
import { startGateway } from './server.ts';

// PostgreSQL only: an embedded PGlite database belongs to the primary process.
const db = hubConfig().databaseUrl ? await createDb({ max: 1 }) : undefined;
// The gateway records the mutations it refuses itself (audit log); without a database of its own, it cannot.
const served = await startGateway(db ? { pingDb: () => db.ping(), audit: auditWriter(db.db) } : {});
if (process.send) process.send({ type: 'gateway-ready', url: served.url });
else console.log(`gateway at ${served.url}`);
// A worker whose primary is gone has no one to hand it connections or restart it: it leaves too.
cluster.worker?.on('error', () => undefined);
process.once('disconnect', () => process.exit(0));
runUntilSignal(async () => {
  await served.close();
  await db?.close();
});
