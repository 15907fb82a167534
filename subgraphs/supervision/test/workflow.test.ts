import { describe, expect, it } from 'vitest';
import { actRefusal, campaignScopeRefusal, handlesComplaint, seesCase } from '../src/rules/access.ts';
import { type CaseFacts, decide } from '../src/rules/workflow.ts';

const TODAY = '2026-11-20';
const at = (status: CaseFacts['status'], extra: Partial<CaseFacts> = {}): CaseFacts => ({
  status,
  rectificationDueOn: null,
  findings: 1,
  findingsSinceOrder: 0,
  ...extra,
});
const code = (x: unknown) => (x as { code?: string }).code;
const to = (x: unknown) => (x as { to?: string }).to;

describe('case workflow (三(四): 责令限期整改, 问题严重的取消资质)', () => {
  it('orders rectification only after findings, with a deadline after today and within a year', () => {
    const order = { kind: 'ORDER_RECTIFICATION', requirements: '补齐档案', dueOn: '2026-12-20' } as const;
    expect(to(decide(at('INVESTIGATING'), order, TODAY))).toBe('RECTIFICATION_ORDERED');
    expect(code(decide(at('INVESTIGATING', { findings: 0 }), order, TODAY))).toBe('FINDINGS_REQUIRED');
    expect(code(decide(at('INVESTIGATING'), { ...order, dueOn: TODAY }, TODAY))).toBe('DEADLINE_NOT_AFTER_TODAY');
    expect(code(decide(at('INVESTIGATING'), { ...order, dueOn: '2027-12-21' }, TODAY))).toBe('DEADLINE_TOO_FAR');
    expect(code(decide(at('OPEN'), order, TODAY))).toBe('CASE_WRONG_STATE');
  });

  it('escalates a rectification order without new findings only once its deadline has passed unrectified', () => {
    const ordered = at('RECTIFICATION_ORDERED', { rectificationDueOn: TODAY });
    const escalate = { kind: 'ESCALATE', reason: '逾期未整改' } as const;
    expect(code(decide(ordered, escalate, TODAY))).toBe('RECTIFICATION_DEADLINE_NOT_PASSED');
    expect(to(decide(ordered, escalate, '2026-11-21'))).toBe('ESCALATED');
    expect(code(decide(ordered, { kind: 'RECORD_RECTIFICATION', report: '已整改' }, '2026-11-21'))).toBe(
      'RECTIFICATION_DEADLINE_PASSED',
    );
    expect(to(decide(ordered, { kind: 'RECORD_RECTIFICATION', report: '已整改' }, TODAY))).toBe('RECTIFIED');
  });

  it('escalates under a rectification order at any time on findings recorded since the order (#24 point 12)', () => {
    const ordered = at('RECTIFICATION_ORDERED', {
      rectificationDueOn: '2026-12-20',
      findings: 2,
      findingsSinceOrder: 1,
    });
    expect(to(decide(ordered, { kind: 'ESCALATE', reason: '整改期间新查实伪造考评记录' }, TODAY))).toBe('ESCALATED');
    expect(code(decide(ordered, { kind: 'ESCALATE', reason: ' ' }, TODAY))).toBe('ESCALATION_NEEDS_REASON');
    expect(code(decide({ ...ordered, findingsSinceOrder: 0 }, { kind: 'ESCALATE', reason: '问题严重' }, TODAY))).toBe(
      'RECTIFICATION_DEADLINE_NOT_PASSED',
    );
  });

  it('escalates a serious case straight from investigation only on findings', () => {
    const escalate = { kind: 'ESCALATE', reason: '问题严重' } as const;
    expect(to(decide(at('INVESTIGATING'), escalate, TODAY))).toBe('ESCALATED');
    expect(code(decide(at('INVESTIGATING', { findings: 0 }), escalate, TODAY))).toBe('FINDINGS_REQUIRED');
  });

  it('revokes the qualification only on an escalated case, with reasons', () => {
    const revoke = { kind: 'REVOKE_QUALIFICATION', reason: '逾期未整改，取消备案资质' } as const;
    expect(to(decide(at('ESCALATED'), revoke, TODAY))).toBe('QUALIFICATION_REVOKED');
    expect(code(decide(at('RECTIFICATION_ORDERED'), revoke, TODAY))).toBe('CASE_WRONG_STATE');
    expect(code(decide(at('ESCALATED'), { ...revoke, reason: ' ' }, TODAY))).toBe('REVOCATION_NEEDS_REASON');
  });

  it('transfers with the receiving body, also after revocation, and nothing moves once closed or transferred', () => {
    const transfer = { kind: 'TRANSFER', receivingBody: '市纪委监委', reason: '涉嫌违纪' } as const;
    expect(to(decide(at('QUALIFICATION_REVOKED'), transfer, TODAY))).toBe('TRANSFERRED');
    expect(code(decide(at('INVESTIGATING'), { ...transfer, receivingBody: '' }, TODAY))).toBe(
      'TRANSFER_NEEDS_RECEIVING_BODY',
    );
    for (const s of ['CLOSED', 'TRANSFERRED'] as const) {
      expect(code(decide(at(s), { kind: 'START_INVESTIGATION' }, TODAY))).toBe('CASE_CLOSED');
    }
  });

  it('records a finding only with evidence', () => {
    const finding = { kind: 'RECORD_FINDING', description: '档案缺失', evidence: ['doc://1'] } as const;
    expect(to(decide(at('OPEN', { findings: 0 }), finding, TODAY))).toBe('INVESTIGATING');
    expect(code(decide(at('INVESTIGATING'), { ...finding, evidence: [' '] }, TODAY))).toBe('FINDING_NEEDS_EVIDENCE');
  });
});

