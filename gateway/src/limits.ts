import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { perOperation, variablesRefusal } from '@hub/platform';
import { type HubConfig, hubConfig, isProductionConfig } from '@hub/platform/config';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLFormattedError,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  visit,
} from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * What one request may ask of the hub. Every limit is configurable and every
 * refusal carries a stable code, so clients and dashboards can tell them apart.
 */
export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxRootFields: number;
  /** Estimated rows × fields. */
  maxCost: number;
  maxTokens: number;
  /** Characters of the query text. */
  maxQueryChars: number;
  introspection: boolean;
  /** "Did you mean …?" hints reveal the schema; off where introspection is off. */
  fieldSuggestions: boolean;
}

/** The limits as configured (HUB_MAX_*, HUB_INTROSPECTION; introspection is off in production unless forced). */
export function limitsOf(config: HubConfig = hubConfig()): Limits {
  const introspection = config.introspection ?? !isProductionConfig(config);
  const { maxDepth, maxAliases, maxDirectives, maxRootFields, maxCost, maxTokens, maxQueryChars } = config;
  return {
    maxDepth,
    maxAliases,
    maxDirectives,
    maxRootFields,
    maxCost,
    maxTokens,
    maxQueryChars,
    introspection,
    fieldSuggestions: introspection,
  };
}

/** Armor throws by default; report instead, under a stable code (Armor words it "Syntax Error: …"). */
function armor(n: number, code: string) {
  return {
    n,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, error: GraphQLError) =>
        ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } })),
    ],
  };
}

/** At most `max` fields at the root of an operation, fragments included. */
function maxRootFieldsRule(max: number): ValidationRule {
  return (context) => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d.selectionSet] as const),
    );
    const count = (set: SelectionSetNode, seen: Set<string>): number =>
      set.selections.reduce((n, s) => {
        if (s.kind === Kind.FIELD) return n + 1;
        if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet, seen);
        const name = s.name.value;
        const target = fragments.get(name);
        if (!target || seen.has(name)) return n;
        return n + count(target, new Set([...seen, name]));
      }, 0);
    return {
      OperationDefinition(node) {
        const n = count(node.selectionSet, new Set());
        if (n > max) {
          context.reportError(
            new GraphQLError(`at most ${max} root fields in one operation, found ${n}`, {
              nodes: [node],
              extensions: { code: 'MAX_ROOT_FIELDS_EXCEEDED' },
            }),
          );
        }
      },
    };
  };
}

export function validationRules(l: Limits): ValidationRule[] {
  return [
    maxDepthRule(armor(l.maxDepth, 'MAX_DEPTH_EXCEEDED')),
    maxAliasesRule(armor(l.maxAliases, 'MAX_ALIASES_EXCEEDED')),
    maxDirectivesRule(armor(l.maxDirectives, 'MAX_DIRECTIVES_EXCEEDED')),
    maxRootFieldsRule(l.maxRootFields),
  ];
}

/** Object lists without `first` (an institution's scope rows, say) are assumed this long. */
const ASSUMED_LIST_SIZE = 5;

/**
 * Rows × fields: a field costs 1 plus what it selects, times the rows it can
 * return — `first` for a connection (default 20), an assumed size for a plain
 * list of objects. A connection's `edges` are the rows already counted; a list
 * of scalars or enums is one value.
 */
const rowsEstimator: ComplexityEstimator = ({ type: parent, field, args, childComplexity }) => {
  let type = field.type;
  if (isNonNullType(type)) type = type.ofType;
  const named = getNamedType(type);
  let rows = 1;
  if (named.name.endsWith('Connection')) rows = typeof args.first === 'number' ? Math.max(args.first, 1) : 20;
  else if (isListType(type) && !isLeafType(named) && !(field.name === 'edges' && parent.name.endsWith('Connection'))) {
    rows = ASSUMED_LIST_SIZE;
  }
  return rows * (1 + childComplexity);
};

