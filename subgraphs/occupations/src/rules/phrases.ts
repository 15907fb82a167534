/** A title's and a name's features (words, bigrams, the head, lexicon terms) and their similarity (rules/match.ts). */
import { tradeTermsIn } from './lexicon.ts';
import { idOf, upsert } from './maps.ts';
import type { MatchIndex, MatchWeights } from './match-index.ts';
import type { Segmenter } from './segment.ts';
import { charBigrams, compact } from './text.ts';

/** Words that say a worker's rank or role in general, not the trade: weak evidence. */
export const GENERIC = new Set([
  '经理',
  '主管',
  '专员',
  '助理',
  '总监',
  '学徒',
  '师傅',
  '组长',
  '主任',
  '顾问',
  '老师',
  '工程师',
  '技术员',
  '人员',
  '负责人',
  '岗位',
  '管理',
  '员工',
  '工作',
  '职员',
  '代表',
  '主任',
  '副总',
  '总经理',
  '操作工',
  '普工',
  '技工',
  '工人',
  // Where the work is done, not what it is (车间, 一线, 工地 …): a workshop or site prefix.
  '车间',
  '一线',
  '现场',
  '工地',
  '厂区',
  '班组',
]);

const HEAD = /(工|师|员|手|匠|长|家|司机)$/;

/** A weighted sparse vector: feature id → weight. */
type Vec = Map<number, number>;

export interface Phrase {
  doc: number;
  text: string;
  kind: 'name' | 'alias' | 'common' | 'work type' | 'ancestor' | 'role';
  vec: Vec;
  norm: number;
  /** Sum of the weights (for the share of a phrase a title covers). */
  mass: number;
}

/** Phrase vectors with an inverted index: feature → phrases. */
export interface PhraseIndex {
  phrases: Phrase[];
  postings: Map<number, number[]>;
  /** Feature → the weight each phrase of its postings gives it, in the postings' order. */
  weights: Map<number, number[]>;
  idf: (f: number) => number;
}

interface Keyed {
  key: string;
  /** Multiplier on top of the IDF. */
  factor: number;
}

function kindFactor(key: string, w: MatchWeights): number {
  const kind = key.charAt(0);
  return kind === 'w' ? w.word : kind === 'h' ? w.head : w.bigram;
}

/** Which characters of `text` lie inside a generic word (经理, 工程师 …). */
export function genericMask(text: string): boolean[] {
  const chars = [...text];
  const mask = chars.map(() => false);
  const joined = chars.join('');
  for (const g of GENERIC) {
    for (let at = joined.indexOf(g); at >= 0; at = joined.indexOf(g, at + 1)) {
      const start = [...joined.slice(0, at)].length;
      for (let i = 0; i < [...g].length; i++) mask[start + i] = true;
    }
  }
  return mask;
}

