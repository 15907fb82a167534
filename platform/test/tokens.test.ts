import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkTokenLifetime,
  DEFAULT_TOKEN_MAX_LIFETIME,
  isDevelopment,
  isProduction,
  jwtSecret,
  parseTokenMaxLifetime,
  secretProblems,
  signUserToken,
  tokenLifetimeProblems,
  verifyUserToken,
} from '../src/auth.ts';
import { loadConfig } from '../src/config.ts';

const ENV = ['HUB_ENV', 'NODE_ENV', 'HUB_JWT_SECRET', 'HUB_INTERNAL_SECRET', 'HUB_TOKEN_MAX_LIFETIME'] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const now = () => Math.floor(Date.now() / 1000);
/** A caller token made by hand, so a test can give it any exp and iat (or none). */
function handMade(claims: Record<string, unknown>, times: { iat?: number; exp?: number }) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('hunan-skill-hub');
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
  return jwt.sign(jwtSecret());
}
const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (err: { code?: string }) => err.code,
  );

describe('caller token lifetime', () => {
  it('refuses a token without exp: TOKEN_NO_EXPIRY', async () => {
    expect(await reason(verifyUserToken(await handMade({ role: 'admin' }, { iat: now() })))).toBe('TOKEN_NO_EXPIRY');
    expect(await reason(verifyUserToken(await handMade({ role: 'admin' }, {})))).toBe('TOKEN_NO_EXPIRY');
  });

  it('refuses an iat more than 60 s ahead of the hub’s clock, accepts a skew within it', async () => {
    const t = now();
    const ahead = await handMade({ role: 'ministry' }, { iat: t + 120, exp: t + 3600 });
    expect(await reason(verifyUserToken(ahead))).toBe('TOKEN_ISSUED_IN_FUTURE');
    const skewed = await handMade({ role: 'ministry' }, { iat: t + 30, exp: t + 3600 });
    expect(await reason(verifyUserToken(skewed))).toBe('accepted');
  });

  it('refuses a token living longer than its role’s maximum (12 h for people by default)', async () => {
    const t = now();
    const city = { role: 'city_center', prefecture: '430100' };
    expect(await reason(verifyUserToken(await handMade(city, { iat: t, exp: t + 13 * 3600 })))).toBe(
      'TOKEN_TOO_LONG_LIVED',
    );
    expect(await reason(verifyUserToken(await handMade(city, { iat: t, exp: t + 12 * 3600 })))).toBe('accepted');
    // Without iat the time left counts: a token good for a year from now is refused just the same.
    expect(await reason(verifyUserToken(await handMade(city, { exp: t + 365 * 86_400 })))).toBe('TOKEN_TOO_LONG_LIVED');
  });

  it('takes per-role maxima from HUB_TOKEN_MAX_LIFETIME', async () => {
    process.env.HUB_TOKEN_MAX_LIFETIME = 'admin=1h, dashboard=24h';
    const t = now();
    expect(await reason(verifyUserToken(await handMade({ role: 'admin' }, { iat: t, exp: t + 7200 })))).toBe(
      'TOKEN_TOO_LONG_LIVED',
    );
    expect(await reason(verifyUserToken(await handMade({ role: 'dashboard' }, { iat: t, exp: t + 20 * 3600 })))).toBe(
      'accepted',
    );
    expect(() => checkTokenLifetime('dashboard', { iat: t, exp: t + 25 * 3600 }, t)).toThrow(/at most 1 d/);
  });

  it('lets a partner HR token live as long as its credential may (5 × 366 days)', () => {
    const t = now();
    expect(DEFAULT_TOKEN_MAX_LIFETIME.hr_partner).toBe(5 * 366 * 86_400);
    expect(() => checkTokenLifetime('hr_partner', { iat: t, exp: t + 365 * 86_400 }, t)).not.toThrow();
    expect(() => checkTokenLifetime('enterprise', { iat: t, exp: t + 365 * 86_400 }, t)).toThrow(/at most 12 h/);
  });

  it('issues tokens with exp, by default the role’s maximum capped at 12 h, and refuses to issue longer', async () => {
    const payload = (t: string) => JSON.parse(Buffer.from(t.split('.')[1] as string, 'base64url').toString());
    const p = payload(await signUserToken({ role: 'dashboard' }));
    expect(p.exp - p.iat).toBe(12 * 3600);
    await expect(signUserToken({ role: 'admin' }, '13h')).rejects.toMatchObject({ code: 'TOKEN_TOO_LONG_LIVED' });
    await expect(signUserToken({ role: 'public' }, '1h')).rejects.toMatchObject({ code: 'CLAIMS_INVALID' });
    const short = payload(await signUserToken({ role: 'admin' }, '5m'));
    expect(short.exp - short.iat).toBe(300);
  });

  it('says what is wrong with a malformed HUB_TOKEN_MAX_LIFETIME', () => {
    expect(parseTokenMaxLifetime('admin=2h').admin).toBe(7200);
    expect(() => parseTokenMaxLifetime('root=2h')).toThrow(/role=/);
    expect(() => parseTokenMaxLifetime('admin=2 weeks')).toThrow(/role=/);
    expect(() => parseTokenMaxLifetime('admin=30s')).toThrow(/shorter than a minute/);
    expect(tokenLifetimeProblems(loadConfig({ HUB_TOKEN_MAX_LIFETIME: 'admin=forever' }))).toHaveLength(1);
    expect(tokenLifetimeProblems(loadConfig({}))).toEqual([]);
  });
});

