/**
 * Personal data at rest: 公民身份号码 (resident IDs) are stored encrypted with AES-256-GCM and
 * found by a keyed hash (HMAC-SHA256), never in clear.
 *
 * Configuration (platform/src/config.ts; parsed once per distinct value):
 * - `HUB_PII_KEYS`: comma list of `keyId:base64key` (32-byte keys); the first one encrypts, every
 *   listed one decrypts, so a key can be rotated (`pnpm hub keys rotate`) while the hub serves.
 * - `HUB_PII_HMAC_KEY`: base64 key (at least 32 bytes) of the lookup hash.
 * - `HUB_PII_HMAC_PREVIOUS_KEYS`: optional comma list of base64 keys still used for lookups while
 *   `pnpm hub keys rehash` recomputes the stored hashes with the current key.
 * Unset, built-in development keys are used (anyone can read the source: never in production);
 * with `HUB_ENV` or `NODE_ENV` = `production` they are refused, unset or set by hand to the
 * development values (`pnpm start` refuses to start: productionPiiKeyProblems).
 *
 * Ciphertext (bytea), self-describing: version byte 0x01, key-id length byte, key id (ASCII),
 * 12-byte random IV, ciphertext, 16-byte GCM tag. The header (version, key id) is the GCM
 * additional data, so a ciphertext relabelled with another key id fails to open.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomFillSync,
} from 'node:crypto';
import { type HubConfig, hubConfig, isProductionConfig } from '@hub/platform/config';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_.-]{1,32}$/;

// Derived from public strings on purpose: these keys protect nothing but development data.
const devKey = (label: string) => createHash('sha256').update(`dev-only ${label} do-not-use-in-production`).digest();
const DEV_KEYS = `dev:${devKey('pii encryption key').toString('base64')}`;
const DEV_HMAC_KEY = devKey('pii hmac key').toString('base64');

/** A personal-data key is missing, malformed or unknown, or a ciphertext does not open: fail closed. */
export class PiiError extends Error {
  override name = 'PiiError';
}

interface EncryptionKey {
  id: string;
  key: KeyObject;
  /** Version byte, key-id length, key id: the prefix of every ciphertext made with this key. */
  header: Buffer;
}

export interface PiiKeyring {
  current: EncryptionKey;
  byId: ReadonlyMap<string, EncryptionKey>;
  /** The current HMAC key first, then previous ones (lookups only). */
  hmac: readonly KeyObject[];
  /** True when any built-in development key is in force. */
  dev: boolean;
}

const isProduction = () => isProductionConfig(hubConfig());

function decodeKey(b64: string, what: string, minBytes: number, exactBytes?: number): KeyObject {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw new PiiError(`${what} is not base64`);
  const raw = Buffer.from(b64, 'base64');
  if (exactBytes !== undefined ? raw.length !== exactBytes : raw.length < minBytes)
    throw new PiiError(`${what} must decode to ${exactBytes ?? `at least ${minBytes}`} bytes, not ${raw.length}`);
  return createSecretKey(raw);
}

