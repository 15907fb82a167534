import type { ReadReplica } from '@hub/db';
import type { RouteHandler } from '@hub/platform';
import { Counter, Gauge, Registry } from 'prom-client';

/**
 * What the read replica is doing, for the operator: `/ready` (`details.replica`: where routed reads go,
 * the lag, why on the primary) and `/metrics` in Prometheus' text format. Routed reads falling back
 * to the primary never fail readiness: the primary serves them.
 */
export function replicaRoutes(replica: ReadReplica | undefined): Record<string, RouteHandler> {
  if (!replica) return {};
  const registry = new Registry();
  new Gauge({
    name: 'hub_replica_lag_seconds',
    help: 'Replay lag of the read replica in seconds (-1 while it does not answer)',
    registers: [registry],
    collect() {
      this.set(replica.state().lagSeconds ?? -1);
    },
  });
  new Gauge({
    name: 'hub_replica_serving',
    help: '1 while routed reads (证书查询, statistics) go to the replica, 0 while they go to the primary',
    registers: [registry],
    collect() {
      this.set(replica.state().reads === 'replica' ? 1 : 0);
    },
  });
  new Counter({
    name: 'hub_routed_reads_total',
    help: 'Routed reads by where they were served; fallback: read on the replica failed and was read again on the primary',
    labelNames: ['served_by'],
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ served_by: 'replica' }, replica.stats.replica);
      this.inc({ served_by: 'primary' }, replica.stats.primary);
      this.inc({ served_by: 'fallback' }, replica.stats.fallbacks);
    },
  });
  return {
    '/ready': async () => ({
      status: 200,
      body: { status: 'ready', service: 'assessments', details: { replica: replica.state() } },
    }),
    '/metrics': async () => ({ status: 200, body: await registry.metrics(), contentType: registry.contentType }),
  };
}
