/**
 * Hub processes for end-to-end tests: the repo's own entry points in their own node processes
 * (`node --import tsx …`, what `pnpm hub …` runs). Their output is kept for assertions and also
 * written to this worker's stdout/stderr, so the run's log capture (log-capture.ts) scans it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabase } from '@hub/db/testing';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Proc {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** Waits until the output matches; fails if the process exits first or time runs out. */
  waitFor(re: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
}

/**
 * Runs a TypeScript entry of the repo in its own node process. `opts.log` also appends its output
 * to that file; `opts.echo: false` keeps it off this process's stdout/stderr.
 */
export function startProcess(
  entry: string,
  args: string[],
  env: Record<string, string | undefined>,
  opts: { log?: string; echo?: boolean } = {},
): Proc {
  const merged: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: repoRoot,
    env: merged as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const echo = opts.echo ?? true;
  const log = opts.log ? createWriteStream(opts.log, { flags: 'a' }) : undefined;
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    log?.write(d);
    if (echo) process.stdout.write(d);
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
    log?.write(d);
    if (echo) process.stderr.write(d);
  });
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (c) => {
      code = c;
      resolve(c);
    }),
  );
  // After 'exit' the pipes may still hold output: the log file ends when they close.
  child.once('close', () => log?.end());
  return {
    child,
    output: () => out,
    exited,
    async waitFor(re, timeoutMs) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const m = out.match(re);
        if (m) return m;
        if (code !== undefined)
          throw new Error(`${entry} exited (${code}) before printing ${re}:\n${out.slice(-2000)}`);
        if (Date.now() > until)
          throw new Error(`${entry} did not print ${re} within ${timeoutMs} ms:\n${out.slice(-2000)}`);
        await sleep(100);
      }
    },
  };
}

/**
 * The whole hub as `pnpm hub start` runs it, in its own process, on free ports, over a database of
 * its own (a fresh PostgreSQL database beside DATABASE_URL, else an in-memory PGlite), seeded with
 * `seedSize` certificates. `kill()` ends it (if still running) and drops the database.
 */
export async function startHubProcess(seedSize = 300, env: Record<string, string | undefined> = {}) {
  const database = process.env.DATABASE_URL ? await freshDatabase() : undefined;
  const proc = startProcess('dev/src/cli.ts', ['start', '--size', String(seedSize)], {
    HUB_PORT: '0',
    HUB_ENTERPRISES_PORT: '0',
    HUB_OCCUPATIONS_PORT: '0',
    HUB_ASSESSMENTS_PORT: '0',
    HUB_SUPERVISION_PORT: '0',
    ...(database ? { DATABASE_URL: database.url } : { DATABASE_URL: undefined, HUB_PGLITE_DIR: 'memory' }),
    ...env,
  });
  try {
    const [, url] = await proc.waitFor(/Hub gateway ready at (\S+)/, 180_000);
    return {
      url: url as string,
      proc,
      async kill() {
        proc.child.kill('SIGKILL');
        await database?.drop();
      },
    };
  } catch (err) {
    proc.child.kill('SIGKILL');
    await database?.drop();
    throw err;
  }
}
