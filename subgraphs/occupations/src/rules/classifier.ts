/**
 * A text classifier learned from the confirmed mappings ("confirmed mappings feed the matcher"):
 * multinomial naive Bayes over the character 1–3-grams and jieba words of the confirmed role names,
 * at three levels of the dictionary — 中类 (X-XX), 小类 (X-XX-XX) and 职业 — each level's word
 * distribution backed off to the level above (a Dirichlet prior centred on the parent's distribution,
 * the 中类 on all mappings together), so that an occupation with one or two mappings borrows from
 * its 小类 and 中类. Counts only: a confirmation adds its role name's counts (learnExample).
 */
import { upsert } from './maps.ts';
import type { Segmenter } from './segment.ts';

/** Strength of the back-off prior, in feature occurrences (about half a role name's worth). */
const BACKOFF = 30;
/** Floor of a length-normalized log posterior (per query feature). */
export const LOG_POSTERIOR_FLOOR = -4;

/** The code of a level: 0 中类, 1 小类, 2 职业. */
export const levelCode = (code: string, level: number): string =>
  level === 0 ? code.slice(0, 4) : level === 1 ? code.slice(0, 7) : code.slice(0, 10);

interface ClassStats {
  code: string;
  /** Index of the parent class at the level above (−1 for a 中类). */
  parent: number;
  /** Confirmed mappings in the class (0: none left; the class then takes no part). */
  docs: number;
  /** Sum of the feature counts. */
  total: number;
}

export interface MappingClassifier {
  levels: ClassStats[][];
  /** Per level, class code → index. */
  byCode: Map<string, number>[];
  /** Per level, feature → the classes having it, with their counts. */
  postings: Map<string, Map<number, number>>[];
  global: Map<string, number>;
  globalTotal: number;
  docs: number;
  /** Per level, the classes with mappings in order of their codes (undefined: to sort again). */
  order: (number[] | undefined)[];
}

/** The features of a (compact) role name: character 1–3-grams and jieba words. */
export function classifierFeatures(segment: Segmenter, text: string): string[] {
  const out = new Set<string>();
  const chars = [...text];
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= chars.length; i++) out.add(`c:${chars.slice(i, i + n).join('')}`);
  }
  for (const w of segment(text)) if ([...w].length >= 2) out.add(`w:${w}`);
  return [...out];
}

/** Learns the classifier from role names (compact) with their occupation codes and counts. */
export function buildClassifier(
  segment: Segmenter,
  examples: readonly { text: string; occupationCode: string; count: number }[],
): MappingClassifier {
  const clf: MappingClassifier = {
    levels: [[], [], []],
    byCode: [new Map(), new Map(), new Map()],
    postings: [new Map(), new Map(), new Map()],
    global: new Map(),
    globalTotal: 0,
    docs: 0,
    order: [],
  };
  for (const ex of examples) learnExample(clf, segment, ex);
  return clf;
}

const bump = <K>(m: Map<K, number>, key: K, by: number) => {
  const v = (m.get(key) ?? 0) + by;
  if (v) m.set(key, v);
  else m.delete(key);
};

/**
 * Adds one role name with its occupation and count to the classifier (a negative count takes it out
 * again): counts only, so a confirmation costs the name's features. A class left without mappings
 * takes no part until one comes back, as if it had never been.
 */
export function learnExample(
  clf: MappingClassifier,
  segment: Segmenter,
  ex: { text: string; occupationCode: string; count: number },
) {
  const feats = classifierFeatures(segment, ex.text);
  clf.docs += ex.count;
  let parent = -1;
  for (let l = 0; l < 3; l++) {
    const code = levelCode(ex.occupationCode, l);
    const codes = clf.byCode[l] as Map<string, number>;
    const classes = clf.levels[l] as ClassStats[];
    let i = codes.get(code);
    if (i === undefined) {
      i = classes.length;
      codes.set(code, i);
      classes.push({ code, parent, docs: 0, total: 0 });
    }
    const c = classes[i] as ClassStats;
    if (c.docs + ex.count < 0) throw new Error('a role name taken out of a class that does not hold it');
    if (c.docs === 0 || c.docs + ex.count === 0) clf.order[l] = undefined;
    c.docs += ex.count;
    c.total += feats.length * ex.count;
    const lc = clf.postings[l] as Map<string, Map<number, number>>;
    for (const f of feats) {
      const m = upsert(lc, f, () => new Map<number, number>());
      bump(m, i, ex.count);
      if (!m.size) lc.delete(f);
    }
    parent = i;
  }
  for (const f of feats) bump(clf.global, f, ex.count);
  clf.globalTotal += feats.length * ex.count;
}

