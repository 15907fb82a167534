import type { Role } from '@hub/platform';
import fc from 'fast-check';
import { residentId } from './assessments-fixtures.ts';

/**
 * The hostile requests of hostile.test.ts, generated with fast-check from a fixed seed (a failure
 * names a case that can be re-run): structural bombs, hostile strings and codes in variables, broken
 * HTTP, and mutations by every role.
 */

const SEED = 20_261_126;

export interface World {
  enterpriseId: string;
  creditCode: string;
  prefecture: string;
}

// ---------------------------------------------------------------- hostile values

const ONE_MB = 'x'.repeat(1_048_576);
const FIXED_STRINGS = [
  "'; drop table enterprise.enterprises; --",
  "' or '1'='1",
  "1' or 1=1 --",
  '%',
  '_',
  '%%_%',
  '\\',
  "\\'",
  '"; select pg_sleep(10); --',
  '$1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  `{{7*7}}\${7*7}`, // template-injection probes
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\u202e\u202dabc\u200f',
  '\ufeff张三',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  '',
  '   ',
  '\n\r\t',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '9'.repeat(400),
];

/** A single UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIXED_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FIXED_STRINGS), fc.string()).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => '长'.repeat(n)) },
);

export const validRid = residentId(7, '19880229');
const MALFORMED_CODES = [
  // 统一社会信用代码
  '91430100MA4L0000X1',
  '91430100ma4l0000x1',
  '91430100MA4L0000I0',
  '91430100MA4L0000',
  '91430100MA4L0000X1Z',
  '９１４３０１００ＭＡ４Ｌ００００Ｘ１',
  // 市州
  '430000',
  '4301',
  '999999',
  '430100 ',
  '４３０１００',
  // 职业分类大典 codes
  '6-18-01-01-01',
  '6-18',
  'X-00-00-00',
  '6–18–01–01',
  '6-18-01-00',
  '6-18-01-01 ',
  // 公民身份号码
  '430102199003071235',
  '430102199002301234',
  '43010219900307123',
  '4301021990030712345',
  '430102900307123',
  `${validRid.slice(0, 17)}x`,
  validRid,
  // UUIDs
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-8FFF-FFFFFFFFFFFF',
  '{6f1c6a36-7a0d-4f5e-9d5f-9a3f3c1b2d4e}',
  '6f1c6a36-7a0d-4f5e-9d5f-9a3f3c1b2d4z',
  // cursors and certificate numbers
  'Y3Vyc29yOi0x',
  'eyJpZCI6IjEnOyBkcm9wIHRhYmxlIHg7LS0ifQ==',
  'HN-2026-00000001',
];
export const hostileCode = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MALFORMED_CODES) },
  { weight: 1, arbitrary: fc.uuid() },
  // a known-good code with one character changed
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('91430100MA4L00001X', '6-18-01-01', '430100', validRid), fc.nat(), codeUnit)
      .map(([s, i, c]) => s.slice(0, i % s.length) + c + s.slice((i % s.length) + 1)),
  },
  { weight: 2, arbitrary: hostileString },
);
export const wrongScalar = fc.constantFrom<unknown>(
  '10',
  1.5,
  -1,
  0,
  2 ** 31,
  2 ** 53,
  1e308,
  -1e308,
  true,
  {},
  [],
  [1],
  null,
  'NaN',
  '1e3',
);

// ---------------------------------------------------------------- requests

export interface Case {
  label: string;
  role: Role | 'public';
  method?: string;
  search?: string;
  headers?: Record<string, string>;
  /** A JSON body (stringified here) … */
  json?: unknown;
  /** … or the raw body text. */
  raw?: string;
  /** Row counts must be unchanged when this (a mutation) is refused. */
  mutation?: string;
}

const op = (label: string, role: Case['role'], query: string, variables?: unknown, extra: Partial<Case> = {}) =>
  ({ label, role, json: { query, ...(variables === undefined ? {} : { variables }) }, ...extra }) as Case;

export const sample = <T>(arb: fc.Arbitrary<T>, n: number, salt: number) =>
  fc.sample(arb, { seed: SEED + salt, numRuns: n });

