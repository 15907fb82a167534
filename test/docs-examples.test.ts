import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO_CERTIFICATE } from '@hub/db';
import { ACCESS_TABLE_END, ACCESS_TABLE_START, accessTableMarkdown, parseClaims, signUserToken } from '@hub/platform';
import { addCalendarDays } from '@hub/vocabulary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  curlRequest,
  declaredVariables,
  type Example,
  extractExamples,
  HUB_ORIGIN,
  leaves,
  payloadErrors,
  readExamples,
  shellLines,
  shellWords,
  showsErrors,
  tokenCommand,
  valueAt,
} from './docs-examples.ts';
import { gql, partnerToken, startTestHub, type TestHub } from './helpers.ts';

/**
 * The README and docs/ cannot lie: every GraphQL and curl example in them runs against a demo hub
 * (real gateway, real subgraphs, the demo seed) and must answer without errors, and with the
 * result it shows where it shows one. The conventions are in docs-examples.ts and docs/examples.md.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Certificates in the demo seed: all 14 市州 and the story institution, seeded in seconds. */
const SEED_SIZE = 2000;
const examples = readExamples(ROOT);

let hub: TestHub | undefined;
let graphqlUrl: string;
let origin: string;
/** Demo values and what earlier examples saved, by variable name. */
const values: Record<string, unknown> = {};
let help: Promise<string>;

/** A running demo hub to read the examples against instead (`pnpm start`: DOCS_HUB_URL=http://127.0.0.1:4000/graphql). */
const external = process.env.DOCS_HUB_URL;

beforeAll(async () => {
  help = promisify(execFile)('pnpm', ['--silent', 'hub', '--help'], { cwd: ROOT }).then((r) => r.stdout);
  help.catch(() => {});
  hub = external ? undefined : await startTestHub(SEED_SIZE);
  graphqlUrl = external ?? (hub as TestHub).url;
  origin = new URL(graphqlUrl).origin;
  Object.assign(values, await demoValues());
});
afterAll(() => hub?.stop());

/** The values docs/examples.md promises, read from the demo data as a reader would find them. */
async function demoValues(): Promise<Record<string, unknown>> {
  const province = await signUserToken({ role: 'province_center', sub: 'docs' });
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const r = await gql(graphqlUrl, query, { token: province, variables });
    if (r.errors) throw new Error(`demo values: ${JSON.stringify(r.errors)}`);
    return r.data as Record<string, any>;
  };
  const catalog = await ask(
    '{ catalog(prefecture: "430100", first: 100) { edges { node { institutionCode enterprise { id creditCode } } } } }',
  );
  const story = catalog.catalog.edges.find((e: any) => e.node.institutionCode === '010001')?.node.enterprise;
  if (!story) throw new Error('demo values: no institution 010001 in 长沙 (the story institution)');
  const { certificate } = await ask('query($n: String!) { certificate(number: $n) { occupation { code } } }', {
    n: DEMO_CERTIFICATE.number,
  });
  const cases = await ask('{ supervisionCases(first: 1) { edges { node { id } } } }');
  const clock = (await (await fetch(`${origin}/admin/clock`)).json()) as { today: string };
  return {
    enterpriseId: story.id,
    creditCode: story.creditCode,
    occupationCode: certificate.occupation.code,
    caseId: cases.supervisionCases.edges[0]?.node.id,
    today: clock.today,
    inAMonth: addCalendarDays(clock.today, 30),
  };
}

const resolve = (v: string) => (v.startsWith('$') ? String(variable(v.slice(1))) : v);
function variable(name: string): unknown {
  if (!(name in values) || values[name] === undefined)
    throw new Error(`$${name} is neither a demo value (docs/examples.md) nor saved by an earlier example`);
  return values[name];
}

/** A token as `pnpm --silent hub token` would print it for these flags. */
async function tokenFor(flags: Record<string, string>): Promise<string | undefined> {
  const known = [
    'role',
    'enterprise',
    'credit-code',
    'prefecture',
    'sub',
    'expires',
    'name',
    'can-write',
    'days',
    'token',
  ];
  const unknown = Object.keys(flags).filter((k) => !known.includes(k));
  if (unknown.length) throw new Error(`unknown token flag(s): ${unknown.join(', ')}`);
  if (flags.token) return resolve(flags.token);
  if (!flags.role || flags.role === 'public') return undefined;
  if (flags.role === 'hr_partner') {
    if (!hub) throw new Error('an hr_partner token needs the test hub');
    return partnerToken(hub, resolve(flags.enterprise ?? ''), {
      canWrite: flags['can-write'] === 'true',
      ...(flags.name ? { name: flags.name } : {}),
      ...(flags.days ? { validDays: Number(flags.days) } : {}),
    });
  }
  const claims = parseClaims({
    role: flags.role,
    enterpriseId: flags.enterprise ? resolve(flags.enterprise) : undefined,
    creditCode: flags['credit-code'] ? resolve(flags['credit-code']) : undefined,
    prefecture: flags.prefecture ? resolve(flags.prefecture) : undefined,
    sub: flags.sub ?? `cli-${flags.role}`,
  });
  return signUserToken(claims, flags.expires ?? '12h');
}

