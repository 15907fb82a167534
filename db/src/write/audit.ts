import { type AuditEvent, type AuditWriter, maskResidentIdShapes } from '@hub/platform';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { isUuid } from '../loaders.ts';
import { residentIdHmac } from '../pii.ts';
import { auditEvents } from '../schema/audit.ts';

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** How a resident ID appears among an event's target ids: its lookup HMAC, hex (see residentIdTarget). */
export const RESIDENT_ID_TARGET_PREFIX = 'rid:';

/**
 * A resident ID as an audit target: `rid:` + the hex of its lookup HMAC (HUB_PII_HMAC_KEY), the
 * hash `assessment.workers.resident_id_hmac` and `assessment.certificates.holder_resident_id_hmac`
 * hold — so an auditor joins events to records, or hashes an ID to find every event about that
 * person, without the ID being stored. Hashed rather than masked: a mask (430*************13) is
 * shared by many people and finds nobody. Rows written before this existed carry masks instead
 * (migration audit_personal_data_at_rest: the key is not in the database).
 */
export const residentIdTarget = (residentId: string) =>
  `${RESIDENT_ID_TARGET_PREFIX}${residentIdHmac(residentId).toString('hex')}`;

/** Text as the audit log keeps it: every resident-ID shape masked, whichever column it came in. */
const kept = (s: string | null | undefined, max: number) => (s == null ? null : maskResidentIdShapes(s.slice(0, max)));

/** The arguments summary with any resident-ID shape left (in keys, strings or numbers) masked. */
function keptArgs(value: unknown): unknown {
  if (typeof value === 'string') return maskResidentIdShapes(value);
  if (typeof value === 'number') {
    const masked = maskResidentIdShapes(String(value));
    return masked === String(value) ? value : masked;
  }
  if (Array.isArray(value)) return value.map(keptArgs);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [maskResidentIdShapes(k), keptArgs(v)]));
  return value ?? null;
}

/**
 * The audit writer a subgraph passes to startSubgraph: one multi-row insert per
 * request, on the pool (never inside the mutation's transaction, so a change
 * that rolled back is still recorded as refused). No resident ID reaches the table in clear:
 * those an event names (`residentIds`) become their lookup HMAC among the target ids, and every
 * text column is masked of resident-ID shapes whatever produced the event (kit/audit.ts masks
 * already; this is the last line before storage).
 */
export function auditWriter(db: Db): AuditWriter {
  return async (events: AuditEvent[]) => {
    if (!events.length) return;
    await db.insert(auditEvents).values(
      events.map((e) => ({
        service: kept(e.service, 100) as string,
        operationName: kept(e.operationName, 200),
        field: kept(e.field, 200) as string,
        role: kept(e.role, 50) as string,
        sub: kept(e.sub, 200),
        enterpriseId: e.enterpriseId && isUuid(e.enterpriseId) ? e.enterpriseId : null,
        prefecture: kept(e.prefecture, 20),
        credentialId: e.credentialId && isUuid(e.credentialId) ? e.credentialId : null,
        requestId: kept(e.requestId, 100),
        outcome: e.outcome,
        codes: e.codes.map((c) => kept(c, 100) as string),
        targetIds: [
          ...e.targetIds.map((t) => kept(t, 100) as string),
          ...[...new Set(e.residentIds ?? [])].map(residentIdTarget),
        ],
        args: keptArgs(e.args ?? {}) as Record<string, unknown>,
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
