import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { type AuditWriter, auditRefusedMutation, type FastPath, gatewayAuditPlugin, requestScope } from '@hub/platform';
import type { ValidationRule } from 'graphql';
import { credentialRevokedStatus, internalTokenFor, verifyCaller } from './auth.ts';
import type { GatewayContext } from './datasource.ts';
import { costLimitPlugin, type Limits, validationRules } from './limits.ts';
import type { BudgetStore, LookupBudget } from './lookup-budget.ts';
import { lookupGate } from './lookup-gate.ts';
import { publicRateLimit, type RateLimitOptions } from './rate-limit.ts';

/**
 * 请求关口 (the request gate): the one ordered pipeline every request to the gateway passes before
 * anything executes it — the fast path for known texts (passthrough.ts), the single-subgraph
 * passthrough, or Apollo Gateway's planned execution. The steps, in order, and where each runs:
 *
 * | step | Apollo Server's pipeline | the fast path (a text Apollo's pipeline accepted before) |
 * | --- | --- | --- |
 * | size | serveGraphQL, before either path (`maxQueryChars`; `maxTokens` when parsing) | the same, then the text is one already parsed |
 * | shape | validation rules (depth, aliases, directives, root fields) | decided for this very text when it was learnt |
 * | authentication, rate | the context, made once per request and shared by both paths | the same context |
 * | cost | costLimitPlugin | learnt only when no variable changes the cost (`pagesByVariable`) |
 * | lookups | lookupGate's plugin | lookupGate's wrapper, paid before the call |
 * | credential revoked | credentialRevokedStatus | declines any answer with errors: Apollo's path answers it |
 * | audit of refusals | the context (bad token) and gatewayAuditPlugin | queries only: no mutation takes it |
 * | log | serveGraphQL's access line, whoever answered | the same |
 *
 * Every Apollo Server plugin of the gateway is a step here and says how the fast path honours it:
 * `fastPath` is built from the steps, and a step without an answer for the fast path turns the
 * fast path off altogether — a plugin added later cannot be silently skipped for known texts.
 * test/request-gate.test.ts sends every concern down every path.
 */
export interface GateStep {
  name: string;
  plugin?: ApolloServerPlugin<GatewayContext>;
  /** How a known text on the fast path meets this step; undefined: it cannot, and no request takes the fast path. */
  fastPath?: 'same text' | 'same context' | 'wrapper' | 'declines errors' | 'queries only' | 'http';
  /** For `wrapper`: the step around the fast path's executor. */
  wrap?: (inner: FastPath<GatewayContext>) => FastPath<GatewayContext>;
}

export interface GateOptions {
  limits: Limits;
  rateLimit?: RateLimitOptions | undefined;
  /** Where the public rate limit counts (the lookup budgets' store); default in this process. */
  rateLimitStore?: BudgetStore | undefined;
  lookupBudget: LookupBudget;
  audit?: AuditWriter | undefined;
  /** Steps after the gate's own, e.g. the landing page's plugin (nothing of a request's answer). */
  extra?: GateStep[];
}

export interface Gate {
  steps: GateStep[];
  maxQueryChars: number;
  maxTokens: number;
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<GatewayContext>[];
  context: (req: http.IncomingMessage, body: unknown) => Promise<GatewayContext>;
  /** The fast path behind every step's counterpart; undefined when a step has none. */
  fastPath: (executor: FastPath<GatewayContext>) => FastPath<GatewayContext> | undefined;
}

export function requestGate(opts: GateOptions): Gate {
  const { limits } = opts;
  const limitPublic = publicRateLimit(opts.rateLimit, opts.rateLimitStore);
  const lookups = lookupGate<GatewayContext>(opts.lookupBudget);

  const context = async (req: http.IncomingMessage, body: unknown): Promise<GatewayContext> => {
    const caller = await verifyCaller(req).catch(async (err: unknown) => {
      // A caller whose token does not verify is as public as any: the limit first (a 429 then
      // answers, and is not recorded), so refusals cannot be sent faster than public calls.
      await limitPublic(req);
      // 审计日志: a mutation refused here never reaches a subgraph, which would have recorded it.
      await auditRefusedMutation(
        { service: 'gateway', write: opts.audit },
        { body, requestId: requestScope()?.requestId ?? null },
        err,
      );
      throw err;
    });
    const scope = requestScope();
    if (scope) scope.role = caller.role;
    if (caller.role === 'public') await limitPublic(req);
    const made: GatewayContext = { caller, internalToken: await internalTokenFor(caller) };
    lookups.enter(made, req, caller);
    return made;
  };

  const steps: GateStep[] = [
    { name: 'size', fastPath: 'http' },
    { name: 'shape', fastPath: 'same text' },
    { name: 'authentication', fastPath: 'same context' },
    { name: 'rate', fastPath: 'same context' },
    { name: 'cost', plugin: costLimitPlugin(limits.maxCost), fastPath: 'same text' },
    { name: 'lookups', plugin: lookups.plugin, fastPath: 'wrapper', wrap: lookups.fastPath },
    { name: 'credential revoked', plugin: credentialRevokedStatus(), fastPath: 'declines errors' },
    {
      name: 'audit of refusals',
      plugin: gatewayAuditPlugin<GatewayContext>({
        service: 'gateway',
        write: opts.audit,
        callerOf: (ctx) => ctx.caller,
      }),
      fastPath: 'queries only',
    },
    { name: 'log', fastPath: 'http' },
    ...(opts.extra ?? []),
  ];

  return {
    steps,
    maxQueryChars: limits.maxQueryChars,
    maxTokens: limits.maxTokens,
    validationRules: validationRules(limits),
    plugins: steps.flatMap((s) => (s.plugin ? [s.plugin] : [])),
    context,
    fastPath(executor) {
      if (steps.some((s) => s.fastPath === undefined)) return undefined;
      // The first step's wrapper outermost: the order the steps are listed in.
      return steps.reduceRight((inner, s) => (s.wrap ? s.wrap(inner) : inner), executor);
    },
  };
}
