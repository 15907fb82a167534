/**
 * A title against each 职业's whole text: the cosine of their TF-IDF vectors over Chinese characters
 * and character bigrams, where a 职业's text is its name (three times), aliases, definition, tasks, the
 * names of its 小类 and 中类 and the role names confirmed for it; and against its 小类's and 中类's
 * mean vectors. Unlike the phrase features (names and aliases only) and the definition's bigram share
 * (which of the title's bigrams occur), this weighs the whole text, so that a title is near a 职业
 * whose duties or confirmed roles use its words. A confirmation adds its role name to the space
 * (addRoleTexts), renewing only the documents whose numbers it changes. Three reranker features, measured on the dev file (bench/match-eval, README
 * "Occupations and matching"); the weighting itself is plain TF-IDF, fitted on nothing.
 */

import { idOf, largestPositive, upsert } from './maps.ts';

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

/**
 * The dictionary side of the space, read once per index build: per 职业, its terms (as term numbers) and
 * their counts, and per term number the documents holding it (ascending) with their counts.
 */
export interface DocTexts {
  /** Term (see forEachTerm) → term number. */
  termNo: Map<number, number>;
  terms: Int32Array[];
  counts: Int32Array[];
  /** Per document, its 小类 and 中类 (group numbers). */
  classOf: Int32Array;
  groupOf: Int32Array;
  /** Per term number k, the documents holding it at offsets[k] … offsets[k + 1] − 1 (ascending), with its count. */
  offsets: Int32Array;
  docs: Int32Array;
  tf: Int32Array;
  /** Per term number, the term. */
  termOf: Float64Array;
}

/**
 * The space over the dictionary's texts and the role names confirmed per document (a name once per
 * confirmed mapping): kept up to date one role name at a time (addRoleTexts), so that a confirmation
 * costs the documents it touches, not a rebuild. Whatever the order the names came in, the space holds
 * the same numbers (each derived number is computed from the current counts in a fixed order).
 */
export interface DocSpace {
  texts: DocTexts;
  /** The role names' terms per document: document → term → count. */
  roleTerms: Map<number, Map<number, number>>;
  /** Per term, the documents whose role names hold it: term → document → count. */
  roleDocs: Map<number, Map<number, number>>;
  /** Per term, the documents that hold it through role names only (their number; it adds to the dictionary's). */
  extraDf: Map<number, number>;
  /** Per term number, its IDF as it stands (0: it does not weigh in). */
  idf: Float64Array;
  /** Per document, the norm of its TF-IDF vector (0: no weighed term). */
  norm: Float64Array;
  /** A buffer per term number for sums over documents (all zero between uses). */
  sums: Float64Array;
  /** Per 小类 and 中类, the norm of the sum of its documents' unit vectors (NaN: to compute, when asked). */
  classNorm: Float64Array;
  groupNorm: Float64Array;
  /** Per 小类 and 中类, its documents (ascending). */
  classDocs: number[][];
  groupDocs: number[][];
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

/** Reads the 职业's texts into term counts and postings (once per index build; confirmations reuse them). */
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
  const offsets = new Int32Array(termNo.size + 1);
  for (const ks of terms) for (const k of ks) offsets[k + 1] = (offsets[k + 1] as number) + 1;
  for (let k = 0; k < termNo.size; k++) offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
  const at = offsets.slice(0, -1);
  const postingDocs = new Int32Array(offsets[termNo.size] as number);
  const tf = new Int32Array(postingDocs.length);
  terms.forEach((ks, doc) => {
    ks.forEach((k, i) => {
      const p = at[k] as number;
      postingDocs[p] = doc;
      tf[p] = counts[doc]?.[i] as number;
      at[k] = p + 1;
    });
  });
  const termOf = new Float64Array(termNo.size);
  for (const [t, k] of termNo) termOf[k] = t;
  return {
    termNo,
    terms,
    counts,
    classOf: groupIndex(docs.map((d) => d.classCode)),
    groupOf: groupIndex(docs.map((d) => d.groupCode)),
    offsets,
    docs: postingDocs,
    tf,
    termOf,
  };
}

/** Terms in at least 2 documents and fewer than this share of them weigh in. */
const MAX_DF_SHARE = 0.3;

const members = (groupOf: Int32Array): number[][] => {
  const out: number[][] = [];
  groupOf.forEach((g, doc) => {
    const list = out[g] ?? [];
    list.push(doc);
    out[g] = list;
  });
  return out;
};

/**
 * The space over the dictionary's texts and, per document, the role names confirmed for it (a name
 * once per confirmed mapping); `texts` is not changed.
 */
