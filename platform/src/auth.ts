import { isPrefectureCode, isValidCreditCode, ROLES, type Role } from '@hub/vocabulary';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { type HubConfig, hubConfig, isProductionConfig } from './config.ts';

/**
 * Who is calling. The gateway verifies the caller's JWT and passes these claims
 * to subgraphs in a signed internal token that a client cannot forge.
 */
export { ROLES, type Role };

export interface Claims {
  role: Role | 'public';
  /** Subject: the user or client id, for audit trails. */
  sub?: string | undefined;
  enterpriseId?: string | undefined;
  /**
   * enterprise only: the 统一社会信用代码 the province's legal-person identity (法人认证) vouches for.
   * A token may carry it instead of `enterpriseId` — before the enterprise is registered in the hub
   * it reaches nothing and may register itself; the subgraphs resolve it to `enterpriseId` on
   * every request (`callerAdmission` in @hub/db).
   */
  creditCode?: string | undefined;
  /** 6-digit 市州 code for a city centre or a city inspector. */
  prefecture?: string | undefined;
  /** hr_partner only: the partner credential (合作HR系统 API 凭证) the token was issued for, its `jti`. */
  credentialId?: string | undefined;
  /** hr_partner only: may this credential change anything? Set by the subgraph from the credential row, never from the token. */
  canWrite?: boolean | undefined;
}

export const PUBLIC_CALLER: Claims = Object.freeze({ role: 'public' });

/** Header carrying the gateway-signed claims to subgraphs. */
export const INTERNAL_HEADER = 'x-hub-caller';

const DEV_JWT_SECRET = 'dev-only-jwt-secret-do-not-use-in-production';
const DEV_INTERNAL_SECRET = 'dev-only-internal-secret-do-not-use-in-production';
const ISSUER = 'hunan-skill-hub';
const INTERNAL_AUDIENCE = 'hub-subgraphs';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const encoder = new TextEncoder();

/**
 * Production is `HUB_ENV=production` (or `NODE_ENV=production`, which tooling sets): there the hub
 * fails closed. Development is `HUB_ENV` unset or `development` (and NODE_ENV not production): only
 * there does `pnpm start` print a ready-made token. Any other value (`staging`, `test`) is neither.
 */
export const isProduction = (config: HubConfig = hubConfig()) => isProductionConfig(config);
export const isDevelopment = (config: HubConfig = hubConfig()) => !isProduction(config) && config.env === 'development';

/** A signing secret shorter than this (in UTF-8 bytes) is refused in production: HS256 wants ≥ 256 bits. */
export const MIN_SECRET_BYTES = 32;

const SECRETS = [
  ['HUB_JWT_SECRET', 'jwtSecret', DEV_JWT_SECRET, 'signs caller tokens'],
  ['HUB_INTERNAL_SECRET', 'internalSecret', DEV_INTERNAL_SECRET, 'signs the gateway’s claims to the subgraphs'],
] as const;

/**
 * Why the signing secrets may not serve production, one sentence each; empty when they may.
 * Unset, the built-in development value, shorter than MIN_SECRET_BYTES, or both the same.
 */
export function secretProblems(config: HubConfig = hubConfig()): string[] {
  const out: string[] = [];
  for (const [name, key, dev, what] of SECRETS) {
    const value = config[key];
    if (!value) out.push(`${name} is not set (it ${what}; the built-in development value is public)`);
    else if (value === dev) out.push(`${name} is the built-in development value, which anyone can read in the source`);
    else if (encoder.encode(value).length < MIN_SECRET_BYTES)
      out.push(`${name} has ${encoder.encode(value).length} bytes; production needs at least ${MIN_SECRET_BYTES}`);
  }
  if (config.jwtSecret && config.jwtSecret === config.internalSecret)
    out.push('HUB_JWT_SECRET and HUB_INTERNAL_SECRET are the same; give each its own');
  return out;
}

/**
 * A secret as the process's configuration gives it — in production only a fit one: a production
 * process whose start skipped `secretProblems` still signs and verifies nothing with a public key.
 */
function secret(name: 'HUB_JWT_SECRET' | 'HUB_INTERNAL_SECRET', dev: string): Uint8Array {
  const config = hubConfig();
  const value = name === 'HUB_JWT_SECRET' ? config.jwtSecret : config.internalSecret;
  if (isProduction(config)) {
    const problems = secretProblems(config).filter((p) => p.startsWith(name));
    if (problems.length) throw new Error(`refusing to use ${name} in production: ${problems.join('; ')}`);
  }
  return encoder.encode(value || dev);
}

