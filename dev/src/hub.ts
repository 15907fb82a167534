import { auditWriter, calendarCoverage, createDb, type DbHandle, isSeeded, migrate, seed } from '@hub/db';
import { forkGateways } from '@hub/gateway/cluster';
import { type ServedGateway, startGateway } from '@hub/gateway/server';
import { hubClockFromConfig, type Served } from '@hub/platform';
import { hubConfig } from '@hub/platform/config';
import { SUBGRAPHS, type SubgraphName } from '@hub/schema';
import type { HubClock } from '@hub/vocabulary';

export interface HubOptions {
  /** An open database; otherwise one is opened from DATABASE_URL or PGlite. */
  db?: DbHandle;
  /** Gateway port (default 4000; 0 picks a free one). */
  port?: number;
  /** Subgraph ports; 0 picks free ones. Default: HUB_<NAME>_PORT (e.g. HUB_SUPERVISION_PORT=0), else 4001–4004. */
  subgraphPort?: (name: SubgraphName, defaultPort: number) => number;
  /** Migrate, and seed an empty database with the demo data (default true). */
  prepare?: boolean;
  seedSize?: number;
  /** Gateway worker processes (node:cluster); 1 (default) serves the gateway in this process. */
  gatewayWorkers?: number;
  onProgress?: (done: number, total: number, stage: string) => void;
  /**
   * The hub's clock, shared by the gateway and every subgraph; default a new one on the real date
   * (its date can be set outside production: /admin/clock, `pnpm hub clock`). The demo seed's
   * dates are relative to its day.
   */
  clock?: HubClock;
}

export interface Hub {
  url: string;
  db: DbHandle;
  /** The in-process gateway; undefined when the gateway runs in worker processes. */
  gateway: ServedGateway | undefined;
  /** The gateway worker processes' ids, when there are any. */
  gatewayPids(): number[];
  subgraphs: Record<SubgraphName, Served>;
  /** The clock the whole hub runs on. */
  clock: HubClock;
  close(): Promise<void>;
}

/** The whole hub in one process: database, four subgraphs, gateway. */
export async function startHub(opts: HubOptions = {}): Promise<Hub> {
  const db = opts.db ?? (await createDb());
  const clock = opts.clock ?? hubClockFromConfig();
  const config = hubConfig();
  if (opts.prepare !== false) {
    await migrate(db);
    if (!(await isSeeded(db))) {
      await seed(db, { size: opts.seedSize, today: clock.today(), onProgress: opts.onProgress });
    }
  }
  const subgraphs = {} as Record<SubgraphName, Served>;
  for (const s of SUBGRAPHS) {
    const port = opts.subgraphPort?.(s.name, s.port) ?? config[`${s.name}Port`] ?? s.port;
    subgraphs[s.name] = await s.start({ db: db.db, lookupDb: db.lookup, replica: db.replica, port, clock });
  }
  const port = opts.port ?? config.port;
  const subgraphUrls = Object.fromEntries(Object.entries(subgraphs).map(([n, s]) => [n, s.url]));
  const workers = opts.gatewayWorkers ?? 1;
  const gateway =
    workers > 1
      ? undefined
      : await startGateway({
          port,
          subgraphUrls,
          pingDb: () => db.ping(),
          audit: auditWriter(db.db),
          clock,
          details: async () => ({ today: clock.today(), calendar: await calendarCoverage(db.db, clock.today()) }),
        });
  const cluster =
    workers > 1
      ? await forkGateways(workers, {
          HUB_PORT: String(port),
          ...Object.fromEntries(Object.entries(subgraphUrls).map(([n, url]) => [`HUB_${n.toUpperCase()}_URL`, url])),
        })
      : undefined;
  return {
    url: gateway?.url ?? cluster?.url ?? '',
    db,
    gateway,
    gatewayPids: () => cluster?.pids() ?? [],
    subgraphs,
    clock,
    async close() {
      await gateway?.close();
      await cluster?.close();
      await Promise.all(Object.values(subgraphs).map((s) => s.close()));
      if (!opts.db) await db.close();
    },
  };
}