export function buildDocSpace(texts: DocTexts, roles: ReadonlyMap<number, readonly string[]> = new Map()): DocSpace {
  const groups = (g: Int32Array) => new Float64Array(g.reduce((m, x) => Math.max(m, x + 1), 0)).fill(Number.NaN);
  const space: DocSpace = {
    texts,
    roleTerms: new Map(),
    roleDocs: new Map(),
    extraDf: new Map(),
    idf: new Float64Array(texts.termNo.size),
    norm: new Float64Array(texts.terms.length),
    sums: new Float64Array(texts.termNo.size),
    classNorm: groups(texts.classOf),
    groupNorm: groups(texts.groupOf),
    classDocs: members(texts.classOf),
    groupDocs: members(texts.groupOf),
  };
  for (const [t, k] of texts.termNo) space.idf[k] = idfOf(space, t);
  for (let doc = 0; doc < texts.terms.length; doc++) space.norm[doc] = docNorm(space, doc);
  addRoleTexts(
    space,
    [...roles].flatMap(([doc, names]) => names.map((text) => ({ doc, text, count: 1 }))),
  );
  return space;
}

/** The number of documents holding a term, the dictionary's and the role names' together. */
function dfOf(space: DocSpace, t: number): number {
  const k = space.texts.termNo.get(t);
  const base = k === undefined ? 0 : (space.texts.offsets[k + 1] as number) - (space.texts.offsets[k] as number);
  return base + (space.extraDf.get(t) ?? 0);
}

/** A term's IDF, or 0 when it does not weigh in (in fewer than 2 or at least MAX_DF_SHARE of the documents). */
function idfOf(space: DocSpace, t: number): number {
  const n = space.texts.terms.length;
  const f = dfOf(space, t);
  return f < 2 || f >= n * MAX_DF_SHARE ? 0 : Math.log(n / f);
}

