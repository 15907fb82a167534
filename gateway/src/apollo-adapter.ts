import type { ApolloGateway, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { QueryPlanner } from '@apollo/query-planner';
import type { GatewayGraphQLRequest, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { DocumentNode, FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from './datasource.ts';

/**
 * Every place the gateway relies on Apollo's internals rather than its documented API, in one
 * file, each with what it relies on. Written for the versions in WRITTEN_FOR;
 * test/apollo-adapter.test.ts fails when the installed ones change, so that each item below is
 * checked again before the new versions are taken.
 */
export const WRITTEN_FOR = {
  '@apollo/gateway': '2.14.4',
  '@apollo/query-planner': '2.14.4',
  '@apollo/server': '5.5.1',
} as const;

/**
 * 1. Apollo Gateway's own query planner, through `__testing()` (public in the typings, but named
 * for tests): it relies on `queryPlanner` being the planner the gateway executes with. Undefined
 * until the gateway has loaded, or should a version drop it; the passthrough then builds its own.
 */
export function gatewayQueryPlanner(gateway: ApolloGateway): QueryPlanner | undefined {
  try {
    return gateway.__testing().queryPlanner ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * 2. A data source call as Apollo Gateway's executeQueryPlan makes it for a client's operation.
 * `GraphQLDataSourceProcessOptions` discriminates on `kind`, an enum
 * (`GraphQLDataSourceRequestKind.INCOMING_OPERATION`) the package does not export at runtime in a
 * form a type import can name: this relies on its value being the string 'incoming operation', and
 * on the fields listed here being all a data source reads (ours reads `request` and `context`).
 * The fast path has no Apollo request context: `incomingRequestContext` is then absent.
 */
export function incomingOperation(call: {
  request: GatewayGraphQLRequest;
  context: GatewayContext;
  incomingRequestContext?: GatewayGraphQLRequestContext | undefined;
  document?: DocumentNode;
}): GraphQLDataSourceProcessOptions<GatewayContext> {
  return { kind: 'incoming operation', ...call } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

/**
 * 3. The JSON text of `data` when a subgraph's answer is `{"data":{…}}` and nothing else; else
 * undefined. Relies on the subgraphs answering through Apollo Server 5, which writes a result's
 * keys in the order errors, data, extensions with `JSON.stringify` (no spaces): so an answer that
 * starts `{"data":{` has no `errors` before it, and one with neither `"errors":` nor
 * `"extensions":` anywhere has none after it (inside a string value a quote is escaped, so only a
 * field or alias so named can match, and then the answer is parsed as usual: slower, never wrong).
 */
export function dataOnlyText(text: string): string | undefined {
  if (!text.startsWith('{"data":{')) return undefined;
  if (text.includes('"errors":') || text.includes('"extensions":')) return undefined;
  const end = text.trimEnd();
  return end.endsWith('}') ? end.slice('{"data":'.length, -1) : undefined;
}

/**
 * 4. `data` handed to Apollo Server as a `RawJson` (below) in place of an object: relies on Apollo
 * Server passing an executor's `data` untouched to `stringifyResult` and its plugins (no plugin of
 * the gateway walks it but lookup-gate.ts, which reads RawJson).
 */
export const rawData = (text: string): Record<string, unknown> =>
  new RawJson(text) as unknown as Record<string, unknown>;

/**
 * A subgraph's `data` as its JSON text, handed to the client as it came: the passthrough's answer
 * to a query the subgraph answered with `data` alone. Parsing a wide answer (a statistics table of
 * 1,700 rows is ~390 KB) only to write the same text again was most of the gateway's work on it.
 * `stringifyResult` writes it into the response; anything else that serializes it (`toJSON`) gets
 * the parsed value, so it reads as ordinary data wherever it goes.
 */
export class RawJson {
  constructor(readonly text: string) {}
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/**
 * 5. Apollo Server's `stringifyResult` for the gateway: its default (`JSON.stringify` and a newline),
 * except that `data` held as `RawJson` is written as its text. Apollo orders the result's keys
 * errors, data, extensions before this is called; the output keeps that order, byte for byte what
 * the default makes of the parsed data.
 */
export function stringifyResult(value: FormattedExecutionResult): string {
  const data: unknown = value.data;
  if (!(data instanceof RawJson)) return `${JSON.stringify(value)}\n`;
  let out = '{';
  if (value.errors !== undefined) out += `"errors":${JSON.stringify(value.errors)},`;
  out += `"data":${data.text}`;
  if (value.extensions !== undefined) out += `,"extensions":${JSON.stringify(value.extensions)}`;
  return `${out}}\n`;
}
