import { type AuditEventRow, auditEventsPage } from '@hub/db';
import { AUDIT_OUTCOMES, access, forwardConnection, hubError } from '@hub/platform';
import { builder } from '../builder.ts';

const AuditOutcome = builder.enumType('AuditOutcome', {
  description: 'How a recorded mutation ended.',
  values: {
    OK: { description: 'Done.' },
    REFUSED: { description: 'Refused by a named rule (payload errors or bad input); nothing changed.' },
    DENIED: { description: 'The caller may not do this (FORBIDDEN / UNAUTHENTICATED, or a read-only partner).' },
    INVALID: { description: 'The document or its variables failed validation before anything ran.' },
    FAILED: { description: 'An unexpected error; nothing is assumed to have changed.' },
  } as const,
});

const AuditEvent = builder.objectRef<AuditEventRow>('AuditEvent').implement({
  description:
    '审计日志 entry: one root mutation field a service was asked to run — who, what, when, how it ended; or, with code PERSONAL_DATA_READ, the personal data (names, resident IDs) one request read in full, the people by record key and masked.',
  fields: (t) => ({
    id: t.id({ description: 'Sequence number; larger is later.', resolve: (e) => String(e.id) }),
    at: t.field({ type: 'DateTime', description: 'When it was recorded.', resolve: (e) => e.at }),
    service: t.exposeString('service', { description: 'The subgraph that ran it, e.g. enterprises.' }),
    operationName: t.exposeString('operationName', {
      nullable: true,
      description: 'The operation name the client sent, if any.',
    }),
    field: t.exposeString('field', {
      description: 'The mutation field, e.g. reviewFiling; for a read, the root fields the service ran (e.g. worker).',
    }),
    role: t.exposeString('role', { description: 'The caller’s role (public when unsigned).' }),
    sub: t.exposeString('sub', { nullable: true, description: 'The caller’s subject (user or client id), if any.' }),
    enterpriseId: t.exposeID('enterpriseId', {
      nullable: true,
      description: 'The caller’s enterprise (enterprise and hr_partner roles).',
    }),
    prefecture: t.exposeString('prefecture', { nullable: true, description: 'The caller’s 市州 code, if any.' }),
    credentialId: t.exposeID('credentialId', {
      nullable: true,
      description: 'The partner credential (合作HR系统 API 凭证) used, for hr_partner callers.',
    }),
    requestId: t.exposeString('requestId', { nullable: true, description: 'The request id, when one was sent.' }),
    outcome: t.field({ type: AuditOutcome, description: 'How it ended.', resolve: (e) => e.outcome }),
    codes: t.exposeStringList('codes', {
      description: 'Error or refusal codes (e.g. FORBIDDEN, FILING_WRONG_STATE); empty when OK.',
    }),
    targetIds: t.exposeStringList('targetIds', { description: 'Ids named in the arguments or returned.' }),
    args: t.string({
      description:
        'The arguments as JSON, personal data removed: resident IDs masked, names and contacts "[removed]", long text cut.',
      resolve: (e) => JSON.stringify(e.args),
    }),
  }),
});

const AuditFilter = builder.inputType('AuditEventFilter', {
  description: 'Which audit entries to list; all given conditions must hold.',
  fields: (t) => ({
    service: t.string({ required: false, description: 'Only this subgraph (enterprises, occupations, …).' }),
    outcome: t.field({ type: AuditOutcome, required: false, description: 'Only this outcome.' }),
    role: t.string({ required: false, description: 'Only callers of this role.' }),
    field: t.string({ required: false, description: 'Only this mutation field (or, for reads, root fields).' }),
    from: t.field({ type: 'DateTime', required: false, description: 'Recorded at or after this instant.' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Recorded before this instant.' }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: t.connection({
    type: AuditEvent,
    description: '审计日志: every mutation asked of the hub, newest first (admins and the province centre).',
    authScopes: access('Query.auditEvents'),
    args: {
      filter: t.arg({ type: AuditFilter, required: false, description: 'Narrow the list.' }),
    },
    resolve: (_root, args, ctx) => {
      const outcome = args.filter?.outcome;
      if (outcome && !(AUDIT_OUTCOMES as readonly string[]).includes(outcome)) {
        throw hubError('BAD_USER_INPUT', 'unknown outcome', { field: 'outcome' });
      }
      return forwardConnection(
        args,
        (e: AuditEventRow) => String(e.id),
        (after, limit) => {
          const afterId = after === undefined ? undefined : Number(after);
          if (afterId !== undefined && !Number.isSafeInteger(afterId)) {
            throw hubError('BAD_USER_INPUT', 'the "after" cursor is not one this API returned', { field: 'after' });
          }
          return auditEventsPage(ctx.db, args.filter ?? {}, afterId, limit);
        },
      );
    },
  }),
}));
