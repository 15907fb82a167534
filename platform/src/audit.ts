import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLError,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
} from 'graphql';
import { MAX_ITEMS, maskResidentIdShapes, summarizeArgs, targetIdsOf } from './audit-summary.ts';
import type { Claims } from './auth.ts';
import { hubError, variablesRefusal } from './errors.ts';
import { logError } from './log.ts';

export { maskResidentIdShapes, summarizeArgs } from './audit-summary.ts';

/**
 * 审计日志: every root mutation field a subgraph is asked to run is recorded —
 * who (role, subject, enterprise, 市州, partner credential), what (field, a
 * summary of its arguments without personal data), when, and how it ended.
 */
export const AUDIT_OUTCOMES = ['OK', 'REFUSED', 'DENIED', 'INVALID', 'FAILED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditEvent {
  service: string;
  operationName: string | null;
  /** The root mutation field, e.g. reviewFiling. */
  field: string;
  role: string;
  sub: string | null;
  enterpriseId: string | null;
  prefecture: string | null;
  credentialId: string | null;
  requestId: string | null;
  outcome: AuditOutcome;
  /** Error or refusal codes (FORBIDDEN, FILING_WRONG_STATE, …); empty when OK. */
  codes: string[];
  /** Ids named in the arguments or returned in the payload, when cheap to see; never a resident ID. */
  targetIds: string[];
  /**
   * Resident IDs (公民身份号码) the event concerns — a `residentId` argument, or a value shaped like
   * one under an id key — in clear, in memory only: the writer stores each as its lookup HMAC
   * (`rid:<hex>` in target_ids, the hash `assessment.workers.resident_id_hmac` holds), never the ID
   * (db/src/write/audit.ts). Hashed, not masked: an auditor can still find every event about one
   * person (hash the ID with the same key), which a mask like 430*************13 cannot tell apart.
   */
  residentIds?: string[];
  /** The arguments with personal data removed (see summarizeArgs). */
  args: Record<string, unknown>;
}

/** Writes a batch of events (one statement); the subgraph's server passes one from @hub/db. */
export type AuditWriter = (events: AuditEvent[]) => Promise<void>;

const errorCodes = (err: unknown): string[] => {
  const ext = (err as GraphQLError | undefined)?.extensions ?? {};
  const codes = [typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR'];
  if (typeof ext.reason === 'string') codes.push(ext.reason);
  return codes;
};

type Observed = Pick<AuditEvent, 'field' | 'outcome' | 'codes' | 'targetIds' | 'residentIds' | 'args'>;

/** How one root mutation field ended: thrown error, payload refusals, or done. */
export function classifyField(field: string, args: Record<string, unknown>, error: unknown, result: unknown): Observed {
  const summary = { field, args: summarizeArgs(args), ...targetIdsOf(args, error ? null : result) };
  if (error) {
    const codes = errorCodes(error);
    const code = codes[0];
    const outcome: AuditOutcome =
      code === 'FORBIDDEN' || code === 'UNAUTHENTICATED'
        ? 'DENIED'
        : code === 'BAD_USER_INPUT' || code === 'NOT_FOUND'
          ? 'REFUSED'
          : 'FAILED';
    return { ...summary, outcome, codes };
  }
  const refusals = (result as { errors?: unknown } | null)?.errors;
  if (Array.isArray(refusals) && refusals.length) {
    const codes = refusals.map((r) => String((r as { code?: unknown })?.code ?? 'REFUSED'));
    return { ...summary, outcome: 'REFUSED', codes };
  }
  return { ...summary, outcome: 'OK', codes: [] };
}

/**
 * 审计量 (audit volume) of the public caller: what it changed (OK, e.g. 职工投诉) is recorded field
 * by field, but everything refused in one request is ONE event per service — the first refused
 * field, the union of the codes, and in `args.refusedFields` how many root fields of which names
 * were refused — with no target ids (an anonymous refusal concerns no record, and its arguments
 * are the sender's inventions). Aliasing one refused mutation a thousand times writes one row,
 * and the public rate limit bounds the requests. Signed-in callers answer for what they send:
 * their events stay one per root field.
 */
export function boundPublicEvents(role: string, observed: Observed[]): Observed[] {
  if (role !== 'public') return observed;
  const refused = observed.filter((o) => o.outcome !== 'OK');
  if (!refused.length) return observed;
  const [first] = refused as [Observed, ...Observed[]];
  const counts: Record<string, number> = {};
  for (const o of refused) counts[o.field] = (counts[o.field] ?? 0) + 1;
  const one: Observed = {
    field: first.field,
    outcome: first.outcome,
    codes: [...new Set(refused.flatMap((o) => o.codes))].slice(0, MAX_ITEMS),
    targetIds: [],
    residentIds: [],
    args: refused.length > 1 ? { ...first.args, refusedFields: summarizeArgs(counts) } : first.args,
  };
  return [...observed.filter((o) => o.outcome === 'OK'), one];
}

/** Root field names of a selection set, looking through inline fragments and fragment spreads. */
function rootFields(doc: DocumentNode, set: SelectionSetNode, seen = new Set<string>()): FieldNode[] {
  const out: FieldNode[] = [];
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (!sel.name.value.startsWith('__')) out.push(sel);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) out.push(...rootFields(doc, sel.selectionSet, seen));
    else if (!seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      const frag = doc.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === sel.name.value);
      if (frag && frag.kind === Kind.FRAGMENT_DEFINITION) out.push(...rootFields(doc, frag.selectionSet, seen));
    }
  }
  return out;
}

