import { describe, expect, it } from 'vitest';
import { buildDocSpace, type DocSpaceInput, docCosines, readDocTexts } from '../src/rules/doc-space.ts';
import { sampleDictionary } from './fixtures/dictionary.ts';

/** Every 职业 of the shipped facts; the sample's 15 with definitions and tasks (test/fixtures/dictionary.ts). */
const nodes = sampleDictionary();
const name = new Map(nodes.map((n) => [n.code, n.name]));
const input: DocSpaceInput[] = nodes
  .filter((n) => n.level === 4)
  .map((n) => ({
    name: n.name,
    aliases: n.aliases,
    body: [n.definition, n.tasks].filter(Boolean).join(' '),
    parents: [name.get(`${n.code.slice(0, 7)}-00`) ?? '', name.get(`${n.code.slice(0, 4)}-00-00`) ?? ''],
    classCode: n.code.slice(0, 7),
    groupCode: n.code.slice(0, 4),
  }));
const textOf = (d: DocSpaceInput) => [`${d.name} ${d.name} ${d.name}`, ...d.aliases, d.body, ...d.parents].join(' ');

/** The same TF-IDF written plainly over string terms: the oracle for the postings arithmetic. */
function plainVectors(texts: string[]) {
  const terms = (t: string) => {
    const out = new Map<string, number>();
    for (const run of t.match(/[\u4e00-\u9fff]+/g) ?? []) {
      const cs = [...run];
      cs.forEach((c, i) => {
        out.set(c, (out.get(c) ?? 0) + 1);
        if (i > 0) out.set(cs[i - 1] + c, (out.get(cs[i - 1] + c) ?? 0) + 1);
      });
    }
    return out;
  };
  const counts = texts.map(terms);
  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = texts.length;
  const vec = (c: Map<string, number>) => {
    const v = new Map<string, number>();
    for (const [t, k] of c) {
      const f = df.get(t) ?? 0;
      if (f >= 2 && f < n * 0.3) v.set(t, (1 + Math.log(k)) * Math.log(n / f));
    }
    const norm = Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  };
  const dot = (a: Map<string, number>, b: Map<string, number>) => {
    let s = 0;
    for (const [t, w] of a) s += w * (b.get(t) ?? 0);
    return s;
  };
  const sum = (vs: Map<string, number>[]) => {
    const out = new Map<string, number>();
    for (const v of vs) for (const [t, w] of v) out.set(t, (out.get(t) ?? 0) + w);
    return out;
  };
  return { docs: counts.map(vec), query: (t: string) => vec(terms(t)), dot, sum };
}

describe('the 职业 texts as TF-IDF vectors', () => {
  const space = buildDocSpace(readDocTexts(input));

  it('gives a 职业 its own text a cosine of 1, above every other 职业', () => {
    const welder = input.findIndex((d) => d.name === '焊工');
    const cos = docCosines(space, textOf(input[welder] as DocSpaceInput));
    expect(cos(welder)[0]).toBeCloseTo(1, 9);
    for (let d = 0; d < input.length; d++) if (d !== welder) expect(cos(d)[0]).toBeLessThan(0.9);
  });

  it('agrees with a plain computation for the 职业, its 小类 and its 中类', () => {
    const welder = input.findIndex((d) => d.name === '焊工');
    expect(input[welder]?.body).toMatch(/焊接/);
    const plain = plainVectors(input.map(textOf));
    for (const title of ['风电运维工程师', '月子中心月嫂', '数控铣床操作工（包吃住）', '焊工']) {
      const cos = docCosines(space, title);
      const q = plain.query(title);
      // Spread over the file, and 焊工, whose text has the sample's definition and tasks.
      for (const d of [0, 100, 500, 900, 1300, welder, input.length - 1]) {
        const own = input[d] as DocSpaceInput;
        const group = (key: 'classCode' | 'groupCode') => {
          const s = plain.sum(plain.docs.filter((_, i) => input[i]?.[key] === own[key]));
          return plain.dot(q, s) / Math.sqrt(plain.dot(s, s));
        };
        const [a, b, c] = cos(d);
        expect(a).toBeCloseTo(plain.dot(q, plain.docs[d] as Map<string, number>), 9);
        expect(b).toBeCloseTo(group('classCode'), 9);
        expect(c).toBeCloseTo(group('groupCode'), 9);
      }
    }
  });

  it('names the nearest documents by cosine, nearest first, as a full sort would', () => {
    for (const title of ['风电运维工程师', '月子中心月嫂', '焊工', '喵']) {
      const cos = docCosines(space, title);
      const all = input.map((_, d) => ({ d, v: cos(d)[0] })).filter((x) => x.v > 0);
      all.sort((a, b) => b.v - a.v || a.d - b.d);
      for (const k of [1, 5, 20]) expect(cos.nearest(k)).toEqual(all.slice(0, k).map((x) => x.d));
      expect(cos.nearest(0)).toEqual([]);
    }
    expect(docCosines(space, 'CNC operator').nearest(5)).toEqual([]);
  });

  it('adds confirmed role names to their documents, leaving the dictionary’s texts as they were', () => {
    const texts = readDocTexts(input);
    const size = texts.termNo.size;
    const welder = input.findIndex((d) => d.name === '焊工');
    const roles = new Map([
      [welder, ['氩弧焊师傅', '氩弧焊师傅', '焊工学徒']],
      [7, ['喵喵喵喵测试岗']],
      [8, ['喵喵喵喵测试岗']],
    ]);
    const withRoles = buildDocSpace(texts, roles);
    expect(texts.termNo.size).toBe(size);
    const plain = plainVectors(input.map((d, i) => [textOf(d), ...(roles.get(i) ?? [])].join(' ')));
    for (const title of ['氩弧焊师傅', '喵喵测试', '焊工']) {
      const cos = docCosines(withRoles, title);
      const q = plain.query(title);
      for (const d of [welder, 7, 8, 0])
        expect(cos(d)[0]).toBeCloseTo(plain.dot(q, plain.docs[d] as Map<string, number>), 9);
    }
    expect(docCosines(withRoles, '喵喵')(7)[0]).toBeGreaterThan(0);
    expect(docCosines(space, '喵喵')(7)[0]).toBe(0);
  });

  it('is 0 for a title without weighed Chinese terms, and for a document it does not hold', () => {
    expect(docCosines(space, 'CNC operator')(0)).toEqual([0, 0, 0]);
    expect(docCosines(space, '焊工')(-1)).toEqual([0, 0, 0]);
    expect(docCosines(space, '焊工')(input.length)).toEqual([0, 0, 0]);
  });
});
