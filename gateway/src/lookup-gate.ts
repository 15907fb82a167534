import type http from 'node:http';
import { type ApolloServerPlugin, type BaseContext, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { type Claims, type FastPath, KnownTexts, logError, plainBody } from '@hub/platform';
import { type DocumentNode, parse } from 'graphql';
import { RawJson } from './apollo-adapter.ts';
import type { Admission, BudgetName, LookupBudget, Ticket } from './lookup-budget.ts';
import { found, lookupsOf, mayLookUp } from './lookups.ts';
import { clientAddress } from './rate-limit.ts';

/**
 * The lookup budget (lookup-budget.ts) at the gateway's two doors to the subgraphs. A request pays
 * once, before any lookup runs, on whichever path answers it:
 * - Apollo Server's pipeline (this plugin's `responseForOperation`): after parsing, validation, the
 *   limits and the variables' check, so a request refused for anything else costs nothing; GET and
 *   persisted queries included (the document is Apollo's);
 * - the fast path (passthrough.ts), which skips that pipeline: its wrapper pays before the call and
 *   gives it back should the fast path decline, so that the pipeline pays instead.
 * The answer's `data` then says which lookups found something (the misses' back-off).
 */

const MESSAGES: Record<BudgetName, string> = {
  lookups: 'too many certificate lookups (证书查询) from this client',
  identity: 'too many lookups by resident ID (身份证号) from this client',
  holder: 'too many lookups by resident ID for this holder name, from all clients',
  misses: 'too many lookups that found nothing for this certificate number or holder: it is locked for a while',
  unavailable: 'the lookup budget cannot be checked just now',
};

/**
 * The whole request refused, nothing run: HTTP 429 with Retry-After (503 when the budget's store
 * failed), code LOOKUP_BUDGET_EXCEEDED, `retryAfter` in seconds and which `budget` is spent.
 */
export function lookupRefusal(a: Extract<Admission, { ok: false }>): GraphQLResponse {
  const unavailable = a.budget === 'unavailable';
  return {
    http: {
      status: unavailable ? 503 : 429,
      headers: new HeaderMap([['retry-after', String(a.retryAfter)]]),
    },
    body: {
      kind: 'single',
      singleResult: {
        errors: [
          {
            message: `${MESSAGES[a.budget]}; retry after ${a.retryAfter} s`,
            extensions: {
              code: unavailable ? 'LOOKUP_BUDGET_UNAVAILABLE' : 'LOOKUP_BUDGET_EXCEEDED',
              budget: a.budget,
              retryAfter: a.retryAfter,
            },
          },
        ],
      },
    },
  };
}

interface RequestLookups {
  client: { address: string; caller: Claims };
  ticket?: Ticket;
}

/** `data` as an object, whether parsed or still the subgraph's text (passthrough.ts's RawJson). */
function dataOf(data: unknown): Record<string, unknown> | null {
  const value = data instanceof RawJson ? data.toJSON() : data;
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

export function lookupGate<Ctx extends object>(budget: LookupBudget) {
  // On the context object itself, under a symbol: Apollo Server hands its plugins a shallow copy of
  // the context (an enumerable symbol property is copied with it), and the fast path the original.
  const slot = Symbol('lookups');
  const stateOf = (context: object) => (context as { [slot]?: RequestLookups })[slot];
  const texts = new KnownTexts<DocumentNode | null>();
  const settle = async (state: RequestLookups, data: Record<string, unknown> | null) => {
    const ticket = state.ticket;
    if (!ticket?.lookups.length) return;
    state.ticket = { ...ticket, lookups: [], missKeys: [], charges: [] }; // settled once
    await budget.settle(
      ticket,
      ticket.lookups.map((l) => found(l, data)),
    );
  };

  const plugin: ApolloServerPlugin<Ctx & BaseContext> = {
    async requestDidStart() {
      return {
        async responseForOperation(rc) {
          const state = stateOf(rc.contextValue);
          if (!state || state.ticket || !budget.enabled) return null;
          const lookups = lookupsOf(rc.document, rc.operationName, rc.request.variables);
          if (!lookups.length) return null;
          const admission = await budget.admit(state.client, lookups);
          if (!admission.ok) return lookupRefusal(admission);
          state.ticket = admission.ticket;
          return null;
        },
        async willSendResponse(rc) {
          const state = stateOf(rc.contextValue);
          if (!state?.ticket) return;
          const body = rc.response.body;
          const data = body.kind === 'single' ? body.singleResult.data : body.initialResult.data;
          await settle(state, dataOf(data)).catch((err: unknown) => logError('gateway', err));
        },
      };
    },
  };

  /** The fast path, paying for its lookups first; a request it declines goes to the pipeline unpaid. */
  const fastPath =
    (inner: FastPath<Ctx>): FastPath<Ctx> =>
    async (req, body, context) => {
      const plain = budget.enabled ? plainBody(body) : undefined;
      if (!plain || !mayLookUp(plain.query)) return inner(req, body, context);
      let document = texts.get(plain.query, plain.operationName);
      if (document === undefined) {
        try {
          document = parse(plain.query);
        } catch {
          document = null;
        }
        texts.learn(plain.query, plain.operationName, document);
      }
      if (!document) return undefined; // the pipeline words the syntax error
      const lookups = lookupsOf(document, plain.operationName, plain.variables);
      if (!lookups.length) return inner(req, body, context);
      let state: RequestLookups | undefined;
      try {
        state = stateOf(await context());
      } catch {
        return undefined; // a refused caller: the pipeline answers it
      }
      if (!state) return undefined;
      const admission = await budget.admit(state.client, lookups);
      if (!admission.ok) return undefined; // the pipeline refuses it, with its status and headers
      state.ticket = admission.ticket;
      const answer = await inner(req, body, context);
      if (!answer) {
        const ticket = state.ticket;
        state.ticket = undefined;
        await budget.release(ticket);
        return undefined;
      }
      let data: Record<string, unknown> | null = null;
      try {
        data = dataOf((JSON.parse(answer.text) as { data?: unknown }).data);
      } catch {
        // not JSON: nothing found, then
      }
      await settle(state, data).catch((err: unknown) => logError('gateway', err));
      return answer;
    };

  return {
    /** In the request gate, once the caller is known: who this request's lookups are charged to. */
    enter(context: Ctx, req: http.IncomingMessage, caller: Claims) {
      const state: RequestLookups = { client: { address: clientAddress(req, budget.options.trustProxy), caller } };
      Object.defineProperty(context, slot, { value: state, enumerable: true });
    },
    plugin,
    fastPath,
  };
}
