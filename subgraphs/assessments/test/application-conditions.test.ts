import { describe, expect, it } from 'vitest';
import {
  type ApplicationCondition,
  applicationProblems,
  type ConditionFacts,
  conditionEntry,
  conditionStatementProblems,
  conditionsFor,
  declaredApplication,
  fullYears,
  NO_APPLICATION,
  schemeConditionEntry,
  unmetApplicable,
  unmetConditions,
} from '../src/rules/application-conditions.ts';

/** 工作方案申报条件 (#25 point 5): each kind of condition met and unmet, alternatives, overrides. */

const codes = (r: { code: string }[]) => r.map((p) => p.code).sort();
const none = {
  workTypeCode: null,
  yearsInTrade: null,
  yearsInPost: null,
  levelHeld: null,
  yearsSinceLevelHeld: null,
  others: [],
};
const at = (c: Partial<ApplicationCondition>): ApplicationCondition => ({
  occupationCode: '6-18-01-01',
  level: 4,
  ...none,
  ...c,
});
const facts = (f: Partial<ConditionFacts> = {}): ConditionFacts => ({
  evaluationDate: '2027-03-15',
  employedSince: '2020-03-16',
  held: [],
  application: NO_APPLICATION,
  ...f,
});
const unmet = (c: Partial<ApplicationCondition>, f: Partial<ConditionFacts> = {}) =>
  unmetConditions(at(c), facts(f)).map((u) => u.condition);

describe('each kind of 申报条件', () => {
  it('years in the trade: met by the years declared, unmet by fewer or none declared', () => {
    const trade = (tradeYears: number | null) => ({ application: { ...NO_APPLICATION, tradeYears } });
    expect(unmet({ yearsInTrade: 4 }, trade(4))).toEqual([]);
    expect(unmet({ yearsInTrade: 4 }, trade(3))).toEqual(['yearsInTrade']);
    const [none] = unmetConditions(at({ yearsInTrade: 4 }), facts());
    expect(none?.message).toContain('未申报工作年限');
  });

  it('years in the post: counted from 入职日期 to the evaluation date, whole years only', () => {
    // 2020-03-16 to 2027-03-15 is six whole years and 364 days.
    expect(unmet({ yearsInPost: 6 })).toEqual([]);
    expect(unmet({ yearsInPost: 7 })).toEqual(['yearsInPost']);
    expect(unmet({ yearsInPost: 7 }, { employedSince: '2020-03-15' })).toEqual([]);
    expect(fullYears('2020-02-29', '2021-02-28')).toBe(1);
    expect(fullYears('2020-03-16', '2020-03-15')).toBe(0);
  });

  it('level held: that level or a higher one, held the years asked by the evaluation date', () => {
    const held = (level: number, since: string) => ({ held: [{ level, since }] });
    expect(unmet({ levelHeld: 5 }, held(5, '2026-12-01'))).toEqual([]);
    expect(unmet({ levelHeld: 5 }, held(3, '2026-12-01'))).toEqual([]);
    expect(unmet({ levelHeld: 5 })).toEqual(['levelHeld']);
    expect(unmet({ levelHeld: 5, yearsSinceLevelHeld: 4 }, held(5, '2023-03-15'))).toEqual([]);
    expect(unmet({ levelHeld: 5, yearsSinceLevelHeld: 4 }, held(5, '2023-03-16'))).toEqual(['levelHeld']);
    const [short] = unmetConditions(
      at({ levelHeld: 5, yearsSinceLevelHeld: 4 }),
      facts({ held: [{ level: 5, since: '2024-06-01' }] }),
    );
    expect(short?.message).toContain('2024-06-01取得，至评价日期2027-03-15满2年');
  });

  it('training hours and 文化程度: typed entries, met at or above what they ask', () => {
    const declared = (a: Partial<typeof NO_APPLICATION>) => ({ application: { ...NO_APPLICATION, ...a } });
    const training = { others: [{ kind: 'TRAINING_HOURS' as const, hours: 120 }] };
    expect(unmet(training, declared({ trainingHours: 120 }))).toEqual([]);
    expect(unmet(training, declared({ trainingHours: 80 }))).toEqual(['trainingHours']);
    expect(unmet(training)).toEqual(['trainingHours']);
    const school = { others: [{ kind: 'EDUCATION' as const, education: 'SECONDARY' as const }] };
    expect(unmet(school, declared({ education: 'SECONDARY' }))).toEqual([]);
    expect(unmet(school, declared({ education: 'BACHELOR' }))).toEqual([]);
    expect(unmet(school, declared({ education: 'JUNIOR_HIGH' }))).toEqual(['education']);
    expect(unmet(school)).toEqual(['education']);
  });

  it('an entry stating several requirements needs all of them', () => {
    expect(
      unmet(
        { yearsInTrade: 2, yearsInPost: 1, others: [{ kind: 'TRAINING_HOURS', hours: 60 }] },
        { application: { tradeYears: 1, trainingHours: 60, education: null } },
      ),
    ).toEqual(['yearsInTrade']);
  });
});

