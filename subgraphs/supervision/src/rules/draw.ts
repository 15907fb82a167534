import { createHash } from 'node:crypto';

/**
 * 双随机、一公开: the draw, as a pure function of recorded inputs, so anyone holding the seed
 * and the pools can re-run it and get the same result.
 *
 * Randomness: SHA-256 in counter mode over the seed (block i = SHA-256("<seed>:<i>"), read as
 * eight big-endian 32-bit words); a uniform integer below n by rejection sampling; Fisher–Yates
 * from the last position down. Pools are put in id order first, so the order they were read
 * in does not matter.
 *
 * The draw: shuffle the institution pool; walk it in that order; for each institution shuffle
 * the inspectors who may inspect it and take the first `perInstitution`; an institution with
 * too few is passed over (and reported); stop when `count` institutions are drawn.
 *
 * An inspector may inspect an institution when (a) it lies in their jurisdiction (a city
 * inspector: their own 市州; a province inspector: anywhere), and (b) the pair is not excluded:
 * the institution is not their current or former employer, and they did not inspect it in the
 * previous campaign.
 */
export const DRAW_ALGORITHM = 'hub-draw/1: sha256-counter, rejection sampling, Fisher–Yates';

export class SeededStream {
  private block: Buffer = Buffer.alloc(0);
  private offset = 32;
  private counter = 0;

  constructor(private readonly seed: string) {}

  private word(): number {
    if (this.offset >= 32) {
      this.block = createHash('sha256').update(`${this.seed}:${this.counter}`).digest();
      this.counter += 1;
      this.offset = 0;
    }
    const w = this.block.readUInt32BE(this.offset);
    this.offset += 4;
    return w;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) throw new RangeError(`below(${n})`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const w = this.word();
      if (w < limit) return w % n;
    }
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

export interface PoolInstitution {
  id: string;
  prefectureCode: string;
}

export interface PoolInspector {
  id: string;
  /** null: a province-level inspector. */
  prefectureCode: string | null;
}

export interface DrawInput {
  seed: string;
  institutions: readonly PoolInstitution[];
  inspectors: readonly PoolInspector[];
  /** `inspectorId:enterpriseId` pairs that may not meet. */
  exclusions: readonly string[];
  count: number;
  perInstitution: number;
}

export interface DrawnInstitution {
  enterpriseId: string;
  prefectureCode: string;
  /** 1-based position in the draw. */
  position: number;
  inspectorIds: string[];
}

export interface DrawResult {
  drawn: DrawnInstitution[];
  /** Institutions passed over because too few inspectors may inspect them. */
  passedOver: string[];
}

export const pairKey = (inspectorId: string, enterpriseId: string) => `${inspectorId}:${enterpriseId}`;

export function mayInspect(
  inspector: PoolInspector,
  institution: PoolInstitution,
  exclusions: ReadonlySet<string>,
): boolean {
  if (inspector.prefectureCode !== null && inspector.prefectureCode !== institution.prefectureCode) return false;
  return !exclusions.has(pairKey(inspector.id, institution.id));
}

const byId = <T extends { id: string }>(xs: readonly T[]) =>
  [...new Map(xs.map((x) => [x.id, x])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function draw(input: DrawInput): DrawResult {
  const stream = new SeededStream(input.seed);
  const excluded = new Set(input.exclusions);
  const inspectors = byId(input.inspectors);
  const drawn: DrawnInstitution[] = [];
  const passedOver: string[] = [];
  for (const institution of stream.shuffle(byId(input.institutions))) {
    if (drawn.length >= input.count) break;
    const eligible = inspectors.filter((i) => mayInspect(i, institution, excluded));
    if (eligible.length < input.perInstitution) {
      passedOver.push(institution.id);
      continue;
    }
    const chosen = stream.shuffle(eligible).slice(0, input.perInstitution);
    drawn.push({
      enterpriseId: institution.id,
      prefectureCode: institution.prefectureCode,
      position: drawn.length + 1,
      inspectorIds: chosen.map((i) => i.id).sort(),
    });
  }
  return { drawn, passedOver };
}

/** The pairs a draw must avoid: employers (current and former) and the previous campaign's pairs. */
export function conflictPairs(
  inspectors: readonly { id: string; employerId: string | null; formerEmployerIds: readonly string[] }[],
  previous: readonly { inspectorId: string; enterpriseId: string }[],
): string[] {
  const out = new Set<string>();
  for (const i of inspectors) {
    if (i.employerId) out.add(pairKey(i.id, i.employerId));
    for (const e of i.formerEmployerIds) out.add(pairKey(i.id, e));
  }
  for (const p of previous) out.add(pairKey(p.inspectorId, p.enterpriseId));
  return [...out].sort();
}

/** How a pool is recorded with a campaign: `id@市州`, or `id@province` for a province-level inspector. */
export const poolEntry = (id: string, place: string | null) => `${id}@${place ?? 'province'}`;

const parseEntry = (entry: string) => {
  const [id, place] = entry.split('@') as [string, string];
  return { id, prefectureCode: place === 'province' ? null : place };
};

/** The draw input a campaign recorded (null before its draw): re-running it must give the recorded draw. */
export function recordedInput(c: {
  seed: string;
  institutionPool: string[] | null;
  inspectorPool: string[] | null;
  exclusions: string[] | null;
  institutionCount: number;
  inspectorsPerInstitution: number;
}): DrawInput | null {
  if (!c.institutionPool || !c.inspectorPool || !c.exclusions) return null;
  return {
    seed: c.seed,
    institutions: c.institutionPool.map(parseEntry).map((e) => ({ id: e.id, prefectureCode: e.prefectureCode ?? '' })),
    inspectors: c.inspectorPool.map(parseEntry),
    exclusions: c.exclusions,
    count: c.institutionCount,
    perInstitution: c.inspectorsPerInstitution,
  };
}