/** The mutation operation a request names, found even when the document failed validation. */
function mutationOf(rc: GraphQLRequestContext<BaseContext>): { doc: DocumentNode; op: OperationDefinitionNode } | null {
  let doc = rc.document;
  if (!doc && rc.source) {
    try {
      doc = parse(rc.source);
    } catch {
      return null; // not even GraphQL: nothing to name
    }
  }
  if (!doc) return null;
  const op = rc.operation ?? getOperationAST(doc, rc.request.operationName ?? null);
  return op?.operation === 'mutation' ? { doc, op } : null;
}

export interface AuditPluginOptions<Ctx> {
  service: string;
  /** Where events go; without one nothing is recorded (the read-only partner check still applies). */
  write?: AuditWriter | undefined;
  /** The verified caller of a request. */
  callerOf: (ctx: Ctx) => Claims | undefined;
}

/**
 * A mutation refused before any root field ran: INVALID when the document or its variables did not
 * validate, DENIED when the caller could not be verified; one event for each root field the
 * document names, with `codes` or the request's error codes. Null when the request names no
 * mutation (or is not even GraphQL).
 */
function refusedBeforeRunning(
  rc: {
    errors?: readonly GraphQLError[] | undefined;
    source?: string;
    request: { operationName?: string | null; variables?: Record<string, unknown> | undefined };
  },
  codes?: string[] | null,
  outcome: 'INVALID' | 'DENIED' = 'INVALID',
): { op: OperationDefinitionNode; observed: Observed[] } | null {
  const found = mutationOf(rc as unknown as GraphQLRequestContext<BaseContext>);
  if (!found) return null;
  const why = codes ?? [
    ...new Set((rc.errors ?? []).map((e) => String(e.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED'))),
  ];
  const args = summarizeArgs(rc.request.variables);
  return {
    op: found.op,
    observed: rootFields(found.doc, found.op.selectionSet).map((f) => ({
      // A document that failed validation names any field it likes: masked like the arguments.
      field: maskResidentIdShapes(f.name.value),
      outcome,
      codes: why,
      targetIds: [],
      args,
    })),
  };
}

/** Writes a request's audit events, retrying once (a dropped connection is common); false when it could not. */
async function writeAudit<Ctx extends BaseContext>(opts: AuditPluginOptions<Ctx>, events: AuditEvent[]) {
  if (!opts.write || !events.length) return true;
  try {
    await opts.write(events).catch(() => opts.write?.(events));
    return true;
  } catch (err) {
    logError(`${opts.service} audit`, err);
    return false;
  }
}

type Who = Pick<AuditEvent, 'service' | 'role' | 'sub' | 'enterpriseId' | 'prefecture' | 'credentialId' | 'requestId'>;

/** Who asked, for an audit event: the service, the verified caller and the request id. */
function whoAsked<Ctx extends BaseContext>(
  opts: AuditPluginOptions<Ctx>,
  rc: { contextValue: Ctx; request: { http?: { headers: { get(name: string): string | undefined } } } },
): Who {
  return who(opts.service, opts.callerOf(rc.contextValue), rc.request.http?.headers.get('x-request-id') ?? null);
}

/** The same, for a service, a caller (none: `public`) and a request id. */
function who(service: string, caller: Claims | undefined, requestId: string | null): Who {
  return {
    service,
    role: caller?.role ?? 'public',
    sub: caller?.sub ?? null,
    enterpriseId: caller?.enterpriseId ?? null,
    prefecture: caller?.prefecture ?? null,
    credentialId: caller?.credentialId ?? null,
    // The caller may choose its request id: a resident-ID shape in it is masked like anywhere else.
    requestId: requestId ? maskResidentIdShapes(requestId.slice(0, 100)) : null,
  };
}

/**
 * The client's operation name: the gateway sends `<name>__<subgraph>__<n>` to a subgraph. The
 * caller chose it, so a resident-ID shape in it is masked like anywhere else.
 */
const clientOperationName = (name: string | null | undefined) =>
  name ? maskResidentIdShapes(name.replace(/__[A-Za-z0-9]+__\d+$/, '')).slice(0, 200) : null;

/** What a failed audit write adds to the response: the change stands, but the client is told. */
const AUDIT_WRITE_FAILED = {
  message: 'the request was processed, but its audit record could not be written; the hub has logged it',
  extensions: { code: 'AUDIT_WRITE_FAILED' },
};

/**
 * An Apollo Server plugin that (1) refuses any mutation from a read-only
 * partner credential (FORBIDDEN, reason PARTNER_READ_ONLY) before it runs, and
 * (2) records every root mutation field in the audit log: willResolveField on
 * root fields classifies each; a mutation that fails validation or variable
 * coercion before execution is INVALID, named by the document's root fields.
 * Rows are written in one insert after execution, before the response leaves,
 * outside the mutation's own transaction (a rolled-back change is still recorded).
 */
export function auditPlugin<Ctx extends BaseContext>(opts: AuditPluginOptions<Ctx>): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      const observed: Observed[] = [];
      return {
        async didResolveOperation(rc) {
          if (rc.operation?.operation !== 'mutation') return;
          const caller = opts.callerOf(rc.contextValue);
          if (caller?.role !== 'hr_partner' || caller.canWrite) return;
          const args = summarizeArgs(rc.request.variables);
          for (const f of rootFields(rc.document, rc.operation.selectionSet)) {
            observed.push({
              field: f.name.value,
              outcome: 'DENIED',
              codes: ['FORBIDDEN', 'PARTNER_READ_ONLY'],
              targetIds: [],
              args,
            });
          }
          throw hubError(
            'FORBIDDEN',
            'this partner credential (hr_partner) is read-only: it may not change anything; an admin may issue one that can write',
            { reason: 'PARTNER_READ_ONLY' },
            403,
          );
        },
        async executionDidStart(rc) {
          if (rc.operation.operation !== 'mutation') return;
          const mutationType = rc.schema.getMutationType();
          return {
            willResolveField({ info, args }) {
              if (info.path.prev !== undefined || info.parentType !== mutationType) return;
              return (error, result) => {
                observed.push(classifyField(info.fieldName, args, error, result));
              };
            },
          };
        },
        async willSendResponse(rc) {
          if (!opts.write) return;
          const body = rc.response.body;
          const responseErrors = body.kind === 'single' ? body.singleResult.errors : undefined;
          if (!observed.length && (rc.errors?.length || responseErrors?.length)) {
            // Failed before any root field ran: the document or its variables did not validate.
            const invalid = refusedBeforeRunning(rc);
            if (!invalid) return;
            observed.push(...invalid.observed);
          }
          if (!observed.length) return;
          const who = whoAsked(opts, rc);
          const events: AuditEvent[] = boundPublicEvents(who.role, observed).map((o) => ({
            ...who,
            operationName: clientOperationName(rc.operationName ?? rc.request.operationName),
            ...o,
          }));
          if (!(await writeAudit(opts, events)) && body.kind === 'single') {
            body.singleResult.errors = [...(body.singleResult.errors ?? []), AUDIT_WRITE_FAILED];
          }
        },
      };
    },
  };
}