/** The classes of a level that hold mappings, in order of their codes (so sums over them never depend on the order they came in). */
function orderOf(clf: MappingClassifier, l: number): number[] {
  let order = clf.order[l];
  if (!order) {
    const classes = clf.levels[l] as ClassStats[];
    order = classes.flatMap((c, k) => (c.docs > 0 ? [k] : []));
    order.sort((a, b) => ((classes[a] as ClassStats).code < (classes[b] as ClassStats).code ? -1 : 1));
    clf.order[l] = order;
  }
  return order;
}

/** Per level, the classes' length-normalized log posteriors and posteriors for a title. */
export interface Posteriors {
  /** Per level (0 中类, 1 小类, 2 职业), by class index: log posterior / features (floored), and the posterior. */
  levels: { logp: Float64Array; p: Float64Array }[];
  byCode: Map<string, number>[];
}

export const NO_POSTERIORS: Posteriors = { levels: [], byCode: [] };

/**
 * The posteriors of every class at each level for a (compact) title. A class's word probability is
 * (count + BACKOFF × parent's probability) / (total + BACKOFF); classes are scored from their parent's
 * sum plus corrections for the features they have, so a query costs the classes plus the postings.
 */
export function classify(clf: MappingClassifier, segment: Segmenter, text: string): Posteriors {
  if (!clf.docs) return NO_POSTERIORS;
  const feats = classifierFeatures(segment, text).filter((f) => clf.global.has(f));
  const F = feats.length;
  if (!F) return NO_POSTERIORS;
  const vocabulary = clf.global.size + 1;
  // The parent distribution of the 中类: all mappings together.
  let parentP: Float64Array[] = [
    Float64Array.from(feats, (f) => ((clf.global.get(f) ?? 0) + 1) / (clf.globalTotal + vocabulary)),
  ];
  const out: Posteriors['levels'] = [];
  for (let l = 0; l < 3; l++) {
    const classes = clf.levels[l] as ClassStats[];
    const live = orderOf(clf, l);
    const postings = clf.postings[l] as Map<string, Map<number, number>>;
    const parentBase = parentP.map((p) => {
      let s = 0;
      for (let i = 0; i < F; i++) s += Math.log(BACKOFF * (p[i] as number));
      return s;
    });
    const prior = Math.log(clf.docs + live.length);
    const ll = new Float64Array(classes.length).fill(Number.NEGATIVE_INFINITY);
    for (const k of live) {
      const c = classes[k] as ClassStats;
      ll[k] =
        Math.log(c.docs + 1) - prior + (parentBase[Math.max(0, c.parent)] as number) - F * Math.log(c.total + BACKOFF);
    }
    const keep = l < 2;
    const probs: Float64Array[] = keep
      ? classes.map((c) => {
          const base = parentP[Math.max(0, c.parent)] as Float64Array;
          return base.map((b) => (BACKOFF * b) / (c.total + BACKOFF));
        })
      : [];
    feats.forEach((f, i) => {
      const post = postings.get(f);
      if (!post) return;
      for (const [k, n] of post) {
        const c = classes[k] as ClassStats;
        const b = BACKOFF * ((parentP[Math.max(0, c.parent)] as Float64Array)[i] as number);
        ll[k] = (ll[k] as number) + Math.log(n + b) - Math.log(b);
        if (keep) (probs[k] as Float64Array)[i] = (n + b) / (c.total + BACKOFF);
      }
    });
    let max = Number.NEGATIVE_INFINITY;
    for (const k of live) if ((ll[k] as number) > max) max = ll[k] as number;
    let sum = 0;
    for (const k of live) sum += Math.exp((ll[k] as number) - max);
    const lse = max + Math.log(sum);
    const logp = new Float64Array(classes.length).fill(LOG_POSTERIOR_FLOOR);
    const p = new Float64Array(classes.length);
    for (const k of live) {
      const lp = (ll[k] as number) - lse;
      logp[k] = Math.max(LOG_POSTERIOR_FLOOR, lp / F);
      p[k] = Math.exp(lp);
    }
    out.push({ logp, p });
    parentP = probs;
  }
  return { levels: out, byCode: clf.byCode };
}

/** The features of one candidate occupation: per level, its normalized log posterior and its posterior. */
export function posteriorFeatures(post: Posteriors, occupationCode: string): number[] {
  const out: number[] = [];
  for (let l = 0; l < 3; l++) {
    const k = post.byCode[l]?.get(levelCode(occupationCode, l));
    const level = post.levels[l];
    out.push(
      k === undefined || !level ? LOG_POSTERIOR_FLOOR : (level.logp[k] as number),
      k === undefined || !level ? 0 : (level.p[k] as number),
    );
  }
  return out;
}
