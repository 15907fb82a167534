import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HubConfig, hubConfig } from '@hub/platform/config';
import { logger } from '@hub/platform/log';

const log = logger.child({ service: 'gateway-primary' });

/**
 * How many gateway worker processes to run: HUB_GATEWAY_WORKERS, a whole
 * number or `auto` (one per core), else `fallback`. Each worker has its own
 * query-plan cache, dedup map and public rate-limit counters.
 */
export function gatewayWorkers(config: HubConfig = hubConfig(), fallback = 1): number {
  return config.gatewayWorkers ?? fallback;
}

export interface GatewayCluster {
  url: string;
  pids(): number[];
  close(): Promise<void>;
}

interface Ready {
  type: 'gateway-ready';
  url: string;
}

/**
 * Forks `count` gateway workers (worker.ts) sharing one port (node:cluster
 * hands connections out round-robin). Resolves once every worker listens; a
 * worker that dies afterwards is replaced. `env` reaches the workers only
 * (e.g. HUB_<NAME>_URL for subgraphs started by this process).
 */
export function forkGateways(count: number, env: Record<string, string> = {}): Promise<GatewayCluster> {
  const self = fileURLToPath(import.meta.url);
  // worker.ts beside this file in dev; worker.mjs beside the bundle (gateway/dist) in production.
  const exec = path.join(path.dirname(self), self.endsWith('.ts') ? 'worker.ts' : 'worker.mjs');
  // Workers run as this process runs; TypeScript needs tsx even when this process got it another way (vitest).
  const execArgv =
    exec.endsWith('.ts') && !process.execArgv.some((a) => a.includes('tsx'))
      ? [...process.execArgv, '--import', 'tsx']
      : process.execArgv;
  cluster.setupPrimary({ exec, execArgv });
  let closing = false;
  const workers = new Set<Worker>();

  return new Promise((resolve, reject) => {
    let ready = 0;
    let url = '';
    const fork = (initial: boolean) => {
      const worker = cluster.fork(env);
      workers.add(worker);
      worker.on('message', (m: Ready) => {
        if (m?.type !== 'gateway-ready') return;
        url = m.url;
        if (initial && ++ready === count) resolve({ url, pids, close });
      });
      worker.once('exit', (code, signal) => {
        workers.delete(worker);
        if (closing) return;
        if (initial && ready < count) {
          reject(new Error(`a gateway worker exited with ${code ?? signal} before it was ready`));
          return;
        }
        log.error({ code, signal }, 'gateway worker died; starting another');
        setTimeout(() => fork(false), 500).unref();
      });
    };
    for (let i = 0; i < count; i++) fork(true);
  });

  function pids() {
    return [...workers].map((w) => w.process.pid).filter((p): p is number => p !== undefined);
  }

  async function close() {
    closing = true;
    await Promise.all(
      [...workers].map(
        (w) =>
          new Promise<void>((done) => {
            if (w.isDead()) return done();
            w.once('exit', () => done());
            w.process.kill('SIGTERM');
          }),
      ),
    );
  }
}