const badRequest = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * Checks the gateway must make itself before planning a query. Apollo Server leaves them to
 * graphql-js's `execute`, which a gateway never calls: the query planner then fails with a
 * 500 (an unknown operationName, a subscription) or the executor with an uncoded error (a
 * variable of the wrong type). Each is the client's mistake: HTTP 400 and a stable code.
 */
function checkOperation({
  request,
  document,
  schema,
  operation,
}: GraphQLRequestContextDidResolveOperation<BaseContext>) {
  if (!operation) {
    const named = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length > 1;
    throw badRequest(
      request.operationName
        ? `the document has no operation named "${request.operationName}"`
        : named
          ? 'the document has several operations: say which one with operationName'
          : 'the document has no operation',
      'OPERATION_RESOLUTION_FAILURE',
    );
  }
  if (operation.operation === 'subscription') throw badRequest('the hub has no subscriptions', 'BAD_REQUEST');
  const raw = request.variables;
  if (raw != null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw badRequest('"variables" must be a JSON object', 'BAD_REQUEST');
  }
  const refused = variablesRefusal(schema, operation.variableDefinitions, raw ?? {});
  if (refused) throw refused;
}

/**
 * The estimate depends on the variables only where a `first` argument takes one (the rows
 * estimator reads nothing else); otherwise it is the same for every request of a document and
 * operation, and worked out once (undefined: it depends on the variables).
 */
const fixedCost = perOperation<number | undefined>();

function costOf({ request, document, schema }: GraphQLRequestContextDidResolveOperation<BaseContext>): number {
  const compute = () =>
    getComplexity({
      schema,
      query: document,
      variables: request.variables ?? {},
      ...(request.operationName ? { operationName: request.operationName } : {}),
      estimators: [rowsEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  return (
    fixedCost(document, request.operationName, () => (pagesByVariable(document) ? undefined : compute())) ?? compute()
  );
}

/** True when some `first` argument in the document is a variable. */
export function pagesByVariable(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first' && node.value.kind === Kind.VARIABLE) found = true;
    },
  });
  return found;
}

export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(ctx) {
          checkOperation(ctx);
          const cost = costOf(ctx);
          if (cost > maxCost) {
            throw new GraphQLError(
              `the query could return too much: estimated cost ${cost} (rows × fields) exceeds ${maxCost}; ask for smaller pages`,
              {
                extensions: { code: 'COST_LIMIT_EXCEEDED', cost, limit: maxCost, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}

/**
 * Stable codes and no schema hints: a limit rule's own code survives Apollo's
 * relabelling of every validation error, and graphql-js's token limit gets one.
 */
export function formatLimitError(l: Limits, formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  let out = formatted;
  const own = (error as GraphQLError | undefined)?.originalError as GraphQLError | undefined;
  const ownCode = own?.extensions?.code;
  if (
    out.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' &&
    typeof ownCode === 'string' &&
    ownCode.endsWith('_EXCEEDED')
  ) {
    out = { ...out, extensions: { ...out.extensions, code: ownCode } };
  }
  if (/Document contains more that \d+ tokens/.test(out.message)) {
    out = {
      ...out,
      message: `the query has more than ${l.maxTokens} tokens`,
      extensions: { ...out.extensions, code: 'MAX_TOKENS_EXCEEDED' },
    };
  }
  // Apollo's own refusals of a malformed request (e.g. an unsupported persisted-query version) carry
  // an HTTP 4xx but no code; they are the client's mistake, not an internal error.
  const status = (error as GraphQLError | undefined)?.extensions?.http as { status?: unknown } | undefined;
  if (
    (out.extensions?.code ?? 'INTERNAL_SERVER_ERROR') === 'INTERNAL_SERVER_ERROR' &&
    typeof status?.status === 'number' &&
    status.status >= 400 &&
    status.status < 500
  ) {
    out = { ...out, extensions: { ...out.extensions, code: 'BAD_REQUEST' } };
  }
  if (!l.fieldSuggestions && / Did you mean /.test(out.message)) {
    out = { ...out, message: out.message.replace(/ Did you mean .*$/, '') };
  }
  return out;
}