export const jwtSecret = () => secret('HUB_JWT_SECRET', DEV_JWT_SECRET);
const internalSecret = () => secret('HUB_INTERNAL_SECRET', DEV_INTERNAL_SECRET);

/** True when the dev secrets are in force (the README says: never in production). */
export const usingDevSecrets = ({ jwtSecret, internalSecret }: HubConfig = hubConfig()) =>
  !jwtSecret || !internalSecret || jwtSecret === DEV_JWT_SECRET || internalSecret === DEV_INTERNAL_SECRET;

/**
 * The longest a caller token may live (exp − iat), per role, in seconds. People sign in for a
 * working day; a statistics wall screen is re-tokened weekly; a partner HR system's token lives as
 * long as its credential (at most 5 × 366 days, and revocable: every request checks the credential).
 * `HUB_TOKEN_MAX_LIFETIME` overrides any of them: `admin=1h,dashboard=24h` (s, m, h or d).
 */
export const DEFAULT_TOKEN_MAX_LIFETIME: Readonly<Record<Role, number>> = Object.freeze({
  enterprise: 12 * 3600,
  hr_partner: 5 * 366 * 86_400,
  city_center: 12 * 3600,
  province_center: 12 * 3600,
  ministry: 12 * 3600,
  inspector: 12 * 3600,
  dashboard: 7 * 86_400,
  admin: 12 * 3600,
});

/** How far a caller's clock may run ahead of the hub's: an `iat` later than this is refused. */
export const CLOCK_SKEW_SECONDS = 60;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Parses `HUB_TOKEN_MAX_LIFETIME`; throws with what is wrong. */
export function parseTokenMaxLifetime(value: string | undefined): Record<Role, number> {
  const out: Record<Role, number> = { ...DEFAULT_TOKEN_MAX_LIFETIME };
  for (const entry of (value ?? '').split(',').map((e) => e.trim())) {
    if (!entry) continue;
    const m = /^([a-z_]+)=(\d{1,7})([smhd])$/.exec(entry);
    if (!m || !(ROLES as readonly string[]).includes(m[1] as string))
      throw new Error(
        `HUB_TOKEN_MAX_LIFETIME: "${entry}" is not role=<number><s|m|h|d> with a role of ${ROLES.join(', ')}`,
      );
    const seconds = Number(m[2]) * (UNIT_SECONDS[m[3] as string] as number);
    if (seconds < 60) throw new Error(`HUB_TOKEN_MAX_LIFETIME: "${entry}" is shorter than a minute`);
    out[m[1] as Role] = seconds;
  }
  return out;
}

