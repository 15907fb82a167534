/**
 * A text classifier learned from the confirmed mappings ("confirmed mappings feed the matcher"):
 * multinomial naive Bayes over the character 1–3-grams and jieba words of the confirmed role names,
 * at three levels of the dictionary — 中类 (X-XX), 小类 (X-XX-XX) and 职业 — each level's word
 * distribution backed off to the level above (a Dirichlet prior centred on the parent's distribution,
 * the 中类 on all mappings together), so that an occupation with one or two mappings borrows from
 * its 小类 and 中类. Built from the mappings alone, cheaply (it is rebuilt on each confirmation).
 */
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
  docs: number;
  /** Sum of the feature counts. */
  total: number;
}

export interface MappingClassifier {
  levels: ClassStats[][];
  /** Per level, class code → index. */
  byCode: Map<string, number>[];
  /** Per level, feature → the classes having it, with their counts. */
  postings: Map<string, { cls: number[]; n: number[] }>[];
  global: Map<string, number>;
  globalTotal: number;
  vocabulary: number;
  docs: number;
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
  const levels: ClassStats[][] = [[], [], []];
  const byCode: Map<string, number>[] = [new Map(), new Map(), new Map()];
  const counts: Map<string, Map<number, number>>[] = [new Map(), new Map(), new Map()];
  const global = new Map<string, number>();
  let globalTotal = 0;
  let docs = 0;
  for (const ex of examples) {
    const feats = classifierFeatures(segment, ex.text);
    docs += ex.count;
    let parent = -1;
    for (let l = 0; l < 3; l++) {
      const code = levelCode(ex.occupationCode, l);
      const codes = byCode[l] as Map<string, number>;
      const classes = levels[l] as ClassStats[];
      let i = codes.get(code);
      if (i === undefined) {
        i = classes.length;
        codes.set(code, i);
        classes.push({ code, parent, docs: 0, total: 0 });
      }
      const c = classes[i] as ClassStats;
      c.docs += ex.count;
      c.total += feats.length * ex.count;
      const lc = counts[l] as Map<string, Map<number, number>>;
      for (const f of feats) {
        let m = lc.get(f);
        if (!m) {
          m = new Map();
          lc.set(f, m);
        }
        m.set(i, (m.get(i) ?? 0) + ex.count);
      }
      parent = i;
    }
    for (const f of feats) global.set(f, (global.get(f) ?? 0) + ex.count);
    globalTotal += feats.length * ex.count;
  }
  const postings = counts.map((lc) => {
    const out = new Map<string, { cls: number[]; n: number[] }>();
    for (const [f, m] of lc) out.set(f, { cls: [...m.keys()], n: [...m.values()] });
    return out;
  });
  return { levels, byCode, postings, global, globalTotal, vocabulary: global.size + 1, docs };
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
  // The parent distribution of the 中类: all mappings together.
  let parentP: Float64Array[] = [
    Float64Array.from(feats, (f) => ((clf.global.get(f) ?? 0) + 1) / (clf.globalTotal + clf.vocabulary)),
  ];
  const out: Posteriors['levels'] = [];
  for (let l = 0; l < 3; l++) {
    const classes = clf.levels[l] as ClassStats[];
    const postings = clf.postings[l] as Map<string, { cls: number[]; n: number[] }>;
    const parentBase = parentP.map((p) => {
      let s = 0;
      for (let i = 0; i < F; i++) s += Math.log(BACKOFF * (p[i] as number));
      return s;
    });
    const prior = Math.log(clf.docs + classes.length);
    const ll = new Float64Array(classes.length);
    classes.forEach((c, k) => {
      ll[k] =
        Math.log(c.docs + 1) - prior + (parentBase[Math.max(0, c.parent)] as number) - F * Math.log(c.total + BACKOFF);
    });
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
      for (let j = 0; j < post.cls.length; j++) {
        const k = post.cls[j] as number;
        const c = classes[k] as ClassStats;
        const b = BACKOFF * ((parentP[Math.max(0, c.parent)] as Float64Array)[i] as number);
        const n = post.n[j] as number;
        ll[k] = (ll[k] as number) + Math.log(n + b) - Math.log(b);
        if (keep) (probs[k] as Float64Array)[i] = (n + b) / (c.total + BACKOFF);
      }
    });
    let max = Number.NEGATIVE_INFINITY;
    for (const x of ll) if (x > max) max = x;
    let sum = 0;
    for (const x of ll) sum += Math.exp(x - max);
    const lse = max + Math.log(sum);
    const logp = new Float64Array(classes.length);
    const p = new Float64Array(classes.length);
    for (let k = 0; k < classes.length; k++) {
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