/**
 * A mutation the gateway refused before GraphQL ran for it — its bearer token did not verify
 * (bad signature, expired, malformed): DENIED, with the refusal's code and reason, for each root
 * field the request's document names (role `public`: no caller could be verified). Requests that
 * are not a mutation, or not even GraphQL, record nothing. Never throws: the refusal stands as it
 * is whether or not its record could be written.
 */
export async function auditRefusedMutation(
  opts: { service: string; write?: AuditWriter | undefined },
  request: { body: unknown; requestId: string | null },
  error: unknown,
): Promise<void> {
  if (!opts.write) return;
  const body = request.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
  if (typeof body?.query !== 'string') return;
  const variables =
    body.variables && typeof body.variables === 'object' && !Array.isArray(body.variables)
      ? (body.variables as Record<string, unknown>)
      : undefined;
  const refused = refusedBeforeRunning(
    {
      source: body.query,
      request: { operationName: typeof body.operationName === 'string' ? body.operationName : null, variables },
    },
    errorCodes(error),
    'DENIED',
  );
  if (!refused) return;
  const asked = who(opts.service, undefined, request.requestId);
  const operationName = clientOperationName(refused.op.name?.value);
  const events = boundPublicEvents(asked.role, refused.observed).map((o) => ({ ...asked, operationName, ...o }));
  await writeAudit(opts as AuditPluginOptions<BaseContext>, events);
}

