/**
 * vitest globalSetup for the end-to-end run: every line the run prints lands in one log file,
 * and the run fails if a resident ID (公民身份号码) appears in it (acceptance 4 of issue #8).
 *
 * What is captured: the vitest main process's stdout and stderr. That is where everything ends
 * up — the test workers are child processes whose stdout/stderr vitest pipes into it (so
 * direct fd writes such as pino's land here too), console.* calls in workers are relayed to it by
 * the reporter, and tests that start hub processes of their own pipe those children's output into
 * their worker's stdout/stderr. `HUB_LOG_FILE`, when a logger writes to a file instead, is
 * scanned as well.
 *
 * A globalSetup teardown that throws does not change vitest's exit code (checked with vitest
 * 4.1), so a hit sets `process.exitCode = 1` itself.
 */
import { appendFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ResidentIdHit, scanFile } from './log-scan.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Write = typeof process.stdout.write;

function tee(stream: NodeJS.WriteStream, file: string): () => void {
  const original = stream.write;
  stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    try {
      appendFileSync(file, typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array));
    } catch {
      // the log file is a witness, never a reason to lose output
    }
    return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as Write;
  return () => {
    stream.write = original;
  };
}

export default function setup() {
  const file =
    process.env.HUB_E2E_LOG ??
    path.join(repoRoot, '.data', 'e2e-logs', `run-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  mkdirSync(path.dirname(file), { recursive: true });
  if (!process.env.HUB_E2E_LOG) {
    // keep the last ten runs' logs
    const dir = path.dirname(file);
    const old = readdirSync(dir)
      .filter((f) => /^run-.*\.log$/.test(f))
      .sort()
      .slice(0, -9);
    for (const f of old) rmSync(path.join(dir, f), { force: true });
  }
  writeFileSync(file, '');
  process.env.HUB_E2E_LOG = file;
  const restore = [tee(process.stdout, file), tee(process.stderr, file)];

  return () => {
    for (const r of restore) r();
    const scanned = [file, process.env.HUB_LOG_FILE].filter((f): f is string => !!f);
    const hits: (ResidentIdHit & { file: string })[] = scanned.flatMap((f) =>
      scanFile(f).map((h) => ({ ...h, file: f })),
    );
    if (hits.length === 0) {
      console.log(`log scan: no resident ID in ${scanned.join(', ')}`);
      return;
    }
    console.error(`\n✗ log scan: ${hits.length} resident ID(s) in the run's output (acceptance 4 of issue #8):`);
    for (const h of hits.slice(0, 20)) console.error(`  ${h.file}:${h.line} ${h.masked}`);
    process.exitCode = 1;
  };
}