/** The dictionary's count of a term number in a document (binary search in its postings). */
function baseCount(texts: DocTexts, k: number | undefined, doc: number): number {
  if (k === undefined) return 0;
  let lo = texts.offsets[k] as number;
  let hi = (texts.offsets[k + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = texts.docs[mid] as number;
    if (d === doc) return texts.tf[mid] as number;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** The terms of a document's role names that its dictionary text lacks, in ascending order. */
function roleOnlyTerms(space: DocSpace, doc: number, roles: ReadonlyMap<number, number>): number[] {
  const { texts } = space;
  return [...roles.keys()].filter((t) => baseCount(texts, texts.termNo.get(t), doc) === 0).sort((a, b) => a - b);
}

/**
 * The norm of a document's TF-IDF vector: its dictionary terms in their order (their counts with the
 * role names'), then its role names' other terms in ascending order.
 */
function docNorm(space: DocSpace, doc: number): number {
  const { texts } = space;
  const roles = space.roleTerms.get(doc);
  const ks = texts.terms[doc] as Int32Array;
  const cs = texts.counts[doc] as Int32Array;
  let s = 0;
  for (let i = 0; i < ks.length; i++) {
    const k = ks[i] as number;
    const idf = space.idf[k] as number;
    if (!idf) continue;
    const tf = (cs[i] as number) + (roles?.get(texts.termOf[k] as number) ?? 0);
    s += tfIdf(tf, idf) ** 2;
  }
  if (roles) {
    for (const t of roleOnlyTerms(space, doc, roles)) {
      const idf = idfOf(space, t);
      if (idf) s += tfIdf(roles.get(t) as number, idf) ** 2;
    }
  }
  return Math.sqrt(s);
}

/**
 * Adds role names to their documents (a negative count takes them out again), then renews the norms
 * of the documents whose numbers changed: those that got or lost a term, and those holding a term whose
 * IDF changed. The 小类 and 中类 norms of those documents are computed again when asked.
 */
export function addRoleTexts(space: DocSpace, changes: readonly { doc: number; text: string; count: number }[]) {
  const n = space.texts.terms.length;
  const touched = new Set<number>();
  // The IDF of each term whose document frequency changes, as it was before.
  const idfBefore = new Map<number, number>();
  for (const { doc, text, count } of changes) {
    if (doc < 0 || doc >= n || !count) continue;
    touched.add(doc);
    const own = upsert(space.roleTerms, doc, () => new Map<number, number>());
    forEachTerm(text, (t) => {
      const before = own.get(t) ?? 0;
      const after = before + count;
      if (after < 0) throw new Error('a role name taken out of a document that does not hold it');
      if (after) own.set(t, after);
      else own.delete(t);
      const docs = upsert(space.roleDocs, t, () => new Map<number, number>());
      if (after) docs.set(doc, after);
      else docs.delete(doc);
      if (!docs.size) space.roleDocs.delete(t);
      if ((before === 0) !== (after === 0) && baseCount(space.texts, space.texts.termNo.get(t), doc) === 0) {
        if (!idfBefore.has(t)) idfBefore.set(t, idfOf(space, t));
        const extra = (space.extraDf.get(t) ?? 0) + (after ? 1 : -1);
        if (extra) space.extraDf.set(t, extra);
        else space.extraDf.delete(t);
      }
    });
    if (!own.size) space.roleTerms.delete(doc);
  }
  // A term whose IDF changed changes every document holding it (most terms' do not: too common or too rare either way).
  for (const [t, idf] of idfBefore) {
    const now = idfOf(space, t);
    if (now === idf) continue;
    const k = space.texts.termNo.get(t);
    if (k !== undefined) space.idf[k] = now;
    forEachDocOf(space, t, (doc) => touched.add(doc));
  }
  for (const doc of touched) {
    space.norm[doc] = docNorm(space, doc);
    space.classNorm[space.texts.classOf[doc] as number] = Number.NaN;
    space.groupNorm[space.texts.groupOf[doc] as number] = Number.NaN;
  }
}

/** Calls `fn` with each document holding a term (the dictionary's, then the role names' others). */
function forEachDocOf(space: DocSpace, t: number, fn: (doc: number, tf: number) => void) {
  const { texts } = space;
  const k = texts.termNo.get(t);
  const roles = space.roleDocs.get(t);
  if (k !== undefined) {
    for (let i = texts.offsets[k] as number; i < (texts.offsets[k + 1] as number); i++) {
      const doc = texts.docs[i] as number;
      fn(doc, (texts.tf[i] as number) + (roles?.get(doc) ?? 0));
    }
  }
  if (roles) for (const [doc, tf] of roles) if (baseCount(texts, k, doc) === 0) fn(doc, tf);
}

/**
 * The norm of the sum of the unit vectors of `docs` (ascending): the dictionary terms summed in a buffer
 * by term number, the role names' other terms in a map, each squared in the order first met.
 */
function sumNorm(space: DocSpace, docs: readonly number[]): number {
  const { texts, sums } = space;
  const met: number[] = [];
  const others = new Map<number, number>();
  for (const doc of docs) {
    const norm = space.norm[doc] as number;
    if (!norm) continue;
    const roles = space.roleTerms.get(doc);
    const ks = texts.terms[doc] as Int32Array;
    const cs = texts.counts[doc] as Int32Array;
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i] as number;
      const idf = space.idf[k] as number;
      if (!idf) continue;
      const tf = (cs[i] as number) + (roles?.get(texts.termOf[k] as number) ?? 0);
      if (sums[k] === 0) met.push(k);
      sums[k] = (sums[k] as number) + tfIdf(tf, idf) / norm;
    }
    if (!roles) continue;
    for (const t of roleOnlyTerms(space, doc, roles)) {
      const idf = idfOf(space, t);
      if (idf) others.set(t, (others.get(t) ?? 0) + tfIdf(roles.get(t) as number, idf) / norm);
    }
  }
  let s = 0;
  for (const k of met) {
    s += (sums[k] as number) ** 2;
    sums[k] = 0;
  }
  for (const v of others.values()) s += v * v;
  return Math.sqrt(s);
}

/** Each key's group number, in order of first appearance. */
function groupIndex(keys: readonly string[]): Int32Array {
  const at = new Map<string, number>();
  return Int32Array.from(keys, (k) => idOf(at, k));
}

/** A term's weight: (1 + ln tf) · idf. */
const tfIdf = (tf: number, idf: number) => (1 + Math.log(tf)) * idf;

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
    counts.set(t, (counts.get(t) ?? 0) + 1);
  });
  const q: [number, number][] = [];
  let norm = 0;
  for (const [t, k] of counts) {
    const idf = idfOf(space, t);
    if (!idf) continue;
    const w = tfIdf(k, idf);
    q.push([t, w]);
    norm += w * w;
  }
  if (!q.length) return NONE;
  norm = Math.sqrt(norm);
  const n = space.texts.terms.length;
  const own = new Float64Array(n);
  for (const [t, w] of q) {
    const idf = idfOf(space, t);
    forEachDocOf(space, t, (doc, tf) => {
      own[doc] = (own[doc] as number) + (w / norm) * (tfIdf(tf, idf) / (space.norm[doc] as number));
    });
  }
  const { classOf, groupOf } = space.texts;
  const byClass = new Float64Array(space.classNorm.length);
  const byGroup = new Float64Array(space.groupNorm.length);
  own.forEach((s, doc) => {
    const c = classOf[doc] as number;
    const g = groupOf[doc] as number;
    byClass[c] = (byClass[c] as number) + s;
    byGroup[g] = (byGroup[g] as number) + s;
  });
  const share = (sum: Float64Array, norms: Float64Array, members: number[][], g: number) => {
    if (Number.isNaN(norms[g])) norms[g] = sumNorm(space, members[g] ?? []);
    const z = norms[g] as number;
    return z > 0 ? (sum[g] as number) / z : 0;
  };
  const of = (doc: number): [number, number, number] => {
    if (doc < 0 || doc >= n) return [0, 0, 0];
    return [
      own[doc] as number,
      share(byClass, space.classNorm, space.classDocs, classOf[doc] as number),
      share(byGroup, space.groupNorm, space.groupDocs, groupOf[doc] as number),
    ];
  };
  return Object.assign(of, {
    nearest: (k: number, allow?: (doc: number) => boolean) => largestPositive(own, k, allow),
  });
}
