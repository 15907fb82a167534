/**
 * Production fails closed (issue #26 point 5): `HUB_ENV=production pnpm start` refuses any
 * development secret or key and any secret shorter than 32 bytes, before it opens the database;
 * started with real ones, it prints no token and serves no Apollo Sandbox page.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startHubProcess, startProcess } from './processes.ts';

const secret = () => randomBytes(32).toString('hex');
const key = () => randomBytes(32).toString('base64');
const devPiiKey = (label: string) =>
  createHash('sha256').update(`dev-only ${label} do-not-use-in-production`).digest('base64');

const GOOD = {
  HUB_ENV: 'production',
  HUB_JWT_SECRET: secret(),
  HUB_INTERNAL_SECRET: secret(),
  HUB_PII_KEYS: `k1:${key()}`,
  HUB_PII_HMAC_KEY: key(),
};

/** `pnpm hub start` with this environment: its exit code and output (it must stop by itself). */
async function refusedStart(env: Record<string, string | undefined>) {
  const proc = startProcess('dev/src/cli.ts', ['start', '--size', '50'], {
    HUB_PORT: '0',
    DATABASE_URL: undefined,
    HUB_PGLITE_DIR: 'memory',
    ...env,
  });
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 60_000);
  const code = await proc.exited;
  clearTimeout(timer);
  return { code, output: proc.output() };
}

describe('a bad setting stops the start', () => {
  it('names every bad value at once, with no stack trace, before opening anything', async () => {
    const { code, output } = await refusedStart({ HUB_MAX_DEPTH: 'deep', HUB_LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    expect(output).toMatch(/refuses to start/);
    expect(output).toMatch(/HUB_MAX_DEPTH must be a whole number/);
    expect(output).toMatch(/HUB_LOG_LEVEL must be one of/);
    expect(output).not.toMatch(/\bat .+\.ts:\d+/);
    expect(output).not.toMatch(/database:|seeding|ready at/);
  });
});

describe('HUB_ENV=production refuses to start', () => {
  it('with no secrets and no keys: each one named, nothing opened', async () => {
    const { code, output } = await refusedStart({
      HUB_ENV: 'production',
      HUB_JWT_SECRET: undefined,
      HUB_INTERNAL_SECRET: undefined,
      HUB_PII_KEYS: undefined,
      HUB_PII_HMAC_KEY: undefined,
    });
    expect(code).toBe(1);
    expect(output).toMatch(/refuses to start in production/);
    for (const name of ['HUB_JWT_SECRET', 'HUB_INTERNAL_SECRET', 'HUB_PII_KEYS', 'HUB_PII_HMAC_KEY'])
      expect(output).toContain(`${name} is not set`);
    expect(output).not.toMatch(/database:|seeding|ready at/);
  });

  it('with the development secrets and keys set by hand', async () => {
    const { code, output } = await refusedStart({
      ...GOOD,
      HUB_JWT_SECRET: 'dev-only-jwt-secret-do-not-use-in-production',
      HUB_INTERNAL_SECRET: 'dev-only-internal-secret-do-not-use-in-production',
      HUB_PII_KEYS: `dev:${devPiiKey('pii encryption key')}`,
      HUB_PII_HMAC_KEY: devPiiKey('pii hmac key'),
    });
    expect(code).toBe(1);
    expect(output).toMatch(/HUB_JWT_SECRET is the built-in development value/);
    expect(output).toMatch(/HUB_INTERNAL_SECRET is the built-in development value/);
    expect(output).toMatch(/HUB_PII_KEYS lists the built-in development key/);
    expect(output).toMatch(/HUB_PII_HMAC_KEY is the built-in development key/);
  });

  it('with a secret shorter than 32 bytes, or a short personal-data key', { timeout: 240_000 }, async () => {
    const short = await refusedStart({ ...GOOD, HUB_JWT_SECRET: 'x'.repeat(31) });
    expect(short.code).toBe(1);
    expect(short.output).toMatch(/HUB_JWT_SECRET has 31 bytes; production needs at least 32/);
    const one = await refusedStart({ ...GOOD, HUB_INTERNAL_SECRET: 'x' });
    expect(one.output).toMatch(/HUB_INTERNAL_SECRET has 1 bytes/);
    const shortKey = await refusedStart({ ...GOOD, HUB_PII_HMAC_KEY: randomBytes(16).toString('base64') });
    expect(shortKey.code).toBe(1);
    expect(shortKey.output).toMatch(/HUB_PII_HMAC_KEY must decode to at least 32 bytes/);
  });
});

describe('HUB_ENV=production with real secrets', () => {
  let hub: Awaited<ReturnType<typeof startHubProcess>> | undefined;
  afterAll(() => hub?.kill());

  it('starts, prints no token, and serves no Sandbox landing page', { timeout: 240_000 }, async () => {
    hub = await startHubProcess(50, GOOD);
    // The start's last lines come after "ready": wait for the one that says no token is printed.
    await hub.proc.waitFor(/No token is printed outside development/, 30_000);
    const output = hub.proc.output();
    expect(output).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/); // no JWT anywhere
    const page = await fetch(hub.url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).not.toMatch(/apollographql\.com|embeddable-sandbox|<script/i);
  });
});
