import { workTypeReference } from '@hub/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { docCosines } from '../src/rules/doc-space.ts';
import {
  buildMappingIndex,
  buildMatchIndex,
  type MatchIndex,
  mappingEntries,
  matchOccupations,
  type RankedCandidate,
  RERANK_DEPTH,
  RERANK_FEATURES,
  type Reranker,
  rerankCandidates,
  TEXT_NEIGHBOURS,
} from '../src/rules/match.ts';
import { createSegmenter } from '../src/rules/segment.ts';
import { sampleDictionary } from './fixtures/dictionary.ts';

/**
 * The shipped facts of the whole dictionary with the definitions and tasks of the tests' sample
 * (test/fixtures/dictionary.ts: 15 职业, texts written for the tests), and the seeded work types.
 */
const nodes = sampleDictionary();
let index: MatchIndex;
// The index build (segmenter, TF-IDF space) takes seconds; far more on a busy machine.
beforeAll(() => {
  index = buildMatchIndex({
    nodes,
    workTypes: workTypeReference(),
    segment: createSegmenter(nodes.flatMap((n) => [n.name, ...n.aliases])),
  });
}, 120_000);

const top = (title: string, n = 3) => matchOccupations(index, { title }, n);
const codes = (title: string, n = 3) => top(title, n).map((m) => m.workTypeCode ?? m.occupationCode);

describe('nearest match on the dictionary alone', () => {
  it('maps the issue’s skilled-trade roles to their occupations first', () => {
    expect(['6-18-01-02', '6-18-01-07']).toContain(top('数控铣床操作工')[0]?.occupationCode); // 铣工 or 多工序数控机床操作调整工
    expect(top('粤菜厨师')[0]?.occupationCode).toBe('4-03-02-01'); // 中式烹调师
    expect(top('塔吊司机')[0]?.occupationCode).toBe('6-30-05-01'); // 起重装卸机械操作工
  });

  it('returns only 职业 (level 4) and work types, one entry per occupation, best first, scores in 0..1', () => {
    const level = new Map(nodes.map((o) => [o.code, o.level]));
    for (const title of ['焊工', '销售经理', '抖音新媒体运营专员', '锂电池极片制片工']) {
      const found = top(title, 10);
      expect(found.length).toBeGreaterThan(0);
      for (const m of found) {
        expect(level.get(m.occupationCode)).toBe(4);
        expect(m.score).toBeGreaterThan(0);
        expect(m.score).toBeLessThanOrEqual(1);
        expect(m.reason.length).toBeGreaterThan(0);
      }
      expect(new Set(found.map((m) => m.occupationCode)).size).toBe(found.length);
      expect(found.map((m) => m.score)).toEqual([...found.map((m) => m.score)].sort((a, b) => b - a));
    }
  });

  it('gives an equal name the top score and says so', () => {
    const [m] = top('焊工');
    expect(m?.occupationCode).toBe('6-18-02-04');
    expect(m?.reason).toMatch(/相同/);
  });

  it('names an alias hit in the reason', () => {
    const [m] = top('叉车司机');
    expect(m?.occupationCode).toBe('6-30-05-01');
    expect(m?.reason).toContain('别名“叉车司机”');
  });

  it('prefers a work type whose name the title carries, with its occupation', () => {
    const [m] = top('二氧化碳保护焊电焊工');
    expect(m).toMatchObject({ occupationCode: '6-18-02-04', workTypeCode: '6-18-02-04-01' });
    expect(m?.reason).toMatch(/工种/);
  });

  it('reads the everyday titles of a 职业 as its names, and says so (高压电工 → 电工)', () => {
    const [m] = top('高压电工');
    expect(m).toMatchObject({ occupationCode: '6-31-01-03' });
    expect(m?.reason).toMatch(/岗位俗称“高压电工”/);
    const bare = buildMatchIndex({ nodes, workTypes: workTypeReference(), segment: index.segment, commonTitles: [] });
    expect(matchOccupations(bare, { title: '高压电工' }, 3)[0]?.reason).not.toMatch(/岗位俗称/);
  });

  it('reads shop-floor words through the lexicon (塔吊 → 塔式起重机)', () => {
    expect(top('塔吊司机')[0]?.reason).toMatch(/俗称/);
  });

  it('strips hiring noise: the same role with and without it ranks alike', () => {
    expect(codes('招聘电焊工 包吃住 月薪8000')[0]).toBe(codes('电焊工')[0]);
  });

  it('reads a negated phrase as nothing: the same answer as without it, 营销员 not brought in by 无销售', () => {
    for (const [negated, plain] of [
      ['非销售类客服', '客服'],
      ['电话客服（无销售性质）', '电话客服'],
      ['货运司机不装卸', '货运司机'],
    ] as const) {
      expect(top(negated, 5)).toEqual(top(plain, 5));
    }
    // Where 营销员 stands (30 deep: the everyday titles of customer service, 水务客服, 货代客服 …, come
    // first): the negated aside leaves it where the bare title has it, the same words not negated lift it.
    const sales = (title: string) => codes(title, 30).indexOf('4-01-02-01');
    expect(sales('客服（无销售性质）')).toBe(sales('客服'));
    expect(sales('客服（销售性质）')).toBeGreaterThanOrEqual(0);
    expect(sales('客服（销售性质）')).toBeLessThan(sales('客服') < 0 ? 30 : sales('客服'));
  });

  it('returns nothing for a title with nothing to match', () => {
    expect(top('￥￥￥')).toEqual([]);
  });
});