const callerFlags = (c: Caller) => ({ role: c.role, ...c.with });

/** The checks every answer passes: no errors unless shown, the result shown, the values named. */
function check(ex: Example, status: number, answer: unknown, graphql: boolean) {
  const where = `${ex.file}:${ex.line}`;
  if (!showsErrors(ex.shows)) {
    if (graphql) {
      const a = answer as { errors?: unknown; data?: unknown };
      expect(a.errors, `${where} answers with errors`).toBeUndefined();
      expect(a.data, `${where} answers no data`).toBeTruthy();
      const refused = payloadErrors(a.data);
      expect(refused, masked(`${where}: refused ${JSON.stringify(refused.map((p) => valueAt(a, p)))}`)).toEqual([]);
    }
    expect(status, masked(`${where}: HTTP ${status} ${JSON.stringify(answer)}`)).toBeLessThan(300);
  }
  if (ex.shows !== undefined) expect(answer, `${where}: not the result it shows`).toMatchObject(ex.shows as object);
  for (const value of ex.answers) expect(leaves(answer), `${where} answers \`${value}\``).toContain(value);
}

async function runGraphql(ex: Example) {
  const variables: Record<string, unknown> = {};
  for (const v of declaredVariables(ex.code)) {
    if (v.name in values) variables[v.name] = values[v.name];
    else if (v.required) variable(v.name);
  }
  const token = await tokenFor(callerFlags(ex.caller));
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: ex.code, variables }),
  });
  const answer = (await res.json()) as { data?: unknown };
  check(ex, res.status, answer, true);
  for (const s of ex.save) {
    const v = valueAt(answer.data, s.path);
    expect(v, `${ex.file}:${ex.line} saves ${s.name} from data.${s.path}`).toBeDefined();
    values[s.name] = v;
  }
}

