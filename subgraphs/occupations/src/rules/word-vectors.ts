/**
 * Word vectors (词向量): word2vec vectors of Chinese words, so that a title can be compared with an
 * occupation or a confirmed role name by meaning where they share no character (美工 ~ 平面设计,
 * 文员 ~ 秘书). The default file is the one `node-synonyms` ships (100 dimensions, 125,796 words,
 * trained on Chinese Wikipedia; the package is GPL-3.0, the hub reads only its data file);
 * HUB_WORD_VECTORS names another file in word2vec's binary format.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface WordVectors {
  dim: number;
  /** The unit vector of a word, or undefined when the file lacks it. */
  get(word: string): Float32Array | undefined;
}

/**
 * Reads word2vec's binary format ("<count> <dim>\n", then per word "<word> " and dim little-endian
 * float32). Only the words are read up front; a vector is decoded (and normalized) when first asked for.
 */
export function readWordVectors(buf: Buffer): WordVectors {
  let p = buf.indexOf(10);
  const [count, dim] = buf.subarray(0, p).toString('latin1').trim().split(/\s+/).map(Number);
  if (!count || !dim || p < 0) throw new Error('word vectors: not a word2vec binary file (no "<count> <dim>" header)');
  p++;
  const offset = new Map<string, number>();
  for (let i = 0; i < count && p < buf.length; i++) {
    while (buf[p] === 10 || buf[p] === 32) p++;
    const space = buf.indexOf(32, p);
    if (space < 0) break;
    offset.set(buf.toString('utf8', p, space), space + 1);
    p = space + 1 + dim * 4;
  }
  if (p > buf.length) throw new Error('word vectors: the file is cut short');
  const decoded = new Map<string, Float32Array>();
  return {
    dim,
    get(word) {
      let v = decoded.get(word);
      if (v) return v;
      const at = offset.get(word);
      if (at === undefined) return undefined;
      v = new Float32Array(dim);
      for (let d = 0; d < dim; d++) v[d] = buf.readFloatLE(at + d * 4);
      v = unit(v) ?? v;
      decoded.set(word, v);
      return v;
    },
  };
}

/** The vectors file the hub reads: HUB_WORD_VECTORS, else the one node-synonyms ships. */
export function wordVectorsFile(): string {
  return process.env.HUB_WORD_VECTORS || createRequire(import.meta.url).resolve('node-synonyms/data/words.vector');
}

const loaded = new Map<string, WordVectors>();
/** The vectors of `file` (read once per process). */
export function loadWordVectors(file = wordVectorsFile()): WordVectors {
  let v = loaded.get(file);
  if (!v) {
    let buf: Buffer;
    try {
      buf = readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new Error(`word vectors: cannot read ${file} (${code}); HUB_WORD_VECTORS names a word2vec binary file`);
    }
    v = readWordVectors(buf);
    loaded.set(file, v);
  }
  return v;
}

/**
 * The unit mean of the vectors of a text's words (`words`: jieba's accurate cut). A word the file lacks
 * is read as the mean of its `parts` the file has (jieba's search cut: 育儿嫂 → 育儿, 嫂), else of its
 * characters; null when nothing is known.
 */
export function textVector(
  wv: WordVectors,
  words: readonly string[],
  parts: (word: string) => string[],
): Float32Array | null {
  const sum = new Float32Array(wv.dim);
  let any = false;
  const addMean = (vs: Float32Array[]) => {
    for (const v of vs) for (let d = 0; d < wv.dim; d++) sum[d] = (sum[d] as number) + (v[d] as number) / vs.length;
    any = true;
  };
  for (const w of words) {
    if (!/\p{L}/u.test(w)) continue;
    const v = wv.get(w);
    if (v) {
      addMean([v]);
      continue;
    }
    const known = (list: string[]) => list.flatMap((x) => wv.get(x) ?? []);
    const byParts = known(parts(w).filter((x) => x !== w));
    const use = byParts.length ? byParts : known([...w]);
    if (use.length) addMean(use);
  }
  return any ? unit(sum) : null;
}

/** `v` scaled to length 1 (in place); null for the zero vector. */
export function unit(v: Float32Array): Float32Array | null {
  let norm = 0;
  for (const x of v) norm += x * x;
  if (!norm) return null;
  norm = Math.sqrt(norm);
  for (let d = 0; d < v.length; d++) v[d] = (v[d] as number) / norm;
  return v;
}

/** The dot product (the cosine of unit vectors); 0 when either is missing. */
export function dot(a: Float32Array | null | undefined, b: Float32Array | null | undefined): number {
  if (!a || !b) return 0;
  let s = 0;
  for (let d = 0; d < a.length; d++) s += (a[d] as number) * (b[d] as number);
  return s;
}
