/**
 * A title against each 职业's whole text: the cosine of their TF-IDF vectors over Chinese characters
 * and character bigrams, where a 职业's text is its name (three times), aliases, definition, tasks, the
 * names of its 小类 and 中类 and the role names confirmed for it; and against its 小类's and 中类's
 * mean vectors. Unlike the phrase features (names and aliases only) and the definition's bigram share
 * (which of the title's bigrams occur), this weighs the whole text, so that a title is near a 职业
 * whose duties or confirmed roles use its words. The mapping part rebuilds the space on each
 * confirmation. Three reranker features, measured on the dev file (bench/match-eval, README
 * "Occupations and matching"); the weighting itself is plain TF-IDF, fitted on nothing.
 */

import { idOf, largestPositive } from './maps.ts';

export interface DocSpaceInput {
  /** The 职业's name, aliases, definition and tasks (body). */
  name: string;
  aliases: readonly string[];
  body: string;
  /** Names of its 小类 and 中类. */
  parents: readonly string[];
  /** Group keys: its 小类's and 中类's codes. */
  classCode: string;
  groupCode: string;
}

/** The dictionary side of the space, read once per index build: per 职业, its terms (as term numbers) and their counts. */
export interface DocTexts {
  /** Term (see forEachTerm) → term number. */
  termNo: Map<number, number>;
  terms: Int32Array[];
  counts: Int32Array[];
  /** Per document, its 小类 and 中类 (group numbers). */
  classOf: Int32Array;
  groupOf: Int32Array;
}

export interface DocSpace {
  /** Term (see forEachTerm) → its slot in `idf` and the postings. */
  vocab: Map<number, number>;
  idf: Float64Array;
  /** Per slot s, the documents holding it (ascending) at offsets[s] … offsets[s + 1] − 1, with its weight in each unit vector. */
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
  classOf: Int32Array;
  groupOf: Int32Array;
  /** Norms of the sums of the unit vectors of each 小类's and 中类's documents. */
  classNorm: Float64Array;
  groupNorm: Float64Array;
}

/**
 * Calls `fn` with each term of a text: the characters and character bigrams of each run of Chinese
 * characters (U+4E00–U+9FFF), a character as its code, a bigram as first · 65536 + second.
 */
function forEachTerm(text: string, fn: (term: number) => void) {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) {
      prev = -1;
      continue;
    }
    fn(c);
    if (prev >= 0) fn(prev * 65536 + c);
    prev = c;
  }
}

/** The counts of the terms of `texts`, by the term numbers `number` gives. */
function countTerms(texts: readonly string[], number: (t: number) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const text of texts) {
    forEachTerm(text, (t) => {
      const k = number(t);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    });
  }
  return counts;
}

/** Reads the 职业's texts into term counts (once per index build; confirmations reuse them). */
export function readDocTexts(docs: readonly DocSpaceInput[]): DocTexts {
  const termNo = new Map<number, number>();
  const number = (t: number) => idOf(termNo, t);
  const terms: Int32Array[] = [];
  const counts: Int32Array[] = [];
  for (const d of docs) {
    const c = countTerms([`${d.name} ${d.name} ${d.name}`, ...d.aliases, d.body, ...d.parents], number);
    terms.push(Int32Array.from(c.keys()));
    counts.push(Int32Array.from(c.values()));
  }
  return {
    termNo,
    terms,
    counts,
    classOf: groupIndex(docs.map((d) => d.classCode)),
    groupOf: groupIndex(docs.map((d) => d.groupCode)),
  };
}

/** Terms in at least 2 documents and fewer than this share of them weigh in. */
const MAX_DF_SHARE = 0.3;

/**
 * The space over the dictionary's texts and, per document, the role names confirmed for it (a name
 * once per confirmed mapping); `texts` is not changed.
 */
export function buildDocSpace(texts: DocTexts, roles: ReadonlyMap<number, readonly string[]> = new Map()): DocSpace {
  const n = texts.terms.length;
  // Role names may bring terms the dictionary lacks: numbered after its own, here only.
  const base = texts.termNo.size;
  const added = new Map<number, number>();
  const number = (t: number) => texts.termNo.get(t) ?? base + idOf(added, t);
  const terms = [...texts.terms];
  const counts = [...texts.counts];
  for (const [doc, names] of roles) {
    if (doc < 0 || doc >= n || !names.length) continue;
    const c = countTerms(names, number);
    const own = texts.terms[doc] as Int32Array;
    own.forEach((k, i) => {
      c.set(k, (c.get(k) ?? 0) + (texts.counts[doc]?.[i] as number));
    });
    terms[doc] = Int32Array.from(c.keys());
    counts[doc] = Int32Array.from(c.values());
  }
  const df = new Int32Array(base + added.size);
  for (const ks of terms) for (const k of ks) df[k] = (df[k] as number) + 1;
  // The weighed vocabulary: slots in order of term number, with their IDF and place in the postings.
  const vocab = new Map<number, number>();
  const slot = new Int32Array(df.length).fill(-1);
  const idfs: number[] = [];
  const offsets: number[] = [0];
  const weigh = (t: number, k: number) => {
    const f = df[k] as number;
    if (f < 2 || f >= n * MAX_DF_SHARE) return;
    slot[k] = idfs.length;
    vocab.set(t, idfs.length);
    idfs.push(Math.log(n / f));
    offsets.push((offsets[offsets.length - 1] as number) + f);
  };
  for (const [t, k] of texts.termNo) weigh(t, k);
  for (const [t, k] of added) weigh(t, base + k);
  const idf = Float64Array.from(idfs);
  const at = Int32Array.from(offsets);
  const nnz = at[at.length - 1] as number;
  const docs = new Int32Array(nnz);
  const weights = new Float64Array(nnz);
  const fill = at.slice(0, -1);
  terms.forEach((ks, doc) => {
    const tf = counts[doc] as Int32Array;
    const w = Float64Array.from(ks, (k, i) => {
      const s = slot[k] as number;
      return s < 0 ? 0 : tfIdf(tf[i] as number, idf[s] as number);
    });
    let norm = 0;
    for (const x of w) if (x) norm += x ** 2;
    norm = Math.sqrt(norm);
    ks.forEach((k, i) => {
      const s = slot[k] as number;
      if (s < 0) return;
      const p = fill[s] as number;
      docs[p] = doc;
      weights[p] = (w[i] as number) / norm;
      fill[s] = p + 1;
    });
  });
  const space = { vocab, idf, offsets: at, docs, weights, classOf: texts.classOf, groupOf: texts.groupOf };
  return { ...space, classNorm: sumNorms(space, texts.classOf), groupNorm: sumNorms(space, texts.groupOf) };
}