async function runCurl(ex: Example) {
  // The demo values and what earlier examples saved ($enterpriseId, a saved $planId) are shell variables too.
  const env: Record<string, string> = Object.fromEntries(
    Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  let last: { status: number; body: unknown; graphql: boolean } | undefined;
  for (const line of shellLines(ex.code)) {
    const words = shellWords(line, env);
    if (words.length === 0) continue;
    const assign = /^(\w+)=(.*)$/s.exec(words[0] as string);
    if (assign && words.length === 1) {
      const [, name = '', value = ''] = assign;
      const sub = /^\$\((.*)\)$/s.exec(value);
      env[name] = sub ? ((await tokenFor(tokenCommand(shellWords(sub[1] as string, env)))) ?? '') : value;
      continue;
    }
    if (words[0] !== 'curl') throw new Error(`${ex.file}:${ex.line}: the doc test cannot run "${line.trim()}"`);
    // A curl before the last answers without a refusal; the last one as the example shows it.
    if (last) check({ ...ex, shows: undefined, answers: [] }, last.status, last.body, last.graphql);
    const req = curlRequest(words.slice(1));
    if (!req.url.startsWith(HUB_ORIGIN)) throw new Error(`${ex.file}:${ex.line}: ${req.url} is not the hub`);
    const url = origin + req.url.slice(HUB_ORIGIN.length);
    const res = await fetch(url, { method: req.method, headers: req.headers, ...(req.body ? { body: req.body } : {}) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    last = { status: res.status, body, graphql: new URL(url).pathname === '/graphql' };
  }
  if (!last) throw new Error(`${ex.file}:${ex.line}: no curl ran`);
  check(ex, last.status, last.body, last.graphql);
}

const run = (ex: Example) => (ex.kind === 'graphql' ? runGraphql(ex) : runCurl(ex));

/** Resident-ID shapes masked: test names and messages go to the run's log, which must hold none. */
const masked = (text: string) => text.replace(/(\d{3})\d{14}[\dXx]/g, '$1***************');

const title = (ex: Example) =>
  masked(
    `${ex.file}:${ex.line} ${ex.caller.role} ${ex.code
      .replace(/^(TOKEN=.*|#.*)$/gm, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 70)}`,
  );

async function clearClock() {
  const admin = await signUserToken({ role: 'admin', sub: 'docs-test' });
  const res = await fetch(`${origin}/admin/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ clear: true }),
  });
  expect(res.status).toBe(200);
}

for (const file of [...new Set(examples.map((e) => e.file))]) {
  describe(file, () => {
    beforeAll(clearClock);
    for (const ex of examples.filter((e) => e.file === file)) it(title(ex), () => run(ex));
  });
}

describe('the docs themselves', () => {
  it('hold examples to run: GraphQL and curl, in the README and in docs/', () => {
    const count = (kind: Example['kind'], inReadme: boolean) =>
      examples.filter((e) => e.kind === kind && (e.file === 'README.md') === inReadme).length;
    expect(count('curl', true)).toBeGreaterThanOrEqual(2);
    expect(count('graphql', false)).toBeGreaterThanOrEqual(10);
  });

  it('verify the demo certificate in the README: it answers VALID', () => {
    const verification = examples.find(
      (e) =>
        e.file === 'README.md' &&
        e.code.includes(DEMO_CERTIFICATE.number) &&
        e.code.includes(DEMO_CERTIFICATE.holderName) &&
        e.code.includes('verifyCertificate'),
    );
    expect(verification?.answers).toContain('VALID');
  });

  it('list every command and flag of `pnpm hub --help` in the README Commands table, and nothing it lacks', async () => {
    const usage = await help;
    const table = commandsTable();
    const rows = table.split('\n');
    expect(
      rows.every((r) => r.startsWith('|')),
      'the Commands table has no blank line or text inside',
    ).toBe(true);
    const firsts = rows.slice(2).map((r) => cells(r)[1]?.trim());
    expect(new Set(firsts).size, 'the Commands table repeats a row').toBe(firsts.length);
    const commands = [...usage.matchAll(/^ {2}([a-z][\w-]*(?: [a-z]+\b)?)(.*)$/gm)];
    expect(commands.length).toBeGreaterThan(5);
    for (const [, command = '', rest = ''] of commands) {
      const head = command.split(',')[0] as string;
      if (head === 'help') expect(table).toContain('pnpm hub --help');
      else expect(table, `pnpm hub ${head}`).toMatch(new RegExp(`(hub|pnpm) ${head}\\b`));
      for (const flag of rest.match(/--[\w-]+/g) ?? []) expect(table, `${head} ${flag}`).toContain(flag);
    }
    for (const cell of rows.slice(2).map((r) => cells(r)[1] ?? '')) {
      const spans = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
      let pkg = '';
      for (const span of spans) {
        const words = span.split(/\s+/);
        if (words[0] !== 'pnpm') {
          if (pkg) expect(scriptsOf(pkg), `${pkg} ${span}`).toContain(words[0]);
          continue;
        }
        const hubAt = words.indexOf('hub');
        if (hubAt > 0 && words.slice(1, hubAt).every((w) => w === '--silent')) {
          const sub = words[hubAt + 1] as string;
          if (sub !== '--help') expect(usage, span).toMatch(new RegExp(`^ {2}${sub}\\b`, 'm'));
        } else if (words[1] === '--filter') {
          pkg = words[2] as string;
          const script = words[3] === 'run' ? words[4] : words[3];
          expect(scriptsOf(pkg), span).toContain(script);
        } else expect(scriptsOf('hunan-skill-hub'), span).toContain(words[1]);
      }
    }
  });

  it('render the access matrix in docs/security.md exactly as generated', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/security.md'), 'utf8');
    const start = doc.indexOf(ACCESS_TABLE_START);
    const end = doc.indexOf(ACCESS_TABLE_END);
    expect(start, 'docs/security.md has the access-matrix markers').toBeGreaterThan(0);
    expect(doc.slice(start + ACCESS_TABLE_START.length, end).trim()).toBe(accessTableMarkdown());
  });

  it('fail an example whose shown result, named value or answer is wrong', async () => {
    const broken = extractExamples(
      'broken.md',
      [
        'The ladder answers `学徒工`:',
        '```graphql',
        '{ skillLadder { name } }',
        '```',
        '',
        '```json',
        '{ "data": { "skillLadder": [{ "name": "no such rung" }] } }',
        '```',
        '',
        'This answers `NOT_A_VALUE`:',
        '```graphql',
        '{ skillLadder { name } }',
        '```',
        '',
        '```sh',
        `curl -s ${HUB_ORIGIN}/graphql -H 'content-type: application/json' -d '{"query":"{ enterprises(first: 1) { edges { node { name } } } }"}'`,
        '```',
      ].join('\n'),
    );
    expect(broken.map((e) => [e.kind, e.answers])).toEqual([
      ['graphql', ['学徒工']],
      ['graphql', ['NOT_A_VALUE']],
      ['curl', []],
    ]);
    for (const ex of broken) await expect(run(ex), `${ex.kind} at line ${ex.line}`).rejects.toThrow();
  });
});

/** A table row's cells (a `\|` inside a cell is not a border). */
const cells = (row: string) => row.split(/(?<!\\)\|/);

function commandsTable(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Commands')) ?? '';
  const lines = section.split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const last = lines.findLastIndex((l) => l.startsWith('|'));
  return lines.slice(first, last + 1).join('\n');
}

/** The scripts of a workspace package, by its name. */
function scriptsOf(name: string): string[] {
  const dirs = ['.', ...readdirSync(ROOT).filter((d) => !d.startsWith('.') && d !== 'node_modules')];
  for (const d of [...dirs, ...readdirSync(path.join(ROOT, 'subgraphs')).map((s) => `subgraphs/${s}`)]) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(ROOT, d, 'package.json'), 'utf8'));
      if (pkg.name === name) return Object.keys(pkg.scripts ?? {});
    } catch {}
  }
  return [];
}
