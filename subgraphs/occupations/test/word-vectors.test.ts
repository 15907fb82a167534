import { describe, expect, it } from 'vitest';
import { buildRoleVectors, VECTOR_FEATURES, vectorFeatures } from '../src/rules/vector-features.ts';
import { dot, loadWordVectors, readWordVectors, textVector } from '../src/rules/word-vectors.ts';

/** A word2vec binary file: "<count> <dim>\n", then per word "<word> " and dim float32 (little-endian) and "\n". */
function word2vec(words: Record<string, number[]>): Buffer {
  const entries = Object.entries(words);
  const dim = entries[0]?.[1].length ?? 0;
  const parts = [Buffer.from(`${entries.length} ${dim}\n`)];
  for (const [w, v] of entries) {
    const f = Buffer.alloc(dim * 4);
    v.forEach((x, d) => {
      f.writeFloatLE(x, d * 4);
    });
    parts.push(Buffer.from(`${w} `), f, Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

const file = word2vec({ 文员: [3, 4], 助理: [4, 3], 厨师: [0, 2], 育儿: [1, 0], 嫂: [0, 1] });

describe('word vectors (词向量)', () => {
  it('reads word2vec’s binary format, each vector scaled to length 1', () => {
    const wv = readWordVectors(file);
    expect(wv.dim).toBe(2);
    expect([...(wv.get('文员') ?? [])]).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
    expect([...(wv.get('厨师') ?? [])]).toEqual([0, 1]);
    expect(wv.get('焊工')).toBeUndefined();
    expect(dot(wv.get('文员'), wv.get('助理'))).toBeCloseTo(0.96, 6);
  });

  it('refuses a file that is not word2vec’s binary format, or is cut short', () => {
    expect(() => readWordVectors(Buffer.from('hello\n'))).toThrow(/not a word2vec binary file/);
    expect(() => readWordVectors(file.subarray(0, file.length - 6))).toThrow(/cut short/);
    expect(() => loadWordVectors('/nonexistent/words.vector')).toThrow(
      /cannot read \/nonexistent\/words\.vector \(ENOENT\)/,
    );
  });

  it('reads a text as the mean of its words; an unknown word by its known parts, else its characters', () => {
    const wv = readWordVectors(file);
    const parts = (w: string) => (w === '育儿嫂' ? ['育儿', '嫂', '育儿嫂'] : []);
    // 育儿嫂 is unknown: the mean of 育儿 and 嫂, (0.5, 0.5), scaled to length 1.
    const v = textVector(wv, ['育儿嫂'], parts);
    expect([...(v ?? [])]).toEqual([expect.closeTo(Math.SQRT1_2, 6), expect.closeTo(Math.SQRT1_2, 6)]);
    // 文厨 is unknown and has no parts: its characters, neither known, give nothing.
    expect(textVector(wv, ['文厨'], parts)).toBeNull();
    expect(textVector(wv, ['!'], parts)).toBeNull();
    // Two known words: the unit mean.
    expect(dot(textVector(wv, ['文员', '助理'], parts), textVector(wv, ['助理', '文员'], parts))).toBeCloseTo(1, 6);
  });

  it('loads the shipped file (node-synonyms’ word2vec vectors): 100 dimensions, clerks nearer secretaries than welders', () => {
    const wv = loadWordVectors();
    expect(wv.dim).toBe(100);
    expect(loadWordVectors()).toBe(wv); // read once per process
    expect(dot(wv.get('文员'), wv.get('秘书'))).toBeGreaterThan(dot(wv.get('文员'), wv.get('焊工')) + 0.2);
  });
});

describe('the word-vector features of the reranker', () => {
  const wv = readWordVectors(file);
  const text = (s: string) => textVector(wv, s.split(' '), () => []);

  it('votes by the nearest confirmed role names and compares with each 职业’s centroid', () => {
    const roles = buildRoleVectors(text, [
      { name: '助理', text: '助理', at: 0, count: 2 },
      { name: '厨师', text: '厨师', at: 1, count: 1 },
      { name: '焊工', text: '焊工', at: 2, count: 1 }, // no vector: left out
    ]);
    expect(roles.at.length).toBe(2);
    expect(roles.matrix.length).toBe(4);
    const nearestRole = new Map<number, { name: string; cosine: number }>();
    const [clerk, cook, none] = vectorFeatures(text, roles, '文员', [0, 1, 5], nearestRole) as number[][];
    expect(nearestRole.get(0)).toEqual({ name: '助理', cosine: expect.closeTo(0.96, 6) });
    expect(nearestRole.get(1)).toEqual({ name: '厨师', cosine: expect.closeTo(0.8, 6) });
    const f = (x: number[] | undefined, name: (typeof VECTOR_FEATURES)[number]) => x?.[VECTOR_FEATURES.indexOf(name)];
    // Weights: 助理 0.96 × 2 = 1.92, 厨师 0.8 × 1 = 0.8.
    expect(f(clerk, 'vecNearVote')).toBeCloseTo(1.92 / 2.72, 6);
    expect(f(cook, 'vecNearVote')).toBeCloseTo(0.8 / 2.72, 6);
    expect(f(clerk, 'vecNearBest')).toBeCloseTo(0.96, 6);
    expect(f(clerk, 'vecCentroid')).toBeCloseTo(0.96, 6);
    expect(f(cook, 'vecCentroid')).toBeCloseTo(0.8, 6);
    expect(none).toEqual(VECTOR_FEATURES.map(() => 0));
  });

  it('is all 0 without vectors, without confirmed role names, or for a title it cannot read', () => {
    const roles = buildRoleVectors(text, [{ name: '助理', text: '助理', at: 0, count: 1 }]);
    const zeros = [VECTOR_FEATURES.map(() => 0)];
    expect(vectorFeatures(null, roles, '文员', [0])).toEqual(zeros);
    expect(vectorFeatures(text, buildRoleVectors(text, []), '文员', [0])).toEqual(zeros);
    expect(vectorFeatures(text, roles, '焊工', [0])).toEqual(zeros);
    expect(buildRoleVectors(null, [{ name: '助理', text: '助理', at: 0, count: 1 }]).at).toEqual([]);
  });
});
