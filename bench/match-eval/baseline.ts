/**
 * The reference point the issue names: a plain character-bigram TF-IDF (cosine) over
 * each 职业's name and aliases. No cleaning, no words, no hierarchy.
 */
import type { DictionaryNode } from '@hub/occupations/rules';

function bigrams(s: string): string[] {
  const chars = [...s.normalize('NFKC').toLowerCase().replace(/\s+/g, '')];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

export function bigramBaseline(nodes: readonly DictionaryNode[]): (title: string) => string[] {
  const docs = nodes.filter((n) => n.level === 4);
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const b of bigrams([d.name, ...d.aliases].join(' '))) tf.set(b, (tf.get(b) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const b of tf.keys()) df.set(b, (df.get(b) ?? 0) + 1);
  const idf = (b: string) => Math.log(1 + docs.length / (df.get(b) ?? docs.length));
  const vecs = tfs.map((tf) => {
    const v = new Map<string, number>();
    let n = 0;
    for (const [b, c] of tf) {
      const w = c * idf(b);
      v.set(b, w);
      n += w * w;
    }
    return { v, n: Math.sqrt(n) };
  });
  return (title) => {
    const q = new Map<string, number>();
    for (const b of bigrams(title)) q.set(b, (q.get(b) ?? 0) + 1);
    let qn = 0;
    for (const [b, c] of q) qn += (c * idf(b)) ** 2;
    qn = Math.sqrt(qn);
    const scored = vecs.map(({ v, n }, i) => {
      let dot = 0;
      for (const [b, c] of q) dot += c * idf(b) * (v.get(b) ?? 0);
      return { i, s: n && qn ? dot / (n * qn) : 0 };
    });
    scored.sort((a, b) => b.s - a.s || a.i - b.i);
    return scored.slice(0, 3).map((x) => docs[x.i]?.code as string);
  };
}
