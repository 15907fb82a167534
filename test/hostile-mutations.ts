import { ROLES } from '@hub/platform';
import fc from 'fast-check';
import { residentId } from './assessments-fixtures.ts';
import { enterpriseForm, newCreditCode } from './enterprises-fixtures.ts';
import { type Case, hostileCode, hostileString, sample, type World, wrongScalar } from './hostile-cases.ts';

/** The hostile mutations of hostile.test.ts: every mutation by every role (and none), a hostile value in one field. */

// ---------------------------------------------------------------- mutations

const MUTATIONS: {
  name: string;
  query: string;
  vars: (v: unknown, field: number, world: World) => Record<string, unknown>;
}[] = [
  {
    name: 'registerWorker',
    query: 'mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { __typename errors { code field } } }',
    vars: (v, f) => {
      const i: Record<string, unknown> = { name: '张三', residentId: residentId(900 + f), employedSince: '2020-01-01' };
      i[['name', 'residentId', 'employedSince', 'employerCreditCode', 'employerName', 'dispatched'][f % 6] as string] =
        v;
      return { i };
    },
  },
  {
    name: 'registerEnterprise',
    query:
      'mutation($c: CreditCode!, $a: EnterpriseAffiliation!, $i: EnterpriseInput!) { registerEnterprise(creditCode: $c, affiliation: $a, input: $i) { __typename errors { code field } } }',
    vars: (v, f) => {
      const vars: Record<string, any> = {
        c: newCreditCode('430100'),
        a: 'LOCAL',
        i: enterpriseForm({ prefectureCode: '430100' }),
      };
      const field = ['c', 'a', 'name', 'phone', 'email', 'prefectureCode', 'employeeCount', 'foundedOn', 'address'][
        f % 9
      ] as string;
      if (field === 'c' || field === 'a') vars[field] = v;
      else vars.i[field] = v;
      return vars;
    },
  },
  {
    name: 'submitComplaint',
    query: 'mutation($i: ComplaintInput!) { submitComplaint(input: $i) { __typename errors { code field } } }',
    vars: (v, f, world) => {
      const i: Record<string, unknown> = {
        institutionCreditCode: world.creditCode,
        content: '考核只考了十分钟。',
        complainantName: '举报人',
        complainantContact: '13900000001',
      };
      i[['institutionCreditCode', 'content', 'complainantName', 'complainantContact'][f % 4] as string] = v;
      return { i };
    },
  },
  {
    name: 'addWorkType',
    query:
      'mutation($o: OccupationCode!, $n: String!, $c: OccupationCode) { addWorkType(occupationCode: $o, name: $n, code: $c) { __typename errors { code field } } }',
    vars: (v, f) => ({ o: f % 3 === 0 ? v : '6-18-01-01', n: f % 3 === 1 ? v : '数控车工', c: f % 3 === 2 ? v : null }),
  },
  {
    name: 'revokeCertificate',
    query:
      'mutation($n: String!, $r: String!) { revokeCertificate(number: $n, reason: $r) { __typename errors { code field } } }',
    vars: (v, f) => ({ n: f % 2 ? v : 'HN-0000-00000000', r: f % 2 ? '弄虚作假' : v }),
  },
  {
    name: 'recordUpload',
    query:
      'mutation($ns: [String!]!, $b: String!) { recordUpload(numbers: $ns, batchReference: $b) { __typename errors { code field } } }',
    vars: (v, f) => ({
      ns: f % 2 ? Array.from({ length: 1 + ((f * 7919) % 40_000) }, (_, i) => `${String(v).slice(0, 20)}${i}`) : [v],
      b: f % 3 ? 'BATCH-1' : v,
    }),
  },
  {
    name: 'raiseObjection',
    query:
      'mutation($p: ID!, $c: ID, $by: String!, $t: String!) { raiseObjection(planId: $p, candidateId: $c, raisedBy: $by, content: $t) { __typename errors { code field } } }',
    vars: (v, f) => ({
      p: f % 4 === 0 ? v : '6f1c6a36-7a0d-4f5e-9d5f-9a3f3c1b2d4e',
      c: f % 4 === 1 ? v : null,
      by: f % 4 === 2 ? v : '考生',
      t: f % 4 === 3 ? v : '成绩有误',
    }),
  },
  {
    name: 'createFiling',
    query: 'mutation($i: FilingInput!) { createFiling(input: $i) { __typename errors { code field } } }',
    vars: (v, f) => {
      const i: Record<string, unknown> = {
        kind: 'ENTERPRISE_SELF_EVALUATION',
        teamDescription: '评价工作委员会 9 人。',
        facilitiesDescription: '实训基地。',
        systemsDescription: '管理办法。',
        planDescription: '评价车工。',
        scope: [{ occupationCode: '6-18-01-01', levels: ['LEVEL_5', 'LEVEL_4'], basis: 'NATIONAL_STANDARD' }],
      };
      const k = f % 5;
      if (k === 0) i.teamDescription = v;
      else if (k === 1) i.kind = v;
      else if (k === 2) i.scope = [{ occupationCode: v, levels: ['LEVEL_5'], basis: 'NATIONAL_STANDARD' }];
      else if (k === 3)
        i.scope = [{ occupationCode: '6-18-01-01', levels: [v, 'LEVEL_9', 5], basis: 'NATIONAL_STANDARD' }];
      else
        i.scope = Array.from({ length: 5_000 }, () => ({
          occupationCode: '6-18-01-01',
          levels: ['LEVEL_5'],
          basis: v,
        }));
      return { i };
    },
  },
];

export function mutationCases(world: World): Case[] {
  const roles: Case['role'][] = ['public', ...ROLES];
  const cases: Case[] = [];
  const values = sample(fc.oneof(hostileString, hostileCode, wrongScalar), roles.length * MUTATIONS.length * 3, 300);
  let k = 0;
  for (const role of roles) {
    for (const m of MUTATIONS) {
      for (let rep = 0; rep < 3; rep++) {
        const v = values[k++];
        const field = k * 31 + rep;
        cases.push({
          label: `${m.name} by ${role} ← ${JSON.stringify(v)?.slice(0, 40)} (field ${field})`,
          role,
          json: { query: m.query, variables: m.vars(v, field, world) },
          mutation: m.name,
        });
      }
    }
  }
  return cases;
}