/** Each key's group number, in order of first appearance. */
function groupIndex(keys: readonly string[]): Int32Array {
  const at = new Map<string, number>();
  return Int32Array.from(keys, (k) => idOf(at, k));
}

/** A term's weight: (1 + ln tf) · idf. */
const tfIdf = (tf: number, idf: number) => (1 + Math.log(tf)) * idf;

/** Per group, the norm of the sum of its documents' unit vectors, term by term from the postings. */
function sumNorms(space: Pick<DocSpace, 'offsets' | 'docs' | 'weights'>, groupOf: Int32Array): Float64Array {
  const squares = new Float64Array(groupOf.reduce((m, g) => Math.max(m, g + 1), 0));
  const sum = new Float64Array(squares.length);
  const touched: number[] = [];
  for (let s = 0; s + 1 < space.offsets.length; s++) {
    for (let i = space.offsets[s] as number; i < (space.offsets[s + 1] as number); i++) {
      const g = groupOf[space.docs[i] as number] as number;
      if (sum[g] === 0) touched.push(g);
      sum[g] = (sum[g] as number) + (space.weights[i] as number);
    }
    for (const g of touched) {
      squares[g] = (squares[g] as number) + (sum[g] as number) ** 2;
      sum[g] = 0;
    }
    touched.length = 0;
  }
  return squares.map(Math.sqrt);
}

/** A title's cosines (see docCosines). */
export interface TitleCosines {
  /** Per document: the cosine with its text, and with its 小类's and 中类's mean vectors. */
  (doc: number): [number, number, number];
  /**
   * The `k` documents whose text is nearest the title (cosine above 0), nearest first, ties by number;
   * with `allow`, among those it admits.
   */
  nearest(k: number, allow?: (doc: number) => boolean): number[];
}

const NONE: TitleCosines = Object.assign(() => [0, 0, 0] as [number, number, number], { nearest: () => [] });

/**
 * For a title, per document: the cosine with its text, and with its 小类's and 中类's mean vectors
 * (all 0 when the title shares no weighed term with any document); and its nearest documents.
 */
export function docCosines(space: DocSpace, title: string): TitleCosines {
  const counts = new Map<number, number>();
  forEachTerm(title, (t) => {
    const s = space.vocab.get(t);
    if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1);
  });
  const q: [number, number][] = [];
  let norm = 0;
  for (const [s, k] of counts) {
    const w = tfIdf(k, space.idf[s] as number);
    q.push([s, w]);
    norm += w * w;
  }
  if (!q.length) return NONE;
  norm = Math.sqrt(norm);
  const n = space.classOf.length;
  const own = new Float64Array(n);
  for (const [s, w] of q) {
    for (let i = space.offsets[s] as number; i < (space.offsets[s + 1] as number); i++) {
      const doc = space.docs[i] as number;
      own[doc] = (own[doc] as number) + (w / norm) * (space.weights[i] as number);
    }
  }
  const byClass = new Float64Array(space.classNorm.length);
  const byGroup = new Float64Array(space.groupNorm.length);
  own.forEach((s, doc) => {
    const c = space.classOf[doc] as number;
    const g = space.groupOf[doc] as number;
    byClass[c] = (byClass[c] as number) + s;
    byGroup[g] = (byGroup[g] as number) + s;
  });
  const share = (sum: Float64Array, norm: Float64Array, g: number) => {
    const z = norm[g] as number;
    return z > 0 ? (sum[g] as number) / z : 0;
  };
  const of = (doc: number): [number, number, number] => {
    if (doc < 0 || doc >= n) return [0, 0, 0];
    return [
      own[doc] as number,
      share(byClass, space.classNorm, space.classOf[doc] as number),
      share(byGroup, space.groupNorm, space.groupOf[doc] as number),
    ];
  };
  return Object.assign(of, {
    nearest: (k: number, allow?: (doc: number) => boolean) => largestPositive(own, k, allow),
  });
}