describe('属地管理 in supervision', () => {
  const city = { role: 'inspector', prefecture: '430100' } as const;
  const province = { role: 'inspector' } as const;
  it('lets a city inspector act in its own 市州 only, and the province everywhere', () => {
    expect(actRefusal(city, '430100')).toBeNull();
    expect(actRefusal(city, '430300')?.code).toBe('NOT_YOUR_PREFECTURE');
    expect(actRefusal(city, '430300')?.message).toMatch(/湘潭市.*长沙市/);
    expect(actRefusal(province, '430300')).toBeNull();
    expect(actRefusal({ role: 'ministry' }, '430300')?.code).toBe('NOT_A_SUPERVISING_AUTHORITY');
  });

  it('shows an enterprise its own case only once notified', () => {
    const c = { enterpriseId: 'e1', prefectureCode: '430100', notifiedOn: null };
    expect(seesCase({ role: 'enterprise', enterpriseId: 'e1' }, c)).toBe(false);
    expect(seesCase({ role: 'enterprise', enterpriseId: 'e1' }, { ...c, notifiedOn: TODAY })).toBe(true);
    expect(seesCase({ role: 'enterprise', enterpriseId: 'e2' }, { ...c, notifiedOn: TODAY })).toBe(false);
    expect(seesCase({ role: 'dashboard' }, c)).toBe(false);
  });

  it('shows complainants only to the handling authority', () => {
    expect(handlesComplaint(city, '430100')).toBe(true);
    expect(handlesComplaint(city, '430200')).toBe(false);
    expect(handlesComplaint({ role: 'province_center' }, '430200')).toBe(true);
    expect(handlesComplaint({ role: 'ministry' }, '430200')).toBe(false);
    expect(handlesComplaint({ role: 'admin' }, '430200')).toBe(false);
  });

  it('leaves province-wide campaigns to the province', () => {
    expect(campaignScopeRefusal(city, null)?.code).toBe('PROVINCE_SCOPE_ONLY');
    expect(campaignScopeRefusal(province, null)).toBeNull();
    expect(campaignScopeRefusal(city, '430100')).toBeNull();
  });
});