/** Parses a keyring from configuration values (exported for tests and the rotation command). */
export function parseKeyring(keys: string | undefined, hmacKey: string | undefined, previousHmac?: string): PiiKeyring {
  const problems = piiKeyProblems({ HUB_PII_KEYS: keys, HUB_PII_HMAC_KEY: hmacKey });
  const dev = problems.length > 0;
  if (dev && isProduction())
    throw new PiiError(
      `HUB_PII_KEYS and HUB_PII_HMAC_KEY must be set in production, to keys of their own: ${problems.join('; ')}`,
    );
  const byId = new Map<string, EncryptionKey>();
  for (const entry of (keys || DEV_KEYS).split(',')) {
    const at = entry.indexOf(':');
    const id = entry.slice(0, at).trim();
    if (at < 0 || !KEY_ID.test(id))
      throw new PiiError('HUB_PII_KEYS entries are keyId:base64key, the id 1–32 of A–Z a–z 0–9 _ . -');
    if (byId.has(id)) throw new PiiError(`HUB_PII_KEYS lists key id ${id} twice`);
    const key = decodeKey(entry.slice(at + 1).trim(), `HUB_PII_KEYS key ${id}`, 32, 32);
    byId.set(id, { id, key, header: Buffer.concat([Buffer.from([VERSION, id.length]), Buffer.from(id, 'ascii')]) });
  }
  const current = byId.values().next().value as EncryptionKey;
  const hmac = [hmacKey || DEV_HMAC_KEY, ...(previousHmac ? previousHmac.split(',') : [])].map((k, i) =>
    decodeKey(k.trim(), i === 0 ? 'HUB_PII_HMAC_KEY' : 'HUB_PII_HMAC_PREVIOUS_KEYS', 32),
  );
  return { current, byId, hmac, dev };
}

const DEV_KEY_MATERIAL = DEV_KEYS.slice(DEV_KEYS.indexOf(':') + 1);

/**
 * Why these personal-data keys may not serve production, one sentence each (unset, or the
 * built-in development keys set by hand); empty when they may. Lengths are checked when the
 * keyring is parsed: 32-byte encryption keys, an HMAC key of at least 32 bytes.
 */
export function piiKeyProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const out: string[] = [];
  if (!env.HUB_PII_KEYS) out.push('HUB_PII_KEYS is not set (the built-in development key is public)');
  else if (env.HUB_PII_KEYS.split(',').some((e) => e.slice(e.indexOf(':') + 1).trim() === DEV_KEY_MATERIAL))
    out.push('HUB_PII_KEYS lists the built-in development key, which anyone can derive from the source');
  if (!env.HUB_PII_HMAC_KEY) out.push('HUB_PII_HMAC_KEY is not set (the built-in development key is public)');
  else if (env.HUB_PII_HMAC_KEY.trim() === DEV_HMAC_KEY)
    out.push('HUB_PII_HMAC_KEY is the built-in development key, which anyone can derive from the source');
  return out;
}

/**
 * Everything that keeps the configured personal-data keys from serving production: the
 * problems above, then whatever makes the keyring fail to parse (a short or malformed key).
 */
