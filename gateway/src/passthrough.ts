import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import type { ApolloGateway } from '@apollo/gateway';
import { type FetchNode, type PlanNode, QueryPlanner } from '@apollo/query-planner';
import type {
  GatewayExecutionResult,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import { type FastPath, KnownTexts, perOperation, plainBody, plainJsonRequest, variablesRefusal } from '@hub/platform';
import {
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { gatewayQueryPlanner, incomingOperation, rawData } from './apollo-adapter.ts';

export { RawJson, stringifyResult } from './apollo-adapter.ts';

import type { GatewayContext, HubDataSource } from './datasource.ts';
import { pagesByVariable } from './limits.ts';

/**
 * 单服务直通 (single-subgraph passthrough): a query whose whole plan is one fetch from one
 * subgraph, asking that subgraph exactly what the client asked, is answered with the subgraph's
 * own `data`, without Apollo Gateway's query-plan execution and result post-processing (which
 * walks every field of the answer once more: most of the gateway's cost on a lookup like
 * 证书查询 and on a wide statistics answer).
 *
 * Safe because it only applies when nothing would change the answer:
 * - the plan is a single root fetch (no `requires`, no rewrites), of a query;
 * - the fetch's selection equals the client's, field by field (aliases, arguments, directives,
 *   order; fragments expanded), so the subgraph's `data` has exactly the shape the client asked
 *   for — the planner adds nothing (no `__typename` for a later fetch);
 * - the subgraph answered without errors. Any error, or a refused call, sends the request down
 *   the ordinary path (queries only, so asking again changes nothing), which words and codes
 *   errors as always.
 * An answer of `data` alone is not even parsed: its text goes to the client as it came (`RawJson`).
 * The subgraph is called through the same data source as the ordinary path (signed caller,
 * request id, trace headers, deadline, in-flight collapsing) with the same variables the planner
 * would send. Every other check (validation, limits, cost, rate limit) has run before the executor.
 *
 * Apollo Gateway's planner and the shape of its data-source calls are reached through
 * apollo-adapter.ts, the one file that touches Apollo internals.
 *
 * Decisions are cached per parsed document (Apollo Server reuses the DocumentNode of a repeated
 * query) and operation name.
 */

type Executor = (ctx: GatewayGraphQLRequestContext) => Promise<GatewayExecutionResult>;

interface Direct {
  fetch: FetchNode;
}

export interface PassthroughStats {
  /** Requests answered straight from one subgraph. */
  direct: number;
  /** Of those, answers passed on as the subgraph's own text, never parsed (`RawJson`). */
  unparsed: number;
  /** Requests that went down Apollo Gateway's ordinary path (not eligible, or the subgraph reported errors). */
  ordinary: number;
  /** Of those, eligible requests sent down the ordinary path because the subgraph reported errors. */
  retried: number;
  /** Of `direct`, requests answered by the fast path, without Apollo Server's request pipeline. */
  fast: number;
}

/** A query text (and operation name) the ordinary pipeline has accepted and answered directly. */
interface Known {
  fetch: FetchNode;
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
}

/** What Apollo Server sends with a JSON answer here (its cache-control plugin: nothing cacheable). */
const JSON_ANSWER = { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' };

/** Wraps Apollo Gateway so eligible queries skip its plan execution; see the module comment. */
export function withPassthrough(
  gateway: ApolloGateway,
  opts: { supergraphSdl: string; dataSources: Map<string, HubDataSource>; enabled?: boolean },
): { gateway: GatewayInterface; stats: PassthroughStats; fastPath: FastPath<GatewayContext> } {
  const stats: PassthroughStats = { direct: 0, unparsed: 0, ordinary: 0, retried: 0, fast: 0 };
  if (opts.enabled === false) {
    // Every query goes the ordinary way; still counted, so that the path taken stays observable.
    return {
      gateway: wrapGateway(gateway, (ordinary) => counted(ordinary, stats)),
      stats,
      fastPath: async () => undefined,
    };
  }
  const known = new KnownTexts<Known>();
  // Apollo Gateway's own planner once it has loaded (no second copy of the query graph); else one of ours.
  let planner: QueryPlanner | undefined;
  const plannerOf = () => {
    planner ??= gatewayQueryPlanner(gateway) ?? new QueryPlanner(Supergraph.build(opts.supergraphSdl));
    return planner;
  };
  const decisions = perOperation<Direct | null>();

  const plan = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
  ): Direct | null => {
    try {
      const planner = plannerOf();
      const apiSchema = planner.supergraph.apiSchema();
      const operation = operationFromDocument(apiSchema, document, operationName ? { operationName } : {});
      const fetch = singleFetch(planner.buildQueryPlan(operation).node as PlanNode | undefined);
      if (!fetch || !opts.dataSources.has(fetch.serviceName)) return null;
      const client = operationOf(document, operationName);
      const sent = parse(fetch.operation);
      const subgraphOp = operationOf(sent, fetch.operationName);
      if (!client || !subgraphOp || client.operation !== 'query' || subgraphOp.operation !== 'query') return null;
      const query = schema.getQueryType();
      if (!query) return null;
      const same = sameSelections(
        { set: client.selectionSet, fragments: fragmentsOf(document) },
        { set: subgraphOp.selectionSet, fragments: fragmentsOf(sent) },
        query,
      );
      return same ? { fetch } : null;
    } catch {
      return null; // whatever the planner makes of it, the ordinary path decides
    }
  };

  /** The subgraph's answer to a direct fetch, as the planner would ask it (variables it uses, as given). */
  const fetchDirect = async (
    fetch: FetchNode,
    provided: Record<string, unknown> | null | undefined,
    context: GatewayContext,
    incomingRequestContext?: GatewayGraphQLRequestContext,
  ) => {
    const source = opts.dataSources.get(fetch.serviceName) as HubDataSource;
    const variables = usedVariables(fetch, provided);
    try {
      // The call executeQueryPlan would make for this fetch.
      return await source.processRaw(
        incomingOperation({
          request: { query: fetch.operation, variables, operationName: fetch.operationName },
          incomingRequestContext,
          context,
          ...(fetch.operationDocumentNode ? { document: fetch.operationDocumentNode } : {}),
        }),
      );
    } catch {
      return undefined;
    }
  };

  const wrap =
    (ordinary: Executor): Executor =>
    async (ctx) => {
      const direct =
        ctx.operation?.operation === 'query'
          ? decisions(ctx.document, ctx.request.operationName, () =>
              plan(ctx.schema, ctx.document, ctx.request.operationName),
            )
          : null;
      if (!direct) {
        stats.ordinary++;
        return ordinary(ctx);
      }
      const { fetch } = direct;
      const response = await fetchDirect(fetch, ctx.request.variables, ctx.context as GatewayContext, ctx);
      if (response && 'dataText' in response) {
        stats.direct++;
        stats.unparsed++;
        // Accepted by the whole pipeline (parse, validation, limits, variables, context) and answered
        // directly: the same text may take the fast path next time, unless its cost depends on variables.
        const { query, operationName } = ctx.request;
        if (
          query !== undefined &&
          ctx.operation &&
          !known.has(query, operationName) &&
          !pagesByVariable(ctx.document)
        ) {
          known.learn(query, operationName, { fetch, schema: ctx.schema, operation: ctx.operation });
        }
        return { data: rawData(response.dataText) };
      }
      if (!response || response.errors?.length || response.data == null) {
        stats.retried++;
        stats.ordinary++;
        return ordinary(ctx);
      }
      stats.direct++;
      return { data: response.data };
    };

  /**
   * 快速通道 (fast path): a POST whose query text and operation name the ordinary pipeline has
   * already accepted and answered directly, sent again with other variables, skips Apollo Server's
   * request pipeline: the variables are coerced against the operation as Apollo would, the context
   * (caller, rate limit) is made as for any request, and the subgraph is asked exactly what the
   * passthrough asks it. Only an answer of `data` alone is sent from here; anything else — no known
   * text, bad variables, a refused caller, an error or a failed call — returns undefined, and the
   * request goes through Apollo Server as ever (a query: asking again changes nothing), with the
   * context made once. Everything decided per document (parsing, validation rules, token and depth
   * limits, the operation, a cost that no variable changes) was decided when the text was learnt.
   */
  const fastPath: FastPath<GatewayContext> = async (req, body, context) => {
    const plain = plainJsonRequest(req) ? plainBody(body) : undefined;
    const entry = plain && known.get(plain.query, plain.operationName);
    if (!plain || !entry) return undefined;
    const given = plain.variables;
    if (variablesRefusal(entry.schema, entry.operation.variableDefinitions, given)) return undefined;
    let ctx: GatewayContext;
    try {
      ctx = await context();
    } catch {
      return undefined;
    }
    const { fetch } = entry;
    const source = opts.dataSources.get(fetch.serviceName) as HubDataSource;
    // Gathered with other fast-path calls to the same subgraph for the same caller (合批, datasource.ts).
    const dataText = await source.fastFetch(
      {
        query: fetch.operation,
        ...(fetch.operationName ? { operationName: fetch.operationName } : {}),
        variables: usedVariables(fetch, given),
      },
      ctx.internalToken,
    );
    if (dataText === undefined) return undefined;
    stats.direct++;
    stats.unparsed++;
    stats.fast++;
    return { text: `{"data":${dataText}}\n`, headers: JSON_ANSWER };
  };

  return { gateway: wrapGateway(gateway, wrap), stats, fastPath };
}

/** Apollo Gateway with its executor wrapped. */
function wrapGateway(gateway: ApolloGateway, wrap: (ordinary: Executor) => Executor): GatewayInterface {
  return {
    async load(options) {
      const loaded = await gateway.load(options);
      return loaded.executor ? { ...loaded, executor: wrap(loaded.executor) } : loaded;
    },
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
  };
}

/** The ordinary executor, counted. */
const counted =
  (ordinary: Executor, stats: PassthroughStats): Executor =>
  (ctx) => {
    stats.ordinary++;
    return ordinary(ctx);
  };

/** The variables a fetch uses, as the client gave them (what the planner would send the subgraph). */
function usedVariables(
  fetch: FetchNode,
  provided: Record<string, unknown> | null | undefined,
): Record<string, unknown> {
  const variables: Record<string, unknown> = Object.create(null);
  for (const name of fetch.variableUsages ?? []) {
    if (provided && Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  }
  return variables;
}

/** The plan's only node when it is one root fetch of a query with nothing to rewrite; else null. */
function singleFetch(node: PlanNode | undefined): FetchNode | null {
  let n: PlanNode | undefined = node;
  while (n && (n.kind === 'Sequence' || n.kind === 'Parallel') && n.nodes.length === 1) n = n.nodes[0];
  if (n?.kind !== 'Fetch') return null;
  if (n.requires?.length || n.inputRewrites?.length || n.outputRewrites?.length || n.contextRewrites?.length) {
    return null;
  }
  if (n.hasDefers) return null;
  return n;
}

function operationOf(document: DocumentNode, name: string | null | undefined): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (name) return ops.find((o) => o.name?.value === name);
  return ops.length === 1 ? ops[0] : undefined;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
}

type Side = { set: SelectionSetNode; fragments: Map<string, FragmentDefinitionNode> };

/**
 * The selections of `set` on `parent` as execution collects them, in order: a fragment (named or
 * inline) on the parent type itself and without directives is spread in place, as the planner
 * does; any other fragment stays a fragment (and then has to match one on the other side).
 */
function flatten({ set, fragments }: Side, parent: GraphQLCompositeType, depth = 0): SelectionNode[] {
  if (depth > 50) throw new Error('fragment nesting too deep');
  const out: SelectionNode[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      out.push(s);
      continue;
    }
    const f = s.kind === Kind.FRAGMENT_SPREAD ? fragments.get(s.name.value) : s;
    if (!f) throw new Error('unknown fragment');
    const condition = f.typeCondition?.name.value ?? parent.name;
    const directives = [...(s.directives ?? []), ...(s.kind === Kind.FRAGMENT_SPREAD ? (f.directives ?? []) : [])];
    if (condition === parent.name && !directives.length) {
      out.push(...flatten({ set: f.selectionSet, fragments }, parent, depth + 1));
    } else {
      out.push({
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: f.typeCondition,
        directives,
        selectionSet: f.selectionSet,
      });
    }
  }
  return out;
}

const printDirectives = (ds: readonly DirectiveNode[] | undefined) => (ds ?? []).map((d) => print(d)).join(' ');
const printArguments = (f: FieldNode) => (f.arguments ?? []).map((a) => `${a.name.value}:${print(a.value)}`).join(',');

/**
 * Structural equality, in order, of what the client asked and what the subgraph is asked: same
 * fields (name, alias, arguments, directives) in the same order, same sub-selections, same
 * remaining fragments. `parent` is the type both selection sets are on (the API schema's).
 */
function sameSelections(a: Side, b: Side, parent: GraphQLCompositeType): boolean {
  const xs = flatten(a, parent);
  const ys = flatten(b, parent);
  if (xs.length !== ys.length) return false;
  return xs.every((x, i) => {
    const y = ys[i] as SelectionNode;
    if (x.kind !== y.kind || printDirectives(x.directives) !== printDirectives(y.directives)) return false;
    if (x.kind === Kind.FIELD && y.kind === Kind.FIELD) {
      if (x.name.value !== y.name.value || (x.alias?.value ?? '') !== (y.alias?.value ?? '')) return false;
      if (printArguments(x) !== printArguments(y)) return false;
      if (!x.selectionSet || !y.selectionSet) return !x.selectionSet && !y.selectionSet;
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[x.name.value] : undefined;
      const type = field ? getNamedType(field.type) : undefined;
      if (!type || !isCompositeType(type)) return false;
      return sameSelections(
        { set: x.selectionSet, fragments: a.fragments },
        { set: y.selectionSet, fragments: b.fragments },
        type,
      );
    }
    // A fragment on another type (a member of an interface or union) is left to the ordinary path, which
    // knows how to shape an abstract answer.
    return false;
  });
}