/**
 * The gateway's part of the audit log: mutations it refuses itself, before any subgraph
 * sees them — a document that fails validation (unknown argument, wrong literal) or
 * variables of the wrong built-in type — are recorded as INVALID (service `gateway`).
 * Everything that reaches a subgraph is recorded there, once.
 */
export function gatewayAuditPlugin<Ctx extends BaseContext>(opts: AuditPluginOptions<Ctx>): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      let badVariables: string[] | null = null;
      let executed = false;
      return {
        async didResolveOperation(rc) {
          const op = rc.operation;
          if (op?.operation !== 'mutation') return;
          if (variablesRefusal(rc.schema, op.variableDefinitions, rc.request.variables ?? {})) {
            badVariables = ['BAD_USER_INPUT'];
          }
        },
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse(rc) {
          if (!opts.write) return;
          // Failed validation, or valid but refused before it ran by a later step of the gate (cost).
          const unrun = !rc.operation || (rc.operation.operation === 'mutation' && !executed);
          if (!((rc.errors?.length ?? 0) > 0 && unrun) && !badVariables) return;
          const invalid = refusedBeforeRunning(rc, badVariables);
          if (!invalid?.observed.length) return;
          const who = whoAsked(opts, rc);
          const operationName = clientOperationName(rc.request.operationName ?? invalid.op.name?.value);
          await writeAudit(
            opts,
            boundPublicEvents(who.role, invalid.observed).map((o) => ({ ...who, operationName, ...o })),
          );
        },
      };
    },
  };
}
