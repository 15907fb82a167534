import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { hubError } from '../src/errors.ts';
import { jitExecutor } from '../src/jit.ts';
import { formatHubError } from '../src/subgraph.ts';

/** A schema whose resolvers answer, refuse with a code, fail like a database, or break a non-null field. */
function server() {
  const schema = buildSchema(`type Query {
    hello(name: String!): String!
    refused: Int
    broken: Int
    missing: Int!
    list(n: Int!): [Row!]!
  }
  type Row { i: Int! label: String }`);
  const fields = schema.getQueryType()?.getFields() ?? {};
  Object.assign(fields.hello ?? {}, { resolve: (_: unknown, a: { name: string }) => `你好 ${a.name}` });
  Object.assign(fields.refused ?? {}, {
    resolve: async () => {
      throw hubError('BAD_USER_INPUT', 'not a cursor this hub issued', { field: 'after' });
    },
  });
  Object.assign(fields.broken ?? {}, {
    resolve: async () => {
      throw Object.assign(new Error('Failed query: select secret'), { cause: { code: '42P01', message: 'no table' } });
    },
  });
  Object.assign(fields.missing ?? {}, { resolve: () => null });
  Object.assign(fields.list ?? {}, {
    resolve: (_: unknown, a: { n: number }) => Array.from({ length: a.n }, (_x, i) => ({ i, label: `r${i}` })),
  });
  return new ApolloServer({ gateway: jitExecutor(schema), formatError: formatHubError('jit-test') });
}

describe('graphql-jit executor (jit.ts)', async () => {
  const s = server();
  await s.start();
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const r = await s.executeOperation({ query, ...(variables ? { variables } : {}) });
    if (r.body.kind !== 'single') throw new Error('expected a single result');
    return r;
  };
  const single = (r: Awaited<ReturnType<typeof run>>) =>
    (
      r.body as {
        singleResult: {
          data?: unknown;
          errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown }[];
        };
      }
    ).singleResult;

  it('executes queries with variables, the same document twice from its compiled form', async () => {
    for (const name of ['甲', '乙']) {
      expect(single(await run('query($n: String!) { hello(name: $n) }', { n: name })).data).toEqual({
        hello: `你好 ${name}`,
      });
    }
    expect(single(await run('{ list(n: 3) { i label } }')).data).toEqual({
      list: [
        { i: 0, label: 'r0' },
        { i: 1, label: 'r1' },
        { i: 2, label: 'r2' },
      ],
    });
  });

  it('keeps a refusal’s code and field, and masks an unexpected error', async () => {
    const refused = single(await run('{ refused }'));
    expect(refused.errors?.[0]).toMatchObject({
      message: 'not a cursor this hub issued',
      path: ['refused'],
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    const broken = single(await run('{ broken }'));
    expect(broken.errors?.[0]).toMatchObject({
      message: 'internal error; the hub has logged it',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(broken)).not.toContain('secret');
    const missing = single(await run('{ missing }'));
    expect(missing.data).toBeNull();
    expect(missing.errors?.[0]?.path).toEqual(['missing']);
  });

  it('refuses a variable of the wrong type as Apollo Server does: BAD_USER_INPUT, HTTP 400', async () => {
    const r = await run('query($n: String!) { hello(name: $n) }', { n: 42 });
    expect(r.http.status).toBe(400);
    expect(single(r).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
