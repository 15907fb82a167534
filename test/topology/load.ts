/**
 * A steady concurrent load of GraphQL reads through the balancer, each request recorded: when it
 * started and ended, whether it succeeded, and which gateway answered. Paced by completed requests,
 * not by the clock: a slow machine runs the same script, only longer.
 */
import { SERVED_BY_HEADER } from './haproxy.ts';

export interface Op {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  /** Request headers (a token; a client address). */
  headers?: () => Record<string, string>;
  /** Whether the answer's data is what a success looks like. */
  answered(data: Record<string, any> | null | undefined): boolean;
}

export interface Outcome {
  id: number;
  op: string;
  start: number;
  end: number;
  ok: boolean;
  /** Why it failed: an HTTP status, an error code, or a network error. */
  problem?: string;
  servedBy?: string;
}

export interface Load {
  outcomes: Outcome[];
  /** Requests started and not yet ended. */
  inFlight(): number;
  /** Resolves once `n` more requests have ended than when it was called. */
  completed(n: number): Promise<void>;
  /** Stops starting requests; resolves once the last one has ended. */
  stop(): Promise<Outcome[]>;
}

/** One request of `op`; never throws: a failure is an outcome. */
async function send(url: string, op: Op, id: number): Promise<Outcome> {
  const start = Date.now();
  const done = (ok: boolean, problem?: string, servedBy?: string): Outcome => ({
    id,
    op: op.name,
    start,
    end: Date.now(),
    ok,
    ...(problem ? { problem } : {}),
    ...(servedBy ? { servedBy } : {}),
  });
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...op.headers?.() },
      body: JSON.stringify({ query: op.query, variables: op.variables?.() ?? {} }),
      signal: AbortSignal.timeout(30_000),
    });
    const servedBy = res.headers.get(SERVED_BY_HEADER) ?? undefined;
    const text = await res.text();
    let body: { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] } | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      return done(false, `HTTP ${res.status}, not JSON`, servedBy);
    }
    if (res.status !== 200)
      return done(false, `HTTP ${res.status} ${body?.errors?.[0]?.extensions?.code ?? ''}`, servedBy);
    if (body?.errors?.length)
      return done(false, `error ${body.errors[0]?.extensions?.code ?? 'without code'}`, servedBy);
    if (!op.answered(body?.data)) return done(false, 'unexpected data', servedBy);
    return done(true, undefined, servedBy);
  } catch (err) {
    return done(false, `network: ${(err as Error).cause ?? (err as Error).message}`);
  }
}

/** Starts `concurrency` loops, each sending the next op of `ops` as soon as its last request ended. */
export function startLoad(url: string, ops: Op[], concurrency: number): Load {
  const outcomes: Outcome[] = [];
  let next = 0;
  let running = 0;
  let stopping = false;
  const waiters: { count: number; resolve: () => void }[] = [];
  const loop = async () => {
    while (!stopping) {
      const id = next++;
      running++;
      const outcome = await send(url, ops[id % ops.length] as Op, id);
      running--;
      outcomes.push(outcome);
      for (const w of waiters.filter((w) => outcomes.length >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    outcomes,
    inFlight: () => running,
    completed: (n) => new Promise<void>((resolve) => waiters.push({ count: outcomes.length + n, resolve })),
    async stop() {
      stopping = true;
      await Promise.all(loops);
      return outcomes;
    },
  };
}
