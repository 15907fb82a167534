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

export interface DocSpaceInput {
  /** The 职业's name, aliases, definition and tasks (body). */
  name: string;
  aliases: readonly string[];
  body: string;
  /** Names of its 小类 and 中类. */
  parents: readonly string[];
  /** The role names confirmed for it (a name once per confirmed mapping), if any. */
  roles?: readonly string[];
  /** Group keys: its 小类's and 中类's codes. */
  classCode: string;
  groupCode: string;
}

export interface DocSpace {
  /** Term (see forEachTerm) → its slot in `idf` and `postings`. */
  vocab: Map<number, number>;
  idf: Float64Array;
  /** Per term: the documents holding it (ascending) and its weight in each unit vector. */
  postings: { docs: Int32Array; weights: Float64Array }[];
  /** Per document, its 小类 and 中类 (indexes into the norms below). */
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

/** Terms in at least 2 documents and fewer than this share of them weigh in. */
const MAX_DF_SHARE = 0.3;

export function buildDocSpace(docs: readonly DocSpaceInput[]): DocSpace {
  const n = docs.length;
  // Pass 1: each document's terms with their counts (as term numbers), and each term's document frequency.
  const termNo = new Map<number, number>();
  const df: number[] = [];
  const count: number[] = [];
  const perDoc = docs.map((d) => {
    const touched: number[] = [];
    forEachTerm(
      [`${d.name} ${d.name} ${d.name}`, ...d.aliases, d.body, ...d.parents, ...(d.roles ?? [])].join(' '),
      (t) => {
        let k = termNo.get(t);
        if (k === undefined) {
          k = df.length;
          termNo.set(t, k);
          df.push(0);
          count.push(0);
        }
        if (count[k] === 0) touched.push(k);
        count[k] = (count[k] as number) + 1;
      },
    );
    const tf = touched.map((k) => count[k] as number);
    for (const k of touched) {
      df[k] = (df[k] as number) + 1;
      count[k] = 0;
    }
    return { terms: touched, tf };
  });
  // Pass 2: the weighed vocabulary and the documents' unit vectors, as postings.
  const vocab = new Map<number, number>();
  const slot = new Int32Array(df.length).fill(-1);
  const idfs: number[] = [];
  for (const [t, k] of termNo) {
    const f = df[k] as number;
    if (f < 2 || f >= n * MAX_DF_SHARE) continue;
    slot[k] = idfs.length;
    vocab.set(t, idfs.length);
    idfs.push(Math.log(n / f));
  }
  const idf = Float64Array.from(idfs);
  const postDocs: number[][] = idfs.map(() => []);
  const postWeights: number[][] = idfs.map(() => []);
  perDoc.forEach(({ terms, tf }, doc) => {
    const v = unit(
      terms.map((k) => slot[k] as number),
      tf,
      idf,
    );
    for (const [f, w] of v) {
      postDocs[f]?.push(doc);
      postWeights[f]?.push(w);
    }
  });
  const postings = postDocs.map((d, f) => ({
    docs: Int32Array.from(d),
    weights: Float64Array.from(postWeights[f] ?? []),
  }));
  const classOf = groupIndex(docs.map((d) => d.classCode));
  const groupOf = groupIndex(docs.map((d) => d.groupCode));
  return {
    vocab,
    idf,
    postings,
    classOf,
    groupOf,
    classNorm: sumNorms(postings, classOf),
    groupNorm: sumNorms(postings, groupOf),
  };
}

/** Each key's group number, in order of first appearance. */
function groupIndex(keys: readonly string[]): Int32Array {
  const at = new Map<string, number>();
  return Int32Array.from(keys, (k) => {
    let i = at.get(k);
    if (i === undefined) {
      i = at.size;
      at.set(k, i);
    }
    return i;
  });
}

/** The unit TF-IDF vector ((1 + ln tf) · idf) of vocabulary slots (−1: not weighed) with their counts. */
function unit(slots: readonly number[], tf: readonly number[], idf: Float64Array): [number, number][] {
  const v: [number, number][] = [];
  let norm = 0;
  slots.forEach((f, i) => {
    if (f < 0) return;
    const w = (1 + Math.log(tf[i] as number)) * (idf[f] as number);
    v.push([f, w]);
    norm += w * w;
  });
  norm = Math.sqrt(norm);
  return norm > 0 ? v.map(([f, w]) => [f, w / norm]) : v;
}

/** Per group, the norm of the sum of its documents' unit vectors, term by term from the postings. */
function sumNorms(postings: DocSpace['postings'], groupOf: Int32Array): Float64Array {
  const squares = new Float64Array(groupOf.reduce((m, g) => Math.max(m, g + 1), 0));
  const sum = new Float64Array(squares.length);
  const touched: number[] = [];
  for (const p of postings) {
    for (let i = 0; i < p.docs.length; i++) {
      const g = groupOf[p.docs[i] as number] as number;
      if (sum[g] === 0) touched.push(g);
      sum[g] = (sum[g] as number) + (p.weights[i] as number);
    }
    for (const g of touched) {
      squares[g] = (squares[g] as number) + (sum[g] as number) ** 2;
      sum[g] = 0;
    }
    touched.length = 0;
  }
  return squares.map(Math.sqrt);
}

/**
 * For a title, per document: the cosine with its text, and with its 小类's and 中类's mean vectors
 * (all 0 when the title shares no weighed term with any document).
 */
export function docCosines(space: DocSpace, title: string): (doc: number) => [number, number, number] {
  const counts = new Map<number, number>();
  forEachTerm(title, (t) => {
    const f = space.vocab.get(t);
    if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
  });
  const q = unit([...counts.keys()], [...counts.values()], space.idf);
  if (!q.length) return () => [0, 0, 0];
  const n = space.classOf.length;
  const own = new Float64Array(n);
  for (const [f, w] of q) {
    const p = space.postings[f];
    if (!p) continue;
    for (let i = 0; i < p.docs.length; i++) {
      const doc = p.docs[i] as number;
      own[doc] = (own[doc] as number) + w * (p.weights[i] as number);
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
  return (doc) => {
    if (doc < 0 || doc >= n) return [0, 0, 0];
    return [
      own[doc] as number,
      share(byClass, space.classNorm, space.classOf[doc] as number),
      share(byGroup, space.groupNorm, space.groupOf[doc] as number),
    ];
  };
}
