import { describe, expect, it } from 'vitest';
import {
  buildClassifier,
  classifierFeatures,
  classify,
  LOG_POSTERIOR_FLOOR,
  levelCode,
  posteriorFeatures,
} from '../src/rules/classifier.ts';

/** A segmenter good enough for the test: the words it is told, where they occur. */
const words = ['焊工', '电焊', '电工', '维修', '厨师', '粤菜', '烹调'];
const segment = (text: string) => words.filter((w) => text.includes(w));

const examples = [
  { text: '电焊工', occupationCode: '6-18-02-04', count: 2 },
  { text: '氩弧焊工', occupationCode: '6-18-02-04', count: 1 },
  { text: '维修电工', occupationCode: '6-31-01-03', count: 1 },
  { text: '粤菜厨师', occupationCode: '4-03-02-01', count: 1 },
  { text: '中餐厨师', occupationCode: '4-03-02-01', count: 1 },
  { text: '面点师', occupationCode: '4-03-02-02', count: 1 },
];

const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);

describe('the classifier learned from confirmed mappings (naive Bayes at 中类, 小类, 职业)', () => {
  it('cuts a role name into character 1–3-grams and words', () => {
    expect(classifierFeatures(segment, '电焊工').sort()).toEqual(
      ['c:电', 'c:焊', 'c:工', 'c:电焊', 'c:焊工', 'c:电焊工', 'w:电焊', 'w:焊工'].sort(),
    );
  });

  it('names the levels by their code prefixes', () => {
    expect([0, 1, 2].map((l) => levelCode('6-18-02-04', l))).toEqual(['6-18', '6-18-02', '6-18-02-04']);
  });

  it('gives posteriors summing to one at each level, the right class first', () => {
    const clf = buildClassifier(segment, examples);
    expect(clf.levels.map((l) => l.length)).toEqual([3, 3, 4]);
    const post = classify(clf, segment, '二保焊焊工');
    for (const level of post.levels) expect(sum(level.p)).toBeCloseTo(1, 6);
    const welder = posteriorFeatures(post, '6-18-02-04');
    const cook = posteriorFeatures(post, '4-03-02-01');
    for (let i = 0; i < 6; i++) expect(welder[i] as number).toBeGreaterThan(cook[i] as number);
  });

  it('backs an occupation off to its 小类 and 中类: a sibling of the mapped occupations shares their 中类', () => {
    const clf = buildClassifier(segment, examples);
    const post = classify(clf, segment, '湘菜厨师');
    const sibling = posteriorFeatures(post, '4-03-02-99'); // never mapped, same 小类 as 中式烹调师
    const other = posteriorFeatures(post, '6-18-02-04');
    expect(sibling[1] as number).toBeGreaterThan(0.5); // 中类 4-03
    expect(sibling[3] as number).toBeGreaterThan(0.5); // 小类 4-03-02
    expect(sibling[4]).toBe(LOG_POSTERIOR_FLOOR); // the 职业 itself has no mapping
    expect(sibling[5]).toBe(0);
    expect(other[1] as number).toBeLessThan(0.5);
  });

  it('says nothing without mappings or without a known feature', () => {
    const none = posteriorFeatures(classify(buildClassifier(segment, []), segment, '焊工'), '6-18-02-04');
    expect(none).toEqual([LOG_POSTERIOR_FLOOR, 0, LOG_POSTERIOR_FLOOR, 0, LOG_POSTERIOR_FLOOR, 0]);
    const clf = buildClassifier(segment, examples);
    expect(posteriorFeatures(classify(clf, segment, '###'), '6-18-02-04')).toEqual(none);
  });
});