/** What is wrong with `HUB_TOKEN_MAX_LIFETIME` (checked at start in every environment); empty when nothing. */
export function tokenLifetimeProblems(config: HubConfig = hubConfig()): string[] {
  try {
    parseTokenMaxLifetime(config.tokenMaxLifetime);
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
}

let lifetimes: { source: string | undefined; max: Record<Role, number> } | undefined;

/** The configured maximum lifetime of a caller token of this role, in seconds. */
export function tokenMaxLifetime(role: Role): number {
  const source = hubConfig().tokenMaxLifetime;
  if (!lifetimes || lifetimes.source !== source) lifetimes = { source, max: parseTokenMaxLifetime(source) };
  return lifetimes.max[role];
}

export class AuthError extends Error {
  constructor(
    readonly code:
      | 'TOKEN_MISSING'
      | 'TOKEN_INVALID'
      | 'TOKEN_EXPIRED'
      | 'TOKEN_NO_EXPIRY'
      | 'TOKEN_TOO_LONG_LIVED'
      | 'TOKEN_ISSUED_IN_FUTURE'
      | 'CLAIMS_INVALID'
      | 'CREDENTIAL_REQUIRED'
      | 'CREDENTIAL_REVOKED',
    message: string,
  ) {
    super(message);
  }
}

/** Checks that a claims object is complete and consistent for its role; throws AuthError otherwise. */
export function parseClaims(raw: Record<string, unknown>): Claims {
  const role = raw.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new AuthError('CLAIMS_INVALID', `claim "role" must be one of ${ROLES.join(', ')}`);
  }
  const claims: Claims = { role: role as Role };
  if (typeof raw.sub === 'string') claims.sub = raw.sub;
  const { enterpriseId, prefecture, creditCode } = raw;
  if (creditCode !== undefined) {
    if (role !== 'enterprise')
      throw new AuthError('CLAIMS_INVALID', 'claim "creditCode" (法人认证) belongs to enterprise tokens only');
    if (typeof creditCode !== 'string' || !isValidCreditCode(creditCode))
      throw new AuthError('CLAIMS_INVALID', 'claim "creditCode" must be a valid 统一社会信用代码 (GB 32100)');
    claims.creditCode = creditCode;
  }
  if (role === 'enterprise' || role === 'hr_partner') {
    const named = typeof enterpriseId === 'string' && UUID.test(enterpriseId);
    if (!named && !(role === 'enterprise' && claims.creditCode && enterpriseId === undefined)) {
      throw new AuthError(
        'CLAIMS_INVALID',
        role === 'enterprise'
          ? 'role enterprise needs claim "enterpriseId" (the enterprise\'s id) or "creditCode" (its 统一社会信用代码)'
          : `role ${role} needs claim "enterpriseId" (the enterprise's id)`,
      );
    }
    if (named) claims.enterpriseId = enterpriseId.toLowerCase();
  }
  if (role === 'hr_partner') {
    // A partner token names the revocable credential it was issued for; a bare role claim is not enough.
    if (typeof raw.jti !== 'string' || !UUID.test(raw.jti)) {
      throw new AuthError(
        'CREDENTIAL_REQUIRED',
        'an hr_partner token must name its partner credential (claim "jti"); ask an admin to issue one',
      );
    }
    claims.credentialId = raw.jti.toLowerCase();
  }
  if (role === 'city_center' && prefecture === undefined) {
    throw new AuthError('CLAIMS_INVALID', 'role city_center needs claim "prefecture" (6-digit 市州 code)');
  }
  if (prefecture !== undefined) {
    if (typeof prefecture !== 'string' || !isPrefectureCode(prefecture)) {
      throw new AuthError(
        'CLAIMS_INVALID',
        'claim "prefecture" must be one of Hunan\'s 14 市州 codes (430100 … 433100)',
      );
    }
    if (role === 'city_center' || role === 'inspector') claims.prefecture = prefecture;
  }
  return claims;
}

function claimsPayload(claims: Claims): Record<string, string> {
  const out: Record<string, string> = { role: claims.role };
  if (claims.enterpriseId) out.enterpriseId = claims.enterpriseId;
  if (claims.creditCode) out.creditCode = claims.creditCode;
  if (claims.prefecture) out.prefecture = claims.prefecture;
  if (claims.credentialId) out.jti = claims.credentialId;
  return out;
}

/** Seconds from now of an expiry given as jose takes it: seconds since the epoch, or a span ("12h"). */
function expiresInSeconds(expiresIn: string | number, now: number): number {
  if (typeof expiresIn === 'number') return expiresIn - now;
  const m = /^(\d+)\s*(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days)$/i.exec(expiresIn.trim());
  if (!m) throw new AuthError('TOKEN_INVALID', `"${expiresIn}" is not a lifetime such as 30m, 12h or 7d`);
  return Number(m[1]) * (UNIT_SECONDS[(m[2] as string)[0]?.toLowerCase() as string] as number);
}

/**
 * Issues a caller JWT (CLI `hub token`, partner credentials, tests): `exp` always, by default the
 * role's maximum lifetime capped at 12 hours; a longer one than the role allows is refused here
 * rather than at the first request.
 */
export async function signUserToken(claims: Claims, expiresIn?: string | number): Promise<string> {
  if (!(ROLES as readonly string[]).includes(claims.role))
    throw new AuthError('CLAIMS_INVALID', `no token is issued for role ${claims.role}`);
  const role = claims.role as Role;
  const now = Math.floor(Date.now() / 1000);
  const max = tokenMaxLifetime(role);
  const lifetime = expiresIn === undefined ? Math.min(max, 12 * 3600) : expiresInSeconds(expiresIn, now);
  if (lifetime > max)
    throw new AuthError(
      'TOKEN_TOO_LONG_LIVED',
      `a ${role} token lives at most ${describeSeconds(max)} (HUB_TOKEN_MAX_LIFETIME); asked for ${describeSeconds(lifetime)}`,
    );
  const jwt = new SignJWT(claimsPayload(claims))
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setIssuedAt(now);
  if (claims.sub) jwt.setSubject(claims.sub);
  return jwt.setExpirationTime(now + lifetime).sign(jwtSecret());
}

