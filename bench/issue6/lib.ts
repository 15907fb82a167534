/** Shared pieces of the verification and statistics benchmarks: a bounded load run and its figures. */
import { createRequire } from 'node:module';

// autocannon ships no types; this is the part of its API used here.
interface Instance {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = ((
  opts: Record<string, unknown>,
  done: (err: unknown, result: AutocannonResult) => void,
) => Instance) & {
  track?: unknown;
};
interface AutocannonResult {
  requests: { total: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface Figures {
  name: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  /** Requests per second over the run. */
  rps: number;
  failed: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function figures(name: string, latencies: number[], seconds: number, failed: number): Figures {
  const s = [...latencies].sort((a, b) => a - b);
  return {
    name,
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    rps: s.length / seconds,
    failed,
  };
}

/** POSTs GraphQL bodies from `bodies` (round robin) at `url` for `seconds` over `connections` keep-alive connections. */
export function loadHttp(
  name: string,
  url: string,
  bodies: string[],
  opts: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<Figures> {
  let i = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url,
        method: 'POST',
        connections: opts.connections,
        duration: opts.seconds,
        headers: { 'content-type': 'application/json', ...opts.headers },
        requests: [
          {
            setupRequest: (req: Record<string, unknown>) => {
              i = (i + 1) % bodies.length;
              return { ...req, body: bodies[i] };
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve(figures(name, latencies, result.duration, result.non2xx + result.errors + result.timeouts));
      },
    );
    inst.on('response', (_c, status, _b, ms) => {
      if (status === 200) latencies.push(ms);
    });
  });
}

/** Runs `task` from `concurrency` loops for `seconds`: the in-process baseline (bare SQL). */
export async function loadLoop(
  name: string,
  task: (i: number) => Promise<unknown>,
  opts: { seconds: number; concurrency: number },
): Promise<Figures> {
  const latencies: number[] = [];
  let failed = 0;
  let i = 0;
  const start = performance.now();
  const until = start + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          await task(i++);
          latencies.push(performance.now() - t);
        } catch {
          failed++;
        }
      }
    }),
  );
  return figures(name, latencies, (performance.now() - start) / 1000, failed);
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');

/** Prints one table: each row's figures and its p50 ratio to the baseline row. */
export function report(title: string, rows: Figures[], baseline: Figures) {
  console.log(`\n${title}`);
  console.log('| run | requests | p50 ms | p95 ms | p99 ms | req/s | failed | p50 / baseline | req/s / baseline |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.n} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.rps.toFixed(0)} | ${r.failed} | ${(r.p50 / baseline.p50).toFixed(2)} | ${(r.rps / baseline.rps).toFixed(2)} |`,
    );
  }
}
