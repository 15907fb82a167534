import { describe, expect, it } from 'vitest';
import { afterRevocationProblems } from '../src/rules/certificate.ts';
import { skillOccupationProblems } from '../src/rules/skill.ts';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('certificates after 取消备案资质 (#24 point 13)', () => {
  it('lets an institution in good standing issue without any centre decision', () => {
    expect(afterRevocationProblems({ revoked: false, decision: null })).toEqual([]);
  });

  it('makes a revoked institution’s certificates wait until the centre decides', () => {
    expect(codes(afterRevocationProblems({ revoked: true, decision: null }))).toEqual([
      'CERTIFICATES_AWAIT_CENTRE_DECISION',
    ]);
  });

  it('issues for a revoked institution only on the centre’s AUTHORISE, never on REFUSE', () => {
    expect(afterRevocationProblems({ revoked: true, decision: 'AUTHORISE' })).toEqual([]);
    expect(codes(afterRevocationProblems({ revoked: true, decision: 'REFUSE' }))).toEqual([
      'CERTIFICATES_REFUSED_AFTER_REVOCATION',
    ]);
  });
});

describe('技能类职业（工种） only (#24 point 3)', () => {
  it('passes a skill occupation and refuses any other, naming the code in Chinese', () => {
    expect(skillOccupationProblems(true, '6-18-01-01')).toEqual([]);
    const [p] = skillOccupationProblems(false, '2-02-01-01');
    expect(p).toMatchObject({ code: 'OCCUPATION_NOT_SKILL', field: 'occupationCode' });
    expect(p?.message).toContain('仅限技能类职业（工种）');
    expect(p?.message).toContain('2-02-01-01');
  });

  it('leaves a code the dictionary does not know to the scope check', () => {
    expect(skillOccupationProblems(undefined, '9-99-99-99')).toEqual([]);
  });
});