describe('the scope: skill occupations (技能类职业) only, or all', () => {
  const marked = new Map(nodes.map((n) => [n.code, n.code.charAt(0)]));
  it('ranks only 大类 3–6 under SKILL, and every 职业 under ALL (the default here)', () => {
    const all = matchOccupations(index, { title: '软件工程师' }, 10);
    expect(all.map((m) => marked.get(m.occupationCode))).toContain('2');
    expect(matchOccupations(index, { title: '软件工程师', scope: 'ALL' }, 10)).toEqual(all);
    const skill = matchOccupations(index, { title: '软件工程师', scope: 'SKILL' }, 10);
    expect(skill.length).toBeGreaterThan(0);
    for (const m of skill) expect(['3', '4', '5', '6']).toContain(marked.get(m.occupationCode));
    // A skill title keeps its answer.
    expect(top('叉车司机')[0]).toEqual(matchOccupations(index, { title: '叉车司机', scope: 'SKILL' }, 1)[0]);
  });

  it('follows a corrected mark: a 职业 marked not skill leaves SKILL, its work types with it', () => {
    const corrected = buildMatchIndex({
      nodes: nodes.map((n) => (n.code === '6-18-02-04' ? { ...n, isSkill: false } : n)),
      workTypes: workTypeReference(),
      segment: index.segment,
    });
    const codesOf = (scope: 'SKILL' | 'ALL') =>
      matchOccupations(corrected, { title: '电焊工', scope }, 10).map((m) => m.occupationCode);
    expect(codesOf('ALL')[0]).toBe('6-18-02-04');
    expect(codesOf('SKILL')).not.toContain('6-18-02-04');
    const candidates = rerankCandidates(corrected, { title: '电焊工', scope: 'SKILL' });
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(c.occupationCode).not.toBe('6-18-02-04');
  }, 120_000); // builds a whole index: seconds on a busy machine
});

