/**
 * `pnpm --filter @hub/gateway start`: the gateway alone, in front of subgraphs
 * running elsewhere (HUB_<NAME>_URL, default 127.0.0.1:4001–4004), in
 * HUB_GATEWAY_WORKERS worker processes (default 1; `auto` = one per core).
 */
import { logger } from '@hub/platform/log';
import { runUntilSignal } from '@hub/platform/process';
import { forkGateways, gatewayWorkers } from './cluster.ts';

const workers = gatewayWorkers();
if (workers > 1) {
  const gateways = await forkGateways(workers);
  logger.info({ service: 'gateway', workers, url: gateways.url }, 'gateway ready');
  console.log(`gateway at ${gateways.url} (${workers} workers)`);
  runUntilSignal(() => gateways.close());
} else {
  await import('./worker.ts');
}
