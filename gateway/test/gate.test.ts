import { hubConfig } from '@hub/platform/config';
import { describe, expect, it } from 'vitest';
import { requestGate } from '../src/gate.ts';
import { limitsOf } from '../src/limits.ts';
import { LOOKUP_BUDGET_DEFAULTS, LookupBudget } from '../src/lookup-budget.ts';

const gate = (extra: Parameters<typeof requestGate>[0]['extra'] = []) =>
  requestGate({
    limits: limitsOf(hubConfig()),
    lookupBudget: new LookupBudget({ ...LOOKUP_BUDGET_DEFAULTS, trustProxy: false }),
    extra,
  });
const executor = async () => ({ text: '{"data":{}}\n', headers: {} });

describe('the request gate (gate.ts)', () => {
  it('lists its steps in the order the issue fixes: limits, authentication, rate, cost, audit, log', () => {
    expect(gate().steps.map((s) => s.name)).toEqual([
      'size',
      'shape',
      'authentication',
      'rate',
      'cost',
      'lookups',
      'credential revoked',
      'audit of refusals',
      'log',
    ]);
  });

  it('hands Apollo Server every plugin of its steps, and only those', () => {
    const g = gate();
    expect(g.plugins).toEqual(g.steps.flatMap((s) => (s.plugin ? [s.plugin] : [])));
    expect(g.plugins).toHaveLength(4);
  });

  it('turns the fast path off when a step (a plugin added later) says nothing of how the fast path meets it', () => {
    expect(gate().fastPath(executor)).toBeTypeOf('function');
    const unknown = gate([{ name: 'new plugin', plugin: { async requestDidStart() {} } }]);
    expect(unknown.fastPath(executor)).toBeUndefined();
  });
});