describe('confirmed mappings feed the matcher', () => {
  it('lifts a confirmed occupation from third to first for the same and for a similar title', () => {
    const title = '涂布机长';
    const before = codes(title, 5);
    const y = before[2] as string;
    expect(before[0]).not.toBe(y);
    const learned: MatchIndex = {
      ...index,
      mappings: buildMappingIndex(index, [{ roleName: title, occupationCode: y, workTypeCode: null }]),
    };
    const after = matchOccupations(learned, { title }, 3);
    expect(after[0]?.occupationCode).toBe(y);
    expect(after[0]?.reason).toContain('已确认的企业岗位映射“涂布机长”');
    expect(matchOccupations(learned, { title: '招聘涂布机长（三班倒）' }, 3)[0]?.occupationCode).toBe(y);
    // The index without the mapping is untouched.
    expect(codes(title, 5)).toEqual(before);
  });

  it('lets the equal-name rule stand aside when a confirmed role name is close to the title', () => {
    // A reranker that only weighs the nearest confirmed role name's similarity.
    const byMapping: Reranker = { weights: RERANK_FEATURES.map((f) => (f === 'mappingSim' ? 5 : 0)), bias: 0 };
    const plain = { ...index, reranker: byMapping };
    expect(matchOccupations(plain, { title: '焊工' }, 1)[0]?.occupationCode).toBe('6-18-02-04'); // the rule
    const y = '6-18-02-01';
    const learned: MatchIndex = {
      ...plain,
      mappings: buildMappingIndex(index, [{ roleName: '焊工', occupationCode: y, workTypeCode: null }]),
    };
    expect(matchOccupations(learned, { title: '焊工' }, 1)[0]?.occupationCode).toBe(y);
  });

  it('feeds the mappings to a classifier: the candidates of a mapped 中类 get its posterior', () => {
    const learned: MatchIndex = {
      ...index,
      mappings: buildMappingIndex(index, [
        { roleName: '涂布机长', occupationCode: '6-24-04-00', workTypeCode: null },
        { roleName: '极片制片工', occupationCode: '6-24-04-00', workTypeCode: null },
      ]),
    };
    const cands = rerankCandidates(learned, { title: '涂布机长' });
    const group = (c: RankedCandidate) => c.features[RERANK_FEATURES.indexOf('nbGroup')] as number;
    for (const c of cands) expect(group(c)).toBe(c.occupationCode.startsWith('6-24') ? 1 : 0);
  });

  it('counts the same mapping confirmed for several enterprises once, with its count', () => {
    const m = { roleName: '极片制片工', occupationCode: '6-24-04-00', workTypeCode: null };
    const mi = buildMappingIndex(index, [m, m, { ...m, roleName: '极片制片工 ' }]);
    expect(mappingEntries(mi)).toHaveLength(1);
    expect(mappingEntries(mi)[0]?.count).toBe(3);
  });

  it('leaves out mappings to codes the dictionary does not have', () => {
    const mi = buildMappingIndex(index, [{ roleName: '某岗位', occupationCode: '9-99-99-99', workTypeCode: null }]);
    expect(mappingEntries(mi)).toHaveLength(0);
  });
});