export function structuralCases(): Case[] {
  const cases: Case[] = [];
  for (const d of sample(fc.integer({ min: 1, max: 60 }), 25, 1)) {
    cases.push(
      op(
        `deep nesting ${d}`,
        'public',
        `{ occupation(code: "6-18-01-01") { ${'parent { '.repeat(d)}code${' }'.repeat(d)} } }`,
      ),
    );
  }
  for (const n of sample(fc.integer({ min: 1, max: 400 }), 25, 2)) {
    const aliases = Array.from({ length: n }, (_, i) => `a${i}: name`).join(' ');
    cases.push(op(`alias bomb ${n}`, 'public', `{ occupation(code: "6-18-01-01") { ${aliases} } }`));
  }
  for (const k of sample(fc.integer({ min: 1, max: 8 }), 15, 3)) {
    const frags = Array.from(
      { length: k },
      (_, i) => `fragment F${i} on Occupation { code parent { ...F${(i + 1) % k} } }`,
    ).join(' ');
    cases.push(op(`fragment cycle ${k}`, 'public', `{ occupation(code: "6-18-01-01") { ...F0 } } ${frags}`));
  }
  for (const [levels, fan] of sample(
    fc.tuple(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 2, max: 6 })),
    15,
    4,
  )) {
    // fragment F(i) spreads F(i+1) `fan` times through aliases: fan^levels fields if expanded
    const frags = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Occupation { code name }`
        : `fragment F${i} on Occupation { ${Array.from({ length: fan }, (_, j) => `p${j}: parent { ...F${i + 1} }`).join(' ')} }`,
    ).join(' ');
    cases.push(op(`fragment bomb ${fan}^${levels}`, 'public', `{ occupation(code: "6-18-01-01") { ...F0 } } ${frags}`));
  }
  for (const [n, which] of sample(
    fc.tuple(
      fc.integer({ min: 1, max: 300 }),
      fc.constantFrom('@include(if: true)', '@skip(if: false)', '@nope', '@deprecated'),
    ),
    20,
    5,
  )) {
    cases.push(
      op(`directive flood ${which} × ${n}`, 'public', `{ occupation(code: "6-18-01-01") { code ${which.repeat(n)} } }`),
    );
  }
  for (const [n, pick] of sample(fc.tuple(fc.integer({ min: 2, max: 60 }), fc.integer({ min: -2, max: 70 })), 20, 6)) {
    const doc = Array.from({ length: n }, (_, i) => `query Q${i} { occupation(code: "6-18-01-01") { code } }`).join(
      '\n',
    );
    const operationName = pick === -2 ? undefined : pick === -1 ? 'Nope' : `Q${pick}`;
    cases.push({
      label: `${n} operations, operationName ${operationName}`,
      role: 'public',
      json: { query: doc, ...(operationName ? { operationName } : {}) },
    });
  }
  cases.push(
    op(
      'introspection bomb',
      'public',
      `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`,
    ),
    op('typename alias bomb', 'public', `{ ${Array.from({ length: 500 }, (_, i) => `t${i}: __typename`).join(' ')} }`),
    op('unknown field', 'public', '{ nope }'),
    op('mutation as public with no fields', 'public', 'mutation { }'),
    op('subscription', 'public', 'subscription { occupation(code: "6-18-01-01") { code } }'),
    op('unterminated', 'public', '{ occupation(code: "6-18-01-01") { code '),
    op('unterminated string', 'public', '{ occupation(code: "6-18-01-01) { code } }'),
    op('invalid characters', 'public', '{ occupation(code: \u0000"6") { code } }'),
  );
  return cases;
}

/** Queries whose argument comes from a variable of the given type; a hostile value goes in. */
const QUERY_TEMPLATES: { label: string; query: string; value: 'code' | 'string'; roles: Case['role'][] }[] = [
  {
    label: 'occupation(code)',
    query: 'query($v: OccupationCode!) { occupation(code: $v) { code name } }',
    value: 'code',
    roles: ['public'],
  },
  {
    label: 'occupations(search)',
    query: 'query($v: String) { occupations(search: $v, first: 5) { edges { node { code } } } }',
    value: 'string',
    roles: ['public'],
  },
  {
    label: 'occupations(parent)',
    query: 'query($v: OccupationCode) { occupations(parent: $v, first: 5) { edges { cursor } } }',
    value: 'code',
    roles: ['public'],
  },
  {
    label: 'enterprise(creditCode)',
    query: 'query($v: CreditCode) { enterprise(creditCode: $v) { name } }',
    value: 'code',
    roles: ['public', 'province_center'],
  },
  {
    label: 'enterprise(id)',
    query: 'query($v: ID) { enterprise(id: $v) { name } }',
    value: 'code',
    roles: ['public', 'enterprise'],
  },
  {
    label: 'catalog(prefecture)',
    query: 'query($v: String) { catalog(prefecture: $v, first: 3) { edges { cursor } } }',
    value: 'code',
    roles: ['public'],
  },
  {
    label: 'catalog(after)',
    query: 'query($v: String) { catalog(after: $v, first: 3) { edges { cursor } } }',
    value: 'code',
    roles: ['public'],
  },
  {
    label: 'verifyCertificate',
    query: 'query($v: String!) { verifyCertificate(number: $v, holderName: $v) { status } }',
    value: 'string',
    roles: ['public'],
  },
  {
    label: 'verifyCertificatesByIdentity',
    query: 'query($v: ResidentId!) { verifyCertificatesByIdentity(residentId: $v, holderName: "张三") { __typename } }',
    value: 'code',
    roles: ['public'],
  },
  {
    label: 'matchOccupations(title)',
    query: 'query($v: String!) { matchOccupations(title: $v, description: $v) { __typename } }',
    value: 'string',
    roles: ['public'],
  },
  {
    label: 'certificate(number)',
    query: 'query($v: String!) { certificate(number: $v) { number holderName } }',
    value: 'string',
    roles: ['province_center', 'enterprise'],
  },
  {
    label: 'worker(id)',
    query: 'query($v: ID!) { worker(id: $v) { id } }',
    value: 'code',
    roles: ['enterprise', 'city_center'],
  },
  {
    label: 'supervisionCases(prefecture)',
    query: 'query($v: String) { supervisionCases(prefecture: $v, first: 3) { edges { cursor } } }',
    value: 'code',
    roles: ['inspector', 'province_center'],
  },
  {
    label: 'filings(prefecture)',
    query: 'query($v: String) { filings(prefecture: $v, first: 3) { edges { cursor } } }',
    value: 'code',
    roles: ['city_center'],
  },
];

export function variableCases(): Case[] {
  const cases: Case[] = [];
  let salt = 100;
  for (const t of QUERY_TEMPLATES) {
    const values = sample(t.value === 'code' ? hostileCode : hostileString, 14, salt++);
    values.forEach((v, i) => {
      const role = t.roles[i % t.roles.length] as Case['role'];
      cases.push(op(`${t.label} ← ${JSON.stringify(v).slice(0, 40)}`, role, t.query, { v }));
    });
    cases.push(op(`${t.label} ← 1 MB`, t.roles[0] as Case['role'], t.query, { v: ONE_MB }));
  }
  // wrong scalars: as variables and inline
  const INT_TEMPLATES = [
    'query($v: Int) { occupations(first: $v) { edges { cursor } } }',
    'query($v: Int!) { holidayCalendar(year: $v) { year } }',
    'query($v: SkillLevel) { catalog(level: $v, first: 2) { edges { cursor } } }',
    'query($v: Date!) { planReportDeadline(evaluationDate: $v) { date } }',
    'query($v: [StatisticsDimension!]!) { assessmentStatistics(groupBy: $v) { __typename } }',
  ];
  sample(fc.tuple(fc.constantFrom(...INT_TEMPLATES), wrongScalar), 45, 150).forEach(([q, v]) => {
    cases.push(op(`wrong scalar ${JSON.stringify(v)} for ${q.slice(6, 30)}`, 'dashboard', q, { v }));
  });
  for (const lit of ['99999999999', '1.5', '"1"', '-5', 'null', '[1]', '{a: 1}', 'ENUM', '$undefined']) {
    cases.push(op(`inline first: ${lit}`, 'public', `{ occupations(first: ${lit}) { edges { cursor } } }`));
  }
  // huge lists in variables
  for (const n of sample(fc.integer({ min: 1_000, max: 150_000 }), 6, 160)) {
    cases.push(
      op(
        `huge list ${n} groupBy`,
        'dashboard',
        'query($v: [StatisticsDimension!]!) { assessmentStatistics(groupBy: $v) { __typename } }',
        {
          v: Array.from({ length: n }, () => 'PREFECTURE'),
        },
      ),
    );
  }
  // variables of the wrong type, and undeclared
  cases.push(
    op('variables a string', 'public', '{ occupation(code: "6-18-01-01") { code } }', 'v=1'),
    op('variables an array', 'public', '{ occupation(code: "6-18-01-01") { code } }', [1, 2]),
    op('variable of an object type', 'public', 'query($v: Occupation) { occupation(code: $v) { code } }', { v: 1 }),
    op('undeclared variable', 'public', '{ occupation(code: $v) { code } }', { v: '6-18-01-01' }),
    op('missing required variable', 'public', 'query($v: OccupationCode!) { occupation(code: $v) { code } }', {}),
    op('object where a string goes', 'public', 'query($v: OccupationCode!) { occupation(code: $v) { code } }', {
      v: { toString: 'x', __proto__: { polluted: true } },
    }),
    op(
      '__proto__ in variables',
      'public',
      'query($v: String) { occupations(search: $v, first: 1) { edges { cursor } } }',
      JSON.parse('{"__proto__": {"polluted": 1}, "v": "a"}'),
    ),
  );
  return cases;
}

export function httpCases(): Case[] {
  const good = '{ occupation(code: "6-18-01-01") { code } }';
  const cases: Case[] = [];
  for (const raw of sample(fc.oneof(fc.string(), fc.string({ unit: codeUnit })), 15, 200)) {
    cases.push({ label: `non-JSON body ${JSON.stringify(raw).slice(0, 30)}`, role: 'public', raw });
  }
  for (const raw of [
    '{',
    '{"query": ',
    'null',
    '123',
    '"str"',
    'true',
    '[]',
    '{}',
    '{"query": null}',
    '{"query": 123}',
    '{"query": {}}',
    '{"query": ["{ a }"]}',
    '{"variables": {}}',
    '{"query": "", "variables": null}',
    '{"operationName": 5, "query": "{ __typename }"}',
    '{"query": "{ __typename }", "extensions": "x"}',
    '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 2, "sha256Hash": "zz"}}}',
    '\u0000',
    '﻿{"query": "{ __typename }"}',
  ]) {
    cases.push({ label: `body ${raw.slice(0, 40)}`, role: 'public', raw });
  }
  cases.push({ label: 'empty body', role: 'public', raw: '' });
  cases.push({
    label: 'body over 1 MB',
    role: 'public',
    raw: JSON.stringify({ query: good, variables: { x: ONE_MB } }),
  });
  for (const ct of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/graphql',
    'application/json; charset=utf-16',
    'application/xml',
    '',
    '*/*',
  ]) {
    cases.push({
      label: `content-type "${ct}"`,
      role: 'public',
      headers: { 'content-type': ct },
      raw: JSON.stringify({ query: good }),
    });
  }
  const gets = [
    `?query=${encodeURIComponent(good)}`,
    `?query=${encodeURIComponent('mutation { submitComplaint(input: {institutionCreditCode: "x", content: "y"}) { errors { code } } }')}`,
    `?query=${encodeURIComponent(good)}&variables=notjson`,
    `?query=${encodeURIComponent(good)}&extensions=garbage`,
    `?query=${encodeURIComponent(good)}&operationName=Nope`,
    '?query=',
    '?query=%00',
    '?query=%E0%A4%A',
    '',
    `?query=${'x'.repeat(30_000)}`,
  ];
  for (const search of gets) {
    cases.push({
      label: `GET ${search.slice(0, 50)}`,
      role: 'public',
      method: 'GET',
      search,
      headers: { 'apollo-require-preflight': 'true' },
    });
    cases.push({
      label: `GET without preflight header ${search.slice(0, 40)}`,
      role: 'public',
      method: 'GET',
      search,
      headers: {},
    });
  }
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    cases.push({ label: `${method}`, role: 'public', method, raw: JSON.stringify({ query: good }) });
  }
  for (const n of sample(fc.integer({ min: 0, max: 30 }), 8, 210)) {
    cases.push({
      label: `batch of ${n}`,
      role: 'public',
      json: Array.from({ length: n }, () => ({ query: good })),
    });
  }
  cases.push(
    { label: 'bad bearer token', role: 'public', headers: { authorization: 'Bearer x.y.z' }, json: { query: good } },
    { label: 'basic auth', role: 'public', headers: { authorization: 'Basic YTpi' }, json: { query: good } },
    {
      label: 'alg none token',
      role: 'public',
      headers: {
        authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"role":"admin"}').toString('base64url')}.`,
      },
      json: { query: good },
    },
    {
      label: 'huge authorization header',
      role: 'public',
      headers: { authorization: `Bearer ${'a'.repeat(8_000)}` },
      json: { query: good },
    },
  );
  return cases;
}
