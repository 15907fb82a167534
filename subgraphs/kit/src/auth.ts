import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { isPrefectureCode } from './prefectures.ts';

/**
 * Who is calling. The gateway verifies the caller's JWT and passes these claims
 * to subgraphs in a signed internal token that a client cannot forge.
 */
export const ROLES = [
  'enterprise', // 企业 (its own records)
  'hr_partner', // partner HR system bound to one enterprise (machine client)
  'city_center', // 市州职业技能鉴定中心
  'province_center', // 省职业技能鉴定中心
  'ministry', // 人社部
  'inspector', // 督导 (city-level with a prefecture, province-level without)
  'dashboard', // statistics dashboards
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export interface Claims {
  role: Role | 'public';
  /** Subject: the user or client id, for audit trails. */
  sub?: string | undefined;
  enterpriseId?: string | undefined;
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
export const jwtSecret = () => encoder.encode(process.env.HUB_JWT_SECRET || DEV_JWT_SECRET);
const internalSecret = () => encoder.encode(process.env.HUB_INTERNAL_SECRET || DEV_INTERNAL_SECRET);

/** True when the dev secrets are in force (the README says: never in production). */
export const usingDevSecrets = () => !process.env.HUB_JWT_SECRET || !process.env.HUB_INTERNAL_SECRET;

export class AuthError extends Error {
  constructor(
    readonly code:
      | 'TOKEN_MISSING'
      | 'TOKEN_INVALID'
      | 'TOKEN_EXPIRED'
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
  const { enterpriseId, prefecture } = raw;
  if (role === 'enterprise' || role === 'hr_partner') {
    if (typeof enterpriseId !== 'string' || !UUID.test(enterpriseId)) {
      throw new AuthError('CLAIMS_INVALID', `role ${role} needs claim "enterpriseId" (the enterprise's id)`);
    }
    claims.enterpriseId = enterpriseId.toLowerCase();
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
  if (claims.prefecture) out.prefecture = claims.prefecture;
  if (claims.credentialId) out.jti = claims.credentialId;
  return out;
}

/** Issues a caller JWT (CLI `hub token`, tests). */
export async function signUserToken(claims: Claims, expiresIn: string | number = '12h'): Promise<string> {
  const jwt = new SignJWT(claimsPayload(claims)).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setIssuedAt();
  if (claims.sub) jwt.setSubject(claims.sub);
  return jwt.setExpirationTime(expiresIn).sign(jwtSecret());
}

/**
 * Tokens already verified, until they expire. The same token string always
 * verifies the same way, so a hit skips a WebCrypto round trip (the thread
 * pool) on every request of a busy caller; expiry is checked on every hit.
 */
class VerifiedTokens {
  private readonly entries = new Map<string, { claims: Claims; expiresAt: number }>();
  constructor(private readonly max = 10_000) {}
  get(token: string): Claims | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (hit.expiresAt <= Date.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return hit.claims;
  }
  set(token: string, claims: Claims, exp: number | undefined) {
    if (!exp) return;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { claims, expiresAt: exp * 1000 });
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