describe('the reranker over the first stage', () => {
  const feature = (c: RankedCandidate, name: (typeof RERANK_FEATURES)[number]) =>
    c.features[RERANK_FEATURES.indexOf(name)] as number;

  it('gives every candidate one value per feature: the first stage’s best first, then the 职业 nearest by whole text', () => {
    // A title whose text neighbours include 职业 the first stage has no evidence for (灯光师 by 光).
    const title = '激光焊接工';
    const ev: Parameters<typeof rerankCandidates>[3] = new Map();
    const cands = rerankCandidates(index, { title }, RERANK_DEPTH, ev);
    for (const c of cands) expect(c.features).toHaveLength(RERANK_FEATURES.length);
    const head = cands.slice(0, RERANK_DEPTH);
    const firsts = head.map((c) => feature(c, 'first'));
    expect(firsts).toEqual([...firsts].sort((a, b) => b - a));
    expect(feature(cands[0] as RankedCandidate, 'firstRank')).toBe(1);
    // The rest: the TEXT_NEIGHBOURS nearest 职业 by whole text the first stage's best left out, nearest first.
    const titleCosines = docCosines(index.mappings.space, title);
    const nearest = titleCosines.nearest(TEXT_NEIGHBOURS);
    expect(nearest).toHaveLength(TEXT_NEIGHBOURS);
    const tail = cands.slice(RERANK_DEPTH);
    expect(tail.length).toBeGreaterThan(0);
    expect(tail.map((c) => c.doc)).toEqual(nearest.filter((d) => !head.some((c) => c.doc === d)));
    const cosines = nearest.map((d) => titleCosines(d)[0]);
    expect(cosines).toEqual([...cosines].sort((a, b) => b - a));
    for (const c of tail) {
      expect(c.workTypeCode).toBeNull();
      expect(feature(c, 'firstRank')).toBeLessThanOrEqual(1 / (1 + RERANK_DEPTH));
      expect(feature(c, 'docCosine')).toBeGreaterThanOrEqual(cosines[cosines.length - 1] as number);
      expect(ev.has(c.doc)).toBe(true); // its evidence, for the reason
    }
    // One with no evidence of the first stage is explained by its text.
    const textOnly = tail.filter((c) => feature(c, 'first') === 0);
    expect(textOnly.length).toBeGreaterThan(0);
    const listed = matchOccupations(index, { title }, 100);
    for (const c of textOnly) {
      const m = listed.find((x) => x.occupationCode === c.occupationCode);
      expect(m?.reason).toBe(
        `岗位名称与该职业的名称、定义和主要工作任务用字相近（余弦 ${feature(c, 'docCosine').toFixed(2)}）`,
      );
    }
  });

  it('reads the head noun: a title ending in an occupation’s name (船厂电工 → 电工)', () => {
    // 船厂电工 is no everyday title of the shipped list (高压电工 is: its suffix would be the whole title).
    const cands = rerankCandidates(index, { title: '船厂电工' }, 200);
    const electrician = cands.find((c) => c.occupationCode === '6-31-01-03' && !c.workTypeCode) as RankedCandidate;
    expect(feature(electrician, 'suffixAny')).toBe(1);
    expect(feature(electrician, 'suffix')).toBeCloseTo(0.5);
    const other = cands.find((c) => !'船厂电工'.endsWith(index.nodeName.get(c.occupationCode) ?? '-'));
    expect(other && feature(other, 'suffix')).toBe(0);
  });

  it('smooths over the hierarchy: the shares of a 小类 add up to one over the candidates', () => {
    const cands = rerankCandidates(index, { title: '焊接操作工' });
    const byClass = new Map(cands.map((c) => [c.occupationCode.slice(0, 7), feature(c, 'classFirst')]));
    const sum = [...byClass.values()].reduce((s, x) => s + x, 0);
    expect(sum).toBeCloseTo(1, 5);
    for (const c of cands) expect(feature(c, 'classVote')).toBe(0); // no mappings yet
  });

  it('reads the definitions’ character bigrams and the names’ characters, as shares of the title', () => {
    const cands = rerankCandidates(index, { title: '风电运维工程师' });
    for (const c of cands) {
      for (const f of ['textBigram', 'charShare'] as const) {
        expect(feature(c, f)).toBeGreaterThanOrEqual(0);
        expect(feature(c, f)).toBeLessThanOrEqual(1);
      }
    }
    const wind = cands.find((c) => c.occupationCode === '6-28-01-12') as RankedCandidate; // 风力发电运维值班员
    expect(feature(wind, 'textBigram')).toBeGreaterThan(0);
    expect(feature(wind, 'charShare')).toBeGreaterThan(0.5);
    // Without definitions and tasks the bigram share is 0.
    const bare = buildMatchIndex({
      nodes: nodes.map((n) => ({ ...n, definition: null, tasks: null })),
      segment: index.segment,
    });
    for (const c of rerankCandidates(bare, { title: '风电运维工程师' })) expect(feature(c, 'textBigram')).toBe(0);
  }, 120_000); // builds a whole index: seconds on a busy machine

  it('weighs the title against each 职业’s whole text, its 小类’s and its 中类’s; a work type reads its 职业’s', () => {
    const cosines = ['docCosine', 'classCosine', 'groupCosine'] as const;
    const welding = rerankCandidates(index, { title: '焊工' }).filter((c) => c.occupationCode === '6-18-02-04');
    expect(welding.some((c) => c.workTypeCode)).toBe(true);
    const [own, ...types] = [...welding].sort((a, b) => (a.workTypeCode ? 1 : 0) - (b.workTypeCode ? 1 : 0));
    expect(own?.workTypeCode).toBeNull();
    expect(feature(own as RankedCandidate, 'docCosine')).toBeGreaterThan(0.2);
    for (const t of types) for (const f of cosines) expect(feature(t, f)).toBe(feature(own as RankedCandidate, f));
    const wind = rerankCandidates(index, { title: '风电运维工程师' });
    for (const c of wind) {
      for (const f of cosines) {
        expect(feature(c, f)).toBeGreaterThanOrEqual(0);
        expect(feature(c, f)).toBeLessThanOrEqual(1);
      }
      const sameClass = wind.find((d) => d.occupationCode.slice(0, 7) === c.occupationCode.slice(0, 7));
      expect(feature(c, 'classCosine')).toBe(feature(sameClass as RankedCandidate, 'classCosine'));
    }
    const latin = rerankCandidates(index, { title: 'CNC' }); // no Chinese term: candidates from the lexicon only
    expect(latin.length).toBeGreaterThan(0);
    for (const c of latin) for (const f of cosines) expect(feature(c, f)).toBe(0);
  });

  it('adds confirmed role names to their 职业’s text, so a title near them comes nearer the 职业', () => {
    const cosine = (i: MatchIndex, title: string, code: string) => {
      const doc = i.docs.findIndex((d) => d.occupationCode === code && !d.workTypeCode);
      return docCosines(i.mappings.space, title)(i.spaceDoc[doc] ?? -1)[0];
    };
    const m = { roleName: '月嫂', occupationCode: '4-10-01-03', workTypeCode: null }; // 保育师
    const learned: MatchIndex = { ...index, mappings: buildMappingIndex(index, [m]) };
    expect(cosine(learned, '月子中心月嫂', '4-10-01-03')).toBeGreaterThan(
      cosine(index, '月子中心月嫂', '4-10-01-03') + 0.05,
    );
    // A title sharing nothing with the role name stays where it was.
    expect(cosine(learned, '焊工', '6-18-02-04')).toBeCloseTo(cosine(index, '焊工', '6-18-02-04'), 2);
    const top = matchOccupations(learned, { title: '月嫂' }, 1)[0];
    expect(top?.occupationCode).toBe('4-10-01-03');
  });

  it('brings in a mapped occupation from beyond the depth, with its vote and prior', () => {
    const title = '数控铣床操作工';
    const deep = rerankCandidates(index, { title }, 1000);
    const pool = new Set(rerankCandidates(index, { title }).map((c) => c.doc));
    const far = deep.filter((c) => !pool.has(c.doc)).at(-1) as RankedCandidate;
    expect(far).toBeDefined();
    const m = { roleName: title, occupationCode: far.occupationCode, workTypeCode: far.workTypeCode };
    const learned: MatchIndex = { ...index, mappings: buildMappingIndex(index, [m, m]) };
    const lifted = rerankCandidates(learned, { title }).find((c) => c.doc === far.doc) as RankedCandidate;
    expect(feature(lifted, 'mappingSim')).toBe(1);
    expect(feature(lifted, 'wideVote')).toBeCloseTo(1);
    expect(feature(lifted, 'prior')).toBeCloseTo(Math.log(3));
  });

  it('shows scores that follow the order: a rule-placed candidate shows at least the best score below it', () => {
    // A reranker that reverses the first stage's order: the equal name 焊工, placed first by the rule, has
    // the lowest margin of its candidates.
    const flipped: Reranker = { weights: RERANK_FEATURES.map((f) => (f === 'firstRank' ? -5 : 0)), bias: 0 };
    const found = matchOccupations({ ...index, reranker: flipped }, { title: '焊工' }, 20);
    expect(found[0]?.occupationCode).toBe('6-18-02-04');
    const scores = found.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(found[0]?.score).toBe(Math.max(...scores));
    expect(found[0]?.score).toBeGreaterThan(1 / (1 + Math.exp(5))); // above its own logistic
    // Without a rule at work each score is the reranker's own.
    for (const title of ['涂布机长', '抖音新媒体运营专员', '高压电工', '塔吊司机']) {
      const s = top(title, 10).map((m) => m.score);
      expect(s, title).toEqual([...s].sort((a, b) => b - a));
    }
  });

  it('orders by the reranker’s weights, and its score is the logistic of their sum', () => {
    const title = '涂布机长'; // no rule places a candidate (塔吊司机 now has one: NAMED_WORK)
    const cands = rerankCandidates(index, { title });
    // A reranker that reverses the first stage's order:
    const flipped: Reranker = { weights: RERANK_FEATURES.map((f) => (f === 'firstRank' ? -5 : 0)), bias: 0 };
    const [worst] = matchOccupations({ ...index, reranker: flipped }, { title }, 1);
    // The candidate deepest in the first stage's order (ties: the lower document number).
    const deepest = Math.min(...cands.map((c) => feature(c, 'firstRank')));
    const last = cands.filter((c) => feature(c, 'firstRank') === deepest).sort((a, b) => a.doc - b.doc)[0];
    expect(worst?.workTypeCode ?? worst?.occupationCode).toBe(last?.workTypeCode ?? last?.occupationCode);
    expect(worst?.score).toBeCloseTo(1 / (1 + Math.exp(5 * deepest)), 3);
  });
});