describe('secrets in production', () => {
  const strong = (c: string) => c.repeat(32);

  it('refuses unset, development, short and shared secrets, naming each', () => {
    expect(secretProblems(loadConfig({}))).toEqual([
      expect.stringMatching(/HUB_JWT_SECRET is not set/),
      expect.stringMatching(/HUB_INTERNAL_SECRET is not set/),
    ]);
    expect(
      secretProblems(
        loadConfig({
          HUB_JWT_SECRET: 'dev-only-jwt-secret-do-not-use-in-production',
          HUB_INTERNAL_SECRET: 'x'.repeat(31),
        }),
      ),
    ).toEqual([
      expect.stringMatching(/HUB_JWT_SECRET is the built-in development value/),
      expect.stringMatching(/HUB_INTERNAL_SECRET has 31 bytes; production needs at least 32/),
    ]);
    expect(secretProblems(loadConfig({ HUB_JWT_SECRET: strong('a'), HUB_INTERNAL_SECRET: strong('a') }))).toEqual([
      expect.stringMatching(/are the same/),
    ]);
    expect(secretProblems(loadConfig({ HUB_JWT_SECRET: strong('a'), HUB_INTERNAL_SECRET: strong('b') }))).toEqual([]);
    // Bytes, not characters: 12 Chinese characters are 36 bytes of UTF-8.
    expect(
      secretProblems(loadConfig({ HUB_JWT_SECRET: '湖南省职业技能等级认定中', HUB_INTERNAL_SECRET: strong('b') })),
    ).toEqual([]);
  });

  it('signs and verifies nothing with a development secret once HUB_ENV=production, even past the start check', async () => {
    process.env.HUB_ENV = 'production';
    delete process.env.HUB_JWT_SECRET;
    await expect(signUserToken({ role: 'admin' })).rejects.toThrow(/refusing to use HUB_JWT_SECRET in production/);
    process.env.HUB_JWT_SECRET = strong('c');
    process.env.HUB_INTERNAL_SECRET = strong('d');
    expect(await reason(verifyUserToken(await signUserToken({ role: 'admin' })))).toBe('accepted');
  });

  it('tells production, development and other environments apart', () => {
    expect(isProduction(loadConfig({ HUB_ENV: 'production' }))).toBe(true);
    expect(isProduction(loadConfig({ NODE_ENV: 'production' }))).toBe(true);
    expect(isDevelopment(loadConfig({}))).toBe(true);
    expect(isDevelopment(loadConfig({ HUB_ENV: 'development' }))).toBe(true);
    expect(isDevelopment(loadConfig({ HUB_ENV: 'staging' }))).toBe(false);
    expect(isDevelopment(loadConfig({ NODE_ENV: 'production' }))).toBe(false);
  });
});