export function productionPiiKeyProblems(config: HubConfig = hubConfig()): string[] {
  const problems = piiKeyProblems({ HUB_PII_KEYS: config.piiKeys, HUB_PII_HMAC_KEY: config.piiHmacKey });
  if (problems.length) return problems;
  try {
    parseKeyring(config.piiKeys, config.piiHmacKey, config.piiHmacPreviousKeys);
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
}

let cached: { source: string; ring: PiiKeyring } | undefined;

/** The configured keyring; throws PiiError when the configuration is bad (or missing in production). */
export function piiKeyring(): PiiKeyring {
  const config = hubConfig();
  const { piiKeys: k, piiHmacKey: h, piiHmacPreviousKeys: p } = config;
  const source = `${k ?? ''}\n${h ?? ''}\n${p ?? ''}\n${isProductionConfig(config)}`;
  if (cached?.source !== source) cached = { source, ring: parseKeyring(k, h, p) };
  return cached.ring;
}

/** True when a built-in development key is in force (the README says: never in production). */
export const usingDevPiiKeys = () => piiKeyring().dev;

// IVs drawn from the CSPRNG 4,096 at a time: one call per IV costs more than the encryption (bulk seeds).
const IV_POOL = Buffer.alloc(IV_BYTES * 4096);
let ivAt = IV_POOL.length;
function freshIv(): Buffer {
  if (ivAt === IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivAt = 0;
  }
  ivAt += IV_BYTES;
  return Buffer.from(IV_POOL.subarray(ivAt - IV_BYTES, ivAt));
}

const normalise = (residentId: string) => residentId.trim().toUpperCase();

/**
 * AES-256-GCM with the current key: header ‖ IV ‖ ciphertext ‖ tag. Any text kept secret at rest
 * the same way (a webhook's signing secret); `decryptText` opens it.
 */
export function encryptText(text: string, ring: PiiKeyring = piiKeyring()): Buffer {
  const { key, header } = ring.current;
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  const body = cipher.update(text, 'utf8');
  const final = cipher.final();
  return Buffer.concat([header, iv, body, final, cipher.getAuthTag()]);
}

/** A resident ID, normalised, encrypted as `encryptText` does. */
export function encryptResidentId(residentId: string, ring: PiiKeyring = piiKeyring()): Buffer {
  return encryptText(normalise(residentId), ring);
}

const asBuffer = (b: Uint8Array) => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/** The key id a ciphertext names (it is not authenticated until the ciphertext opens). */
export function ciphertextKeyId(enc: Uint8Array): string {
  const b = asBuffer(enc);
  if (b.length < 2 || b[0] !== VERSION) throw new PiiError('not a personal-data ciphertext of a known version');
  return b.subarray(2, 2 + (b[1] as number)).toString('ascii');
}

/** Opens a ciphertext with the key it names; any tampering, truncation or unknown key throws PiiError. */
export function decryptText(enc: Uint8Array, ring: PiiKeyring = piiKeyring()): string {
  return decryptResidentId(enc, ring);
}

/** Opens a ciphertext with the key it names; any tampering, truncation or unknown key throws PiiError. */
export function decryptResidentId(enc: Uint8Array, ring: PiiKeyring = piiKeyring()): string {
  const b = asBuffer(enc);
  const id = ciphertextKeyId(b);
  const key = ring.byId.get(id);
  if (!key) throw new PiiError(`personal data encrypted with key ${id}, which HUB_PII_KEYS does not list`);
  const start = key.header.length;
  if (b.length < start + IV_BYTES + TAG_BYTES) throw new PiiError('personal-data ciphertext is truncated');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, b.subarray(start, start + IV_BYTES));
    decipher.setAAD(b.subarray(0, start));
    decipher.setAuthTag(b.subarray(b.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(b.subarray(start + IV_BYTES, b.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new PiiError('personal-data ciphertext failed authentication');
  }
}

/** HMAC-SHA256 of the normalised ID with the current HMAC key: what rows store and unique keys compare. */
export function residentIdHmac(residentId: string, ring: PiiKeyring = piiKeyring()): Buffer {
  return createHmac('sha256', ring.hmac[0] as KeyObject)
    .update(normalise(residentId))
    .digest();
}

/** Every hash a stored row may carry for this ID (current key, then previous ones during a rehash). */
export function residentIdLookup(residentId: string, ring: PiiKeyring = piiKeyring()): Buffer[] {
  const id = normalise(residentId);
  return ring.hmac.map((k) => createHmac('sha256', k).update(id).digest());
}

/** Encrypted value and lookup hash of one resident ID, as the `*_enc` / `*_hmac` columns take them. */
export function sealResidentId(residentId: string, ring: PiiKeyring = piiKeyring()): { enc: Buffer; hmac: Buffer } {
  return { enc: encryptResidentId(residentId, ring), hmac: residentIdHmac(residentId, ring) };
}

/** The `assessment.certificates` holder columns of a resident ID. */
export function sealCertificateHolder(residentId: string, ring: PiiKeyring = piiKeyring()) {
  const { enc, hmac } = sealResidentId(residentId, ring);
  return { holderResidentIdEnc: enc, holderResidentIdHmac: hmac };
}

/** The `assessment.workers` columns of a resident ID. */
export function sealWorkerResidentId(residentId: string, ring: PiiKeyring = piiKeyring()) {
  const { enc, hmac } = sealResidentId(residentId, ring);
  return { residentIdEnc: enc, residentIdHmac: hmac };
}
