import { describe, expect, it } from 'vitest';
import { classifyField, summarizeArgs } from '../src/audit.ts';
import { AuthError, parseClaims, signInternalToken, verifyInternalToken } from '../src/auth.ts';
import { hubError, refuse } from '../src/errors.ts';

const ENT = '4f9c1c1e-8a37-4d52-9a7e-1b2c3d4e5f60';
const CRED = '0b6e7c2a-3f41-4c8e-9d2b-5a6f7e8d9c10';

describe('partner credential claims', () => {
  it('refuses an hr_partner token that names no credential (jti): CREDENTIAL_REQUIRED', () => {
    const attempt = () => parseClaims({ role: 'hr_partner', enterpriseId: ENT });
    expect(attempt).toThrow(AuthError);
    expect(attempt).toThrow(/jti/);
    try {
      attempt();
    } catch (err) {
      expect((err as AuthError).code).toBe('CREDENTIAL_REQUIRED');
    }
  });

  it('reads the credential id from jti and carries it to the subgraphs, never canWrite', async () => {
    const claims = parseClaims({ role: 'hr_partner', enterpriseId: ENT, jti: CRED, canWrite: true });
    expect(claims).toEqual({ role: 'hr_partner', enterpriseId: ENT, credentialId: CRED });
    expect(await verifyInternalToken(await signInternalToken(claims))).toEqual(claims);
  });
});

describe('audit argument summary', () => {
  it('masks resident IDs anywhere, removes names and contacts, cuts long text and lists', () => {
    const summary = summarizeArgs({
      input: {
        name: '张三',
        residentId: '430102199001010013',
        note: 'ID 43010219900101001X given by phone',
        contactPhone: '13800000000',
        employedSince: new Date('2018-03-01T00:00:00Z'),
        opinion: 'x'.repeat(500),
        ids: Array.from({ length: 30 }, (_, i) => `id-${i}`),
      },
      holderName: '李四',
      level: 3,
    });
    const text = JSON.stringify(summary);
    expect(text).not.toContain('430102199001010013');
    expect(text).not.toContain('43010219900101001X');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('李四');
    expect(text).not.toContain('13800000000');
    expect(summary).toMatchObject({
      holderName: '[removed]',
      level: 3,
      input: {
        name: '[removed]',
        residentId: '430*************13',
        contactPhone: '[removed]',
        employedSince: '2018-03-01T00:00:00.000Z',
        opinion: `${'x'.repeat(80)}…(500 chars)`,
      },
    });
    expect((summary.input as { ids: string[] }).ids).toHaveLength(21);
  });

  it('keeps no names of who did it and only the length of free text about people', () => {
    const complaint = '王五在2025年3月的考核中代考，联系人赵六可作证。';
    const summary = summarizeArgs({
      raisedBy: '王五',
      commitmentSigner: '赵六',
      content: complaint,
      input: { findings: '钱七未到场', note: null, reason: '材料不全', orderBy: 'DATE' },
    });
    const text = JSON.stringify(summary);
    for (const person of ['王五', '赵六', '钱七']) expect(text).not.toContain(person);
    expect(summary).toEqual({
      raisedBy: '[removed]',
      commitmentSigner: '[removed]',
      content: `[text, ${complaint.length} chars]`,
      // an official's reason stays (cut short like any string); orderBy is no person
      input: { findings: '[text, 5 chars]', note: null, reason: '材料不全', orderBy: 'DATE' },
    });
  });

  it('keeps only text PostgreSQL can store in jsonb: no NUL, no lone surrogates, finite numbers', () => {
    const out = summarizeArgs({
      a: 'x\u0000y',
      b: 'lone \uD800 high',
      c: 'lone \uDC00 low',
      d: '好😀',
      'k\u0000': 1,
      n: Infinity,
    });
    expect(out).toEqual({ a: 'xy', b: 'lone \uFFFD high', c: 'lone \uFFFD low', d: '好😀', k: 1, n: 'Infinity' });
    // The same JSON text PostgreSQL's jsonb parser would see: no \u0000, no unpaired surrogate escapes.
    expect(JSON.stringify(out)).not.toMatch(/\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
  });
});

describe('audit outcome of a root mutation field', () => {
  it('tells OK, REFUSED (payload errors), DENIED (forbidden) and FAILED apart', () => {
    expect(classifyField('f', { id: 'a' }, null, { errors: [], plan: { id: 'p1' } })).toMatchObject({
      outcome: 'OK',
      codes: [],
      targetIds: ['a', 'p1'],
    });
    expect(classifyField('f', {}, null, { errors: [refuse('PLAN_REPORTED_LATE', 'late')] })).toMatchObject({
      outcome: 'REFUSED',
      codes: ['PLAN_REPORTED_LATE'],
    });
    expect(classifyField('f', {}, hubError('FORBIDDEN', 'no', { reason: 'NOT_YOUR_PREFECTURE' }), null)).toMatchObject({
      outcome: 'DENIED',
      codes: ['FORBIDDEN', 'NOT_YOUR_PREFECTURE'],
    });
    expect(classifyField('f', {}, hubError('UNAUTHENTICATED', 'no'), null).outcome).toBe('DENIED');
    expect(classifyField('f', {}, new Error('boom'), null)).toMatchObject({
      outcome: 'FAILED',
      codes: ['INTERNAL_SERVER_ERROR'],
    });
  });
});
