import { bigserial, index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * 审计日志: one row per root mutation field a subgraph was asked to run, whatever the
 * outcome. Append-only: a trigger (migration `append_only`) refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditSchema = pgSchema('audit');

export const auditOutcome = auditSchema.enum('audit_outcome', [
  'OK', // done
  'REFUSED', // payload errors: a business rule said no, nothing changed
  'DENIED', // FORBIDDEN / UNAUTHENTICATED: the caller may not do this
  'INVALID', // the document or its variables failed validation before execution
  'FAILED', // an unexpected error
]);

export const auditEvents = auditSchema.table(
  'events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    service: text().notNull(),
    operationName: text('operation_name'),
    field: text().notNull(),
    role: text().notNull(),
    sub: text(),
    enterpriseId: uuid('enterprise_id'),
    prefecture: text(),
    credentialId: uuid('credential_id'),
    requestId: text('request_id'),
    outcome: auditOutcome().notNull(),
    codes: text().array().notNull().default([]),
    targetIds: text('target_ids').array().notNull().default([]),
    /** The arguments with personal data removed (resident IDs masked, names and contacts dropped). */
    args: jsonb().notNull().default({}),
  },
  (t) => [
    index('events_at_idx').on(t.at),
    index('events_field_idx').on(t.field, t.id),
    index('events_outcome_idx').on(t.outcome, t.id),
  ],
);
