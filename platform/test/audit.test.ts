import { describe, expect, it } from 'vitest';
import { boundPublicEvents, classifyField, summarizeArgs } from '../src/audit.ts';
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

  it('keeps no secret a caller hands over (a webhook’s signing secret)', () => {
    const secret = 'f3a9c1e07b5d4a2c9e8f1b3d5a7c9e0f';
    const summary = summarizeArgs({ input: { url: 'https://hr.example.com/hub', secret, topics: ['CERTIFICATE'] } });
    expect(JSON.stringify(summary)).not.toContain(secret.slice(0, 8));
    expect(summary).toEqual({
      input: { url: 'https://hr.example.com/hub', secret: '[removed]', topics: ['CERTIFICATE'] },
    });
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

describe('no resident ID in an audit event in clear (issue #26)', () => {
  const RID = '43010219900101001X';
  const masked = `430${'*'.repeat(13)}1X`;

  it('keeps a residentId argument out of the target ids, for the writer to hash', () => {
    const input = { name: '张三', residentId: RID, employedSince: '2018-03-01' };
    const denied = classifyField('registerWorker', { input }, hubError('UNAUTHENTICATED', 'no'), null);
    expect(denied.targetIds).toEqual([]);
    expect(denied.residentIds).toEqual([RID]);
    expect(JSON.stringify({ ...denied, residentIds: undefined })).not.toContain(RID);
    // A resident ID sent where a record id belongs is one too; a uuid stays a target.
    const ok = classifyField('f', { id: RID.toLowerCase(), planId: 'p1' }, null, { errors: [], plan: { id: 'p1' } });
    expect(ok).toMatchObject({ targetIds: ['p1'], residentIds: [RID] });
  });

  it('masks resident IDs of any shape in the arguments: numbers, odd spellings, next to letters', () => {
    const summary = summarizeArgs({
      residentId: '430102 19900101 001X',
      n: 430102199001010000,
      reason: `x${RID}y and ${RID.slice(0, 17)}9X`,
    });
    const text = JSON.stringify(summary);
    expect(text).not.toMatch(/\d{15}/);
    expect(summary).toEqual({
      residentId: `430${'*'.repeat(15)}1X`,
      n: `430${'*'.repeat(13)}00`,
      reason: `x${masked}y and 430${'*'.repeat(13)}19X`,
    });
  });
});

describe('audit volume of the public caller (issue #26)', () => {
  const refused = (field: string) => ({
    field,
    outcome: 'DENIED' as const,
    codes: ['UNAUTHENTICATED'],
    targetIds: ['t1'],
    residentIds: ['43010219900101001X'],
    args: { input: { residentId: '430*************1X' } },
  });

  it('records a refused anonymous request as one event, however many root fields it aliases', () => {
    const [one, ...more] = boundPublicEvents('public', [
      ...Array.from({ length: 9 }, () => refused('registerWorker')),
      { ...refused('addWorkType'), outcome: 'INVALID' as const, codes: ['BAD_USER_INPUT'] },
    ]);
    expect(more).toEqual([]);
    expect(one).toEqual({
      field: 'registerWorker',
      outcome: 'DENIED',
      codes: ['UNAUTHENTICATED', 'BAD_USER_INPUT'],
      targetIds: [],
      residentIds: [],
      args: { input: { residentId: '430*************1X' }, refusedFields: { registerWorker: 9, addWorkType: 1 } },
    });
  });

  it('keeps what the public changed (a complaint) and a signed-in caller’s events field by field', () => {
    const complaint = { ...refused('submitComplaint'), outcome: 'OK' as const, codes: [] };
    expect(boundPublicEvents('public', [complaint, refused('registerWorker')])).toHaveLength(2);
    expect(boundPublicEvents('public', [complaint])).toEqual([complaint]);
    const signedIn = [refused('registerWorker'), refused('registerWorker')];
    expect(boundPublicEvents('enterprise', signedIn)).toBe(signedIn);
  });
});