describe('which entries apply, and alternatives', () => {
  const byLevel = [at({ yearsInTrade: 4 }), at({ level: 3, yearsInTrade: 8 })];

  it('applies the entries of the plan’s occupation and level; a work type’s own entries win', () => {
    expect(conditionsFor(byLevel, { occupationCode: '6-18-01-01', workTypeCode: null, level: 4 })).toEqual([
      byLevel[0],
    ]);
    expect(conditionsFor(byLevel, { occupationCode: '6-18-01-02', workTypeCode: null, level: 4 })).toEqual([]);
    const own = at({ workTypeCode: '6-18-01-01-01', yearsInTrade: 2 });
    const all = [...byLevel, own];
    expect(conditionsFor(all, { occupationCode: '6-18-01-01', workTypeCode: '6-18-01-01-01', level: 4 })).toEqual([
      own,
    ]);
    expect(conditionsFor(all, { occupationCode: '6-18-01-01', workTypeCode: '6-18-01-01-02', level: 4 })).toEqual([
      byLevel[0],
    ]);
  });

  it('is met by one alternative in full; otherwise names each unmet condition of each', () => {
    const either = [at({ yearsInTrade: 6 }), at({ levelHeld: 5, yearsSinceLevelHeld: 4 })];
    const f = facts({ application: { ...NO_APPLICATION, tradeYears: 6 } });
    expect(unmetApplicable(2, either, f)).toEqual([]);
    const neither = unmetApplicable(2, either, facts({ application: { ...NO_APPLICATION, tradeYears: 3 } }));
    expect(neither.map((u) => u.condition)).toEqual(['yearsInTrade', 'levelHeld']);
    expect(neither[0]?.message).toMatch(/^工作方案第2版申报条件（条件1，2项满足其一即可）：从事本职业/);
    expect(unmetApplicable(2, [], facts())).toEqual([]);
  });
});

describe('entry: refused by the unmet condition, or admitted with a recorded reason', () => {
  const missing = [
    { condition: 'yearsInTrade' as const, message: '工作方案第1版申报条件：从事本职业（工种）工作须满4年，申报3年' },
  ];

  it('refuses with CANDIDATE_CONDITION_NOT_MET naming the condition', () => {
    expect(conditionEntry(missing, null)).toEqual({
      problems: [{ code: 'CANDIDATE_CONDITION_NOT_MET', message: missing[0]?.message, field: 'yearsInTrade' }],
      override: null,
    });
    expect(conditionEntry(missing, '   ').problems.map((p) => p.code)).toEqual(['CANDIDATE_CONDITION_NOT_MET']);
  });

  it('admits with a reason of 10 characters or more, and records what was unmet', () => {
    expect(codes(conditionEntry(missing, '委员会同意').problems)).toEqual(['CONDITION_OVERRIDE_REASON_TOO_SHORT']);
    expect(conditionEntry(missing, ' 经评价工作委员会研究同意其破例参评 ')).toEqual({
      problems: [],
      override: { reason: '经评价工作委员会研究同意其破例参评', unmet: [missing[0]?.message] },
    });
  });

  it('records nothing when the conditions are met, reason or not, or there is no 方案', () => {
    expect(conditionEntry([], '经评价工作委员会研究同意其破例参评')).toEqual({ problems: [], override: null });
    const plan = { occupationCode: '6-18-01-01', workTypeCode: null, level: 4 };
    expect(schemeConditionEntry(null, plan, facts(), null)).toEqual({ problems: [], override: null });
    const scheme = { version: 3, conditions: [at({ yearsInPost: 10 })] };
    expect(schemeConditionEntry(scheme, plan, facts(), '经评价工作委员会研究同意其破例参评').override).toMatchObject({
      schemeVersion: 3,
      unmet: [expect.stringContaining('工作方案第3版')],
    });
  });
});

describe('申报信息 and 申报条件 as stated', () => {
  it('takes whole years 0–60 and hours 0–10000, and stores nothing when nothing is declared', () => {
    expect(applicationProblems({ tradeYears: 6, trainingHours: 0 })).toEqual([]);
    expect(codes(applicationProblems({ tradeYears: 2.5, trainingHours: 10_001 }))).toEqual([
      'CANDIDATE_APPLICATION_HOURS',
      'CANDIDATE_APPLICATION_YEARS',
    ]);
    expect(declaredApplication({})).toBeNull();
    expect(declaredApplication({ education: 'BACHELOR' })).toEqual({
      tradeYears: null,
      trainingHours: null,
      education: 'BACHELOR',
    });
  });

  it('refuses an entry that asks nothing, years out of range, a level held not below, incomplete others', () => {
    expect(conditionStatementProblems([at({ yearsInTrade: 4 })])).toEqual([]);
    expect(
      codes(
        conditionStatementProblems([
          at({}),
          at({ yearsInTrade: 0, yearsInPost: 51 }),
          at({ levelHeld: 4 }),
          at({ yearsSinceLevelHeld: 2 }),
          {
            ...at({}),
            others: [{ kind: 'TRAINING_HOURS' }, { kind: 'EDUCATION' }, { kind: 'EDUCATION', education: 'BACHELOR' }],
          },
        ]),
      ),
    ).toEqual([
      'WORK_SCHEME_CONDITION_EMPTY',
      'WORK_SCHEME_CONDITION_EMPTY',
      'WORK_SCHEME_CONDITION_LEVEL_HELD',
      'WORK_SCHEME_CONDITION_LEVEL_HELD',
      'WORK_SCHEME_CONDITION_OTHER',
      'WORK_SCHEME_CONDITION_OTHER',
      'WORK_SCHEME_CONDITION_OTHER',
      'WORK_SCHEME_CONDITION_YEARS',
      'WORK_SCHEME_CONDITION_YEARS',
    ]);
  });
});
