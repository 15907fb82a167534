/**
 * One server process of the gateway benchmark: `subgraphs`, `ours` or `hive`.
 * Prints `READY <url>` when listening. Ports come from the environment
 * (BENCH_SUBGRAPH_BASE, default 4101–4104; BENCH_PORT for a gateway).
 */
// Each mode imports only what it runs, so each process's memory is its own.
import { readSupergraph, subgraphsOf } from '@hub/schema/supergraph';
import { benchNumber } from '../config.ts';

const mode = process.argv[2];
const base = benchNumber('BENCH_SUBGRAPH_BASE', 4101);
const named = subgraphsOf(readSupergraph());
const portOf = (name: string) => base + named.findIndex((s) => s.name === name);
const urls = Object.fromEntries(named.map((s) => [s.name, `http://127.0.0.1:${portOf(s.name)}/graphql`]));

if (mode === 'subgraphs') {
  const { createDb, isSeeded, migrate, seed } = await import('@hub/db');
  const db = await createDb({ max: 20 });
  await migrate(db);
  if (!(await isSeeded(db))) await seed(db, { size: benchNumber('BENCH_SEED_SIZE', 20_000) });
  const { SUBGRAPHS } = await import('@hub/schema');
  for (const s of SUBGRAPHS) await s.start({ db: db.db, port: portOf(s.name) });
  console.log(`READY ${JSON.stringify(urls)}`);
} else if (mode === 'ours') {
  const port = benchNumber('BENCH_PORT', 4100);
  const workers = benchNumber('HUB_GATEWAY_WORKERS', 1);
  if (workers > 1) {
    const { forkGateways } = await import('@hub/gateway/cluster');
    const env = Object.fromEntries(named.map((s) => [`HUB_${s.name.toUpperCase()}_URL`, urls[s.name] as string]));
    const gateways = await forkGateways(workers, { ...env, HUB_PORT: String(port) });
    console.log(`READY ${gateways.url}`);
  } else {
    const { startGateway } = await import('@hub/gateway/server');
    const served = await startGateway({ port, subgraphUrls: urls });
    console.log(`READY ${served.url}`);
  }
} else if (mode === 'hive') {
  const { createServer } = await import('node:http');
  const { createGatewayRuntime } = await import('@graphql-hive/gateway');
  const { claimsFromAuthorization, INTERNAL_HEADER, signInternalToken } = await import('@hub/platform');
  let supergraph = readSupergraph();
  for (const s of named) supergraph = supergraph.replaceAll(s.url, urls[s.name] as string);
  const runtime = createGatewayRuntime({
    supergraph,
    logging: false,
    plugins: () => [
      {
        // The subgraphs trust only signed claims; Hive signs them as ours does.
        async onFetch({ options, setOptions, context }) {
          const claims = await claimsFromAuthorization(
            (context as { request?: Request }).request?.headers.get('authorization'),
          );
          setOptions({
            ...options,
            headers: { ...options.headers, [INTERNAL_HEADER]: await signInternalToken(claims) },
          });
        },
      },
    ],
  });
  const port = benchNumber('BENCH_PORT', 4200);
  createServer(runtime).listen(port, '127.0.0.1', () => console.log(`READY http://127.0.0.1:${port}/graphql`));
} else {
  console.error('usage: serve.ts subgraphs|ours|hive');
  process.exit(2);
}
