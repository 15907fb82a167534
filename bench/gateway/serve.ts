/**
 * One server process of the gateway benchmark: `subgraphs`, `ours` or `hive`.
 * Prints `READY <url>` when listening. Ports come from the environment
 * (BENCH_SUBGRAPH_BASE, default 4101–4104; BENCH_PORT for a gateway).
 */
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { createDb, isSeeded, migrate, seed } from '@hub/db';
import { startGateway } from '@hub/gateway';
import { claimsFromAuthorization, INTERNAL_HEADER, signInternalToken } from '@hub/kit';
import { readSupergraph, SUBGRAPHS } from '@hub/schema';

const mode = process.argv[2];
const base = Number(process.env.BENCH_SUBGRAPH_BASE ?? 4101);
const urls = Object.fromEntries(SUBGRAPHS.map((s, i) => [s.name, `http://127.0.0.1:${base + i}/graphql`]));

if (mode === 'subgraphs') {
  const db = await createDb({ max: 20 });
  await migrate(db);
  if (!(await isSeeded(db))) await seed(db, { size: Number(process.env.BENCH_SEED_SIZE ?? 20_000) });
  for (const [i, s] of SUBGRAPHS.entries()) await s.start({ db: db.db, port: base + i });
  console.log(`READY ${JSON.stringify(urls)}`);
} else if (mode === 'ours') {
  const served = await startGateway({ port: Number(process.env.BENCH_PORT ?? 4100), subgraphUrls: urls });
  console.log(`READY ${served.url}`);
} else if (mode === 'hive') {
  let supergraph = readSupergraph();
  for (const s of SUBGRAPHS)
    supergraph = supergraph.replaceAll(`http://127.0.0.1:${s.port}/graphql`, urls[s.name] as string);
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
  const port = Number(process.env.BENCH_PORT ?? 4200);
  createServer(runtime).listen(port, '127.0.0.1', () => console.log(`READY http://127.0.0.1:${port}/graphql`));
} else {
  console.error('usage: serve.ts subgraphs|ours|hive');
  process.exit(2);
}
