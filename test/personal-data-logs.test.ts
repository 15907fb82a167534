/**
 * Resident IDs (公民身份号码) never reach a log line or a public response (issue #8, acceptance 4),
 * even when a request is built to make the hub fail on one: an ID where a date, uuid, cursor,
 * credit code or query token belongs (messages that quote the value back, database errors that
 * quote it), a wrong check digit, and duplicate registrations of one person raced against each
 * other (unique-key errors carry the ID in their detail and in the statement's parameters).
 *
 * The hub runs in its own process so ALL its output is captured; the whole run's output is
 * scanned again by log-capture.ts.
 */
import { signUserToken } from '@hub/platform';
import { residentIdCheckChar } from '@hub/vocabulary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findResidentIds } from './log-scan.ts';
import { startHubProcess } from './processes.ts';

/** A valid GB 11643 number for a made-up person. */
const rid = (seq: number) => {
  const first17 = `430104198${seq % 10}0612${String(100 + (seq % 900)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};

let hub: Awaited<ReturnType<typeof startHubProcess>>;
beforeAll(async () => {
  hub = await startHubProcess(300, { HUB_PUBLIC_RATE: '0', HUB_LOG_LEVEL: 'info' }); // info: access lines too
}, 200_000);
afterAll(() => hub?.kill());

async function post(query: string, variables: Record<string, unknown> = {}, bearer?: string) {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, text: await res.text() };
}

describe('resident IDs in failing requests', () => {
  it('appear in no public response and in none of the hub process’s output', async () => {
    const catalog = JSON.parse((await post('{ catalog(first: 1) { edges { node { enterprise { id } } } } }')).text) as {
      data: { catalog: { edges: { node: { enterprise: { id: string } } }[] } };
    };
    const institutionId = catalog.data.catalog.edges[0]?.node.enterprise.id as string;
    expect(institutionId).toBeTruthy();
    const institution = await signUserToken({ role: 'enterprise', enterpriseId: institutionId, sub: 'pd-test' });

    const id = rid(1);
    const wrongCheck = id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
    const REGISTER =
      'mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code } } }';
    const publicAsks: [string, Record<string, unknown>][] = [
      [
        'query($v: ResidentId!) { verifyCertificatesByIdentity(residentId: $v, holderName: "张三") { status } }',
        { v: id },
      ],
      [
        'query($v: ResidentId!) { verifyCertificatesByIdentity(residentId: $v, holderName: "张三") { status } }',
        { v: wrongCheck },
      ],
      ['query($v: String!) { verifyCertificate(number: $v, holderName: $v) { status } }', { v: id }],
      ['query($v: CreditCode) { enterprise(creditCode: $v) { name } }', { v: id }],
      ['query($v: OccupationCode!) { occupation(code: $v) { name } }', { v: id }],
      ['query($v: ID) { enterprise(id: $v) { name } }', { v: id }],
      [
        'query($v: String) { catalog(after: $v, first: 1) { edges { cursor } } }',
        { v: Buffer.from(id).toString('base64url') },
      ],
      ['query($v: String) { catalog(prefecture: $v, first: 1) { edges { cursor } } }', { v: id }],
      [`{ occupation(code: "6-18-01-01") { name } ${id} }`, {}],
      [`{ occupation(code: "${id}") { name } }`, {}],
      // an operation named after one: the gateway's access log names the operation
      [`query Q${id} { occupation(code: "6-18-01-01") { name } }`, {}],
      [`query($v: Int) { occupations(first: $v) { edges { cursor } } }`, { v: id }],
      [REGISTER, { i: { name: '张三', residentId: id, employedSince: '2020-01-01' } }],
    ];
    // a request id made of one: the hub makes its own id instead (ids go into every log line and back)
    const tagged = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': `req-${id}` },
      body: JSON.stringify({ query: '{ occupation(code: "6-18-01-01") { name } }' }),
    });
    expect(tagged.status).toBe(200);
    expect(findResidentIds(tagged.headers.get('x-request-id') ?? '')).toEqual([]);
    const publicTexts: string[] = [];
    for (const [query, variables] of publicAsks) {
      const r = await post(query, variables);
      expect(r.status).toBeLessThan(500);
      publicTexts.push(r.text);
    }

    const own: { status: number; text: string }[] = [];
    const asOwn = async (query: string, variables: Record<string, unknown>) => {
      const r = await post(query, variables, institution);
      expect(r.status).toBeLessThan(500);
      own.push(r);
      return r;
    };
    await asOwn(REGISTER, { i: { name: '李四', residentId: wrongCheck, employedSince: '2020-01-01' } });
    await asOwn(REGISTER, { i: { name: '李四', residentId: id, employedSince: id } });
    await asOwn(REGISTER, { i: { name: '李四', residentId: id, employedSince: '2020-01-01', dispatched: id } });
    await asOwn(REGISTER, {
      i: { name: id, residentId: id, employedSince: '2020-01-01', employerCreditCode: id, employerName: 'x' },
    });
    await asOwn('query($v: ID!) { worker(id: $v) { id } }', { v: id });
    await asOwn('query($v: ID!) { evaluationPlan(id: $v) { id } }', { v: id });
    await asOwn(
      'mutation($p: ID!, $t: String!) { raiseObjection(planId: $p, raisedBy: $t, content: $t) { errors { code } } }',
      { p: id, t: id },
    );
    // the same person registered eight times at once: at most one wins, the rest are refused
    const twin = rid(2);
    const raced = await Promise.all(
      Array.from({ length: 8 }, () =>
        asOwn(REGISTER, { i: { name: '王五', residentId: twin, employedSince: '2021-03-01' } }),
      ),
    );
    const made = raced.filter((r) => JSON.parse(r.text).data?.registerWorker?.worker?.id).length;
    expect(made).toBe(1);
    const again = await asOwn(REGISTER, { i: { name: '王五', residentId: twin, employedSince: '2021-03-01' } });
    expect(JSON.parse(again.text).data.registerWorker.errors).toEqual([{ code: 'WORKER_ALREADY_RECORDED' }]);

    // public answers never carry one, whatever was asked
    for (const text of publicTexts) expect(findResidentIds(text), text).toEqual([]);
    // error messages to the institution itself are masked too
    for (const r of own) {
      const errors = JSON.stringify(JSON.parse(r.text).errors ?? []);
      expect(findResidentIds(errors), errors).toEqual([]);
    }

    // and the hub process wrote none, up to and including its shutdown
    hub.proc.child.kill('SIGTERM');
    expect(await hub.proc.exited).toBe(0);
    const output = hub.proc.output();
    expect(output).toMatch(/Hub gateway ready at/); // the capture works
    expect(findResidentIds(output)).toEqual([]);
  }, 120_000);
});
