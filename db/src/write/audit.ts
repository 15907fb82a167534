import type { AuditEvent, AuditWriter } from '@hub/kit';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { isUuid } from '../loaders.ts';
import { auditEvents } from '../schema/audit.ts';

export type AuditEventRow = typeof auditEvents.$inferSelect;

/**
 * The audit writer a subgraph passes to startSubgraph: one multi-row insert per
 * request, on the pool (never inside the mutation's transaction, so a change
 * that rolled back is still recorded as refused).
 */
export function auditWriter(db: Db): AuditWriter {
  return async (events: AuditEvent[]) => {
    if (!events.length) return;
    await db.insert(auditEvents).values(
      events.map((e) => ({
        service: e.service,
        operationName: e.operationName?.slice(0, 200) ?? null,
        field: e.field,
        role: e.role,
        sub: e.sub?.slice(0, 200) ?? null,
        enterpriseId: e.enterpriseId && isUuid(e.enterpriseId) ? e.enterpriseId : null,
        prefecture: e.prefecture,
        credentialId: e.credentialId && isUuid(e.credentialId) ? e.credentialId : null,
        requestId: e.requestId,
        outcome: e.outcome,
        codes: e.codes,
        targetIds: e.targetIds,
        args: e.args,
      })),
    );
  };
}

export interface AuditFilter {
  service?: string | null | undefined;
  outcome?: AuditEvent['outcome'] | null | undefined;
  role?: string | null | undefined;
  field?: string | null | undefined;
  from?: Date | null | undefined;
  to?: Date | null | undefined;
}

/** One page of audit events, newest first (keyset on the id, which grows with every insert). */
export function auditEventsPage(
  db: Db,
  filter: AuditFilter,
  afterId: number | undefined,
  limit: number,
): Promise<AuditEventRow[]> {
  const where: (SQL | undefined)[] = [
    filter.service ? eq(auditEvents.service, filter.service) : undefined,
    filter.outcome ? eq(auditEvents.outcome, filter.outcome) : undefined,
    filter.role ? eq(auditEvents.role, filter.role) : undefined,
    filter.field ? eq(auditEvents.field, filter.field) : undefined,
    filter.from ? gte(auditEvents.at, filter.from) : undefined,
    filter.to ? lt(auditEvents.at, filter.to) : undefined,
    afterId !== undefined ? lt(auditEvents.id, afterId) : undefined,
  ];
  return db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