/** Feature keys of a short text: words (w:), character bigrams (b:) and its head (h:); generic parts weigh less. */
export function phraseKeys(segment: Segmenter, text: string, w: MatchWeights): Keyed[] {
  const keys = new Map<string, number>();
  const add = (key: string, factor: number) => {
    if ((keys.get(key) ?? 0) < factor) keys.set(key, factor);
  };
  for (const word of segment(text)) add(`w:${word}`, kindFactor('w', w) * (GENERIC.has(word) ? w.generic : 1));
  const c = compact(text);
  const chars = [...c];
  const mask = genericMask(c);
  const g = (from: number, to: number) => (mask.slice(from, to).every(Boolean) ? w.generic : 1);
  for (const run of text.split(/[^\p{L}\p{N}#+]+/u)) {
    const rc = [...run];
    if (rc.length === 1) add(`b:${rc[0]}`, w.bigram);
  }
  for (const b of charBigrams(text)) {
    if ([...b].length === 2) {
      const at = c.indexOf(b);
      add(`b:${b}`, w.bigram * (at >= 0 ? g([...c.slice(0, at)].length, [...c.slice(0, at)].length + 2) : 1));
    }
  }
  const head = HEAD.exec(c)?.[1];
  if (head) add(`h:${head}`, w.head);
  if (chars.length >= 3) add(`h:${chars.slice(-2).join('')}`, w.head * g(chars.length - 2, chars.length));
  return [...keys].map(([key, factor]) => ({ key, factor }));
}

/** A title's keys: its phrase keys plus the dictionary terms its shop-floor words stand for. */
export function queryKeys(segment: Segmenter, text: string, w: MatchWeights): Keyed[] {
  const keys = phraseKeys(segment, text, w);
  const have = new Set(keys.map((k) => k.key));
  for (const term of tradeTermsIn(compact(text))) {
    for (const k of phraseKeys(segment, term, w)) {
      if (k.key.startsWith('h:') || have.has(k.key)) continue;
      have.add(k.key);
      keys.push({ key: k.key, factor: k.factor * w.lexicon });
    }
  }
  return keys;
}

export interface Item {
  doc: number;
  text: string;
  kind: Phrase['kind'];
  keys: Keyed[];
}

/** Vectors for `items`, weighted by an IDF over `units` (documents), with an inverted index. */
export function phraseIndex(
  ids: Map<string, number>,
  items: Item[],
  units: number,
  extraDf?: Map<number, number>,
): PhraseIndex {
  const df = new Map<number, Set<number>>();
  for (const it of items) {
    for (const k of it.keys) {
      const f = idOf(ids, k.key);
      upsert(df, f, () => new Set<number>()).add(it.doc);
    }
  }
  const idf = (f: number) => Math.log(1 + units / Math.max(1, (df.get(f)?.size ?? 0) + (extraDf?.get(f) ?? 0)));
  const phrases: Phrase[] = [];
  const postings = new Map<number, number[]>();
  const weights = new Map<number, number[]>();
  for (const it of items) {
    const vec: Vec = new Map();
    let norm = 0;
    let mass = 0;
    for (const k of it.keys) {
      const f = ids.get(k.key) as number;
      const weight = idf(f) * k.factor;
      vec.set(f, weight);
      norm += weight * weight;
      mass += weight;
    }
    const i = phrases.length;
    phrases.push({ doc: it.doc, text: it.text, kind: it.kind, vec, norm: Math.sqrt(norm), mass });
    for (const [f, weight] of vec) {
      upsert(postings, f, () => [] as number[]).push(i);
      upsert(weights, f, () => [] as number[]).push(weight);
    }
  }
  return { phrases, postings, weights, idf };
}

export interface Query {
  keys: { f: number | undefined; weight: number; key: string }[];
  norm: number;
  mass: number;
  compact: string;
}

export function query(index: MatchIndex, keys: Keyed[], text: string, idf: (f: number) => number): Query {
  const unknown = Math.log(1 + index.docs.length);
  let norm = 0;
  let mass = 0;
  const out: Query['keys'] = [];
  for (const k of keys) {
    const f = index.ids.get(k.key);
    const weight = (f === undefined ? unknown : idf(f)) * k.factor;
    out.push({ f, weight, key: k.key });
    norm += weight * weight;
    mass += weight;
  }
  return { keys: out, norm: Math.sqrt(norm), mass, compact: compact(text) };
}

export interface PhraseScore {
  cosine: number;
  /** Share of the title the phrase explains when the title contains it (else 0). */
  contained: number;
  atEnd: boolean;
  equal: boolean;
  /** Share of the phrase the title covers. */
  covered: number;
}

/** Per phrase index, the sums scorePhrases adds up (reused: a match runs start to end, never interleaved). */
const scratch = new WeakMap<
  PhraseIndex,
  { dot: Float64Array; l1: Float64Array; pl1: Float64Array; seen: Uint8Array }
>();

/** Similarity of a query with every phrase sharing a feature with it (in the order they are first reached). */
export function scorePhrases(q: Query, pi: PhraseIndex): Map<number, PhraseScore> {
  const n = pi.phrases.length;
  let s = scratch.get(pi);
  if (!s || s.dot.length !== n) {
    s = { dot: new Float64Array(n), l1: new Float64Array(n), pl1: new Float64Array(n), seen: new Uint8Array(n) };
    scratch.set(pi, s);
  }
  const { dot, l1, pl1, seen } = s;
  const reached: number[] = [];
  for (const k of q.keys) {
    if (k.f === undefined) continue;
    const list = pi.postings.get(k.f);
    const ws = pi.weights.get(k.f);
    if (!list || !ws) continue;
    for (let i = 0; i < list.length; i++) {
      const p = list[i] as number;
      const pw = ws[i] as number;
      if (!seen[p]) {
        seen[p] = 1;
        reached.push(p);
      }
      dot[p] = (dot[p] as number) + k.weight * pw;
      l1[p] = (l1[p] as number) + k.weight;
      pl1[p] = (pl1[p] as number) + pw;
    }
  }
  const out = new Map<number, PhraseScore>();
  for (const p of reached) {
    const ph = pi.phrases[p] as Phrase;
    out.set(p, phraseScore(q, ph.text, ph.norm, ph.mass, dot[p] as number, l1[p] as number, pl1[p] as number));
    dot[p] = 0;
    l1[p] = 0;
    pl1[p] = 0;
    seen[p] = 0;
  }
  return out;
}

/**
 * A phrase's similarity with a query from their dot product `d`, the query's weight on the phrase's
 * features (`l1`) and the phrase's weight on the query's (`pl1`).
 */
export function phraseScore(
  q: Query,
  text: string,
  norm: number,
  mass: number,
  d: number,
  l1: number,
  pl1: number,
): PhraseScore {
  const inside = text.length >= 2 && q.compact.includes(text);
  return {
    cosine: q.norm && norm ? d / (q.norm * norm) : 0,
    contained: inside && q.mass ? Math.min(1, l1 / q.mass) : 0,
    atEnd: inside && q.compact.endsWith(text),
    equal: text === q.compact,
    covered: mass ? Math.min(1, pl1 / mass) : 0,
  };
}

export function phraseValue(s: PhraseScore, w: MatchWeights): number {
  return w.cosine * s.cosine + w.contained * s.contained + (s.atEnd ? w.containedAtEnd : 0) + (s.equal ? w.equal : 0);
}

/** 0..1 similarity of a title to a role name (for confirmed mappings). */
export function roleSimilarity(s: PhraseScore): number {
  if (s.equal) return 1;
  return Math.min(1, Math.max(s.cosine, 0.5 * s.contained + 0.5 * s.covered));
}