const describeSeconds = (s: number) =>
  s % 86_400 === 0 ? `${s / 86_400} d` : s % 3600 === 0 ? `${s / 3600} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`;

/**
 * The lifetime rules of a caller token, beyond its signature: it must expire (`exp`), may not live
 * longer than its role allows (exp − iat, or exp − now without an `iat`), and may not claim to be
 * issued in the future (beyond CLOCK_SKEW_SECONDS). Throws AuthError.
 */
export function checkTokenLifetime(
  role: Role,
  payload: { exp?: number | undefined; iat?: number | undefined },
  now = Math.floor(Date.now() / 1000),
): void {
  if (typeof payload.exp !== 'number')
    throw new AuthError('TOKEN_NO_EXPIRY', 'the token has no expiry (claim "exp"); the hub accepts none without one');
  if (typeof payload.iat === 'number' && payload.iat > now + CLOCK_SKEW_SECONDS)
    throw new AuthError('TOKEN_ISSUED_IN_FUTURE', 'the token claims to be issued in the future (claim "iat")');
  const max = tokenMaxLifetime(role);
  const lifetime = payload.exp - (typeof payload.iat === 'number' ? payload.iat : now);
  if (lifetime > max + CLOCK_SKEW_SECONDS)
    throw new AuthError(
      'TOKEN_TOO_LONG_LIVED',
      `a ${role} token may live at most ${describeSeconds(max)}; this one lives ${describeSeconds(lifetime)}`,
    );
}

/**
 * Tokens already verified, until they expire. The same token string always
 * verifies the same way, so a hit skips a WebCrypto round trip (the thread
 * pool) on every request of a busy caller; expiry is checked on every hit.
 */
class VerifiedTokens {
  // The least recently used token goes first when full; each lives until its own expiry.
  private readonly entries = new LRUCache<string, Claims>({ max: 10_000 });
  get(token: string): Claims | undefined {
    return this.entries.get(token);
  }
  set(token: string, claims: Claims, exp: number | undefined) {
    const ttl = exp ? exp * 1000 - Date.now() : 0;
    if (ttl > 0) this.entries.set(token, claims, { ttl });
  }
}

const verifiedUserTokens = new VerifiedTokens();
const verifiedInternalTokens = new VerifiedTokens();

/** Verifies a caller's bearer token; throws AuthError with a clear reason. */
export async function verifyUserToken(token: string): Promise<Claims> {
  const known = verifiedUserTokens.get(token);
  if (known) return known;
  try {
    const { payload } = await jwtVerify(token, jwtSecret(), { algorithms: ['HS256'], issuer: ISSUER });
    const claims = parseClaims(payload);
    checkTokenLifetime(claims.role as Role, payload);
    verifiedUserTokens.set(token, claims, payload.exp);
    return claims;
  } catch (err) {
    if (err instanceof AuthError) throw err;
    if (err instanceof joseErrors.JWTExpired) throw new AuthError('TOKEN_EXPIRED', 'the token has expired');
    throw new AuthError('TOKEN_INVALID', 'the token is not a valid hub JWT (bad signature, issuer or format)');
  }
}

/** Reads `Authorization: Bearer …`; no header means the public caller. */
export async function claimsFromAuthorization(header: string | undefined | null): Promise<Claims> {
  if (!header) return PUBLIC_CALLER;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) throw new AuthError('TOKEN_INVALID', 'the Authorization header must be "Bearer <token>"');
  return verifyUserToken(match[1]);
}

/** The gateway's signature over the caller's claims, for one subgraph request. */
export async function signInternalToken(claims: Claims): Promise<string> {
  return new SignJWT({ ...claimsPayload(claims), ...(claims.sub ? { sub: claims.sub } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(INTERNAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2m')
    .sign(internalSecret());
}

export async function verifyInternalToken(token: string): Promise<Claims> {
  const known = verifiedInternalTokens.get(token);
  if (known) return known;
  try {
    const { payload } = await jwtVerify(token, internalSecret(), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: INTERNAL_AUDIENCE,
    });
    const claims = payload.role === 'public' ? PUBLIC_CALLER : parseClaims(payload);
    verifiedInternalTokens.set(token, claims, payload.exp);
    return claims;
  } catch (err) {
    if (err instanceof AuthError) throw err;
    throw new AuthError('TOKEN_INVALID', 'calls to a subgraph must come through the gateway');
  }
}
