import type http from 'node:http';
import { type AuditWriter, AuthError, claimsFromAuthorization, logger, requestScope } from '@hub/platform';
import { type HubClock, SandboxRefusal } from '@hub/vocabulary';

/**
 * 沙盒时钟: outside production an administrator sets the hub's date, so a newcomer can walk a plan
 * from its report through publicity to certificates in minutes (the notice's timings — report 5
 * working days ahead, at least 5 days of publicity — otherwise take weeks). `POST /admin/clock`
 * with an `admin` token and one of `{"date": "YYYY-MM-DD"}`, `{"advanceDays": n}` or
 * `{"clear": true}`; `GET /admin/clock` says what the hub's date is. The CLI's `hub clock` calls
 * these. While a date is set, every GraphQL answer carries `extensions.sandboxClock` and every log
 * line `sandboxDate`. In production the hub refuses (409 SANDBOX_CLOCK_IN_PRODUCTION).
 */
export function clockRoutes(clock: HubClock, audit?: AuditWriter) {
  const state = () => ({
    today: clock.today(),
    production: clock.production,
    sandbox: clock.sandbox(),
  });
  const refuse = (status: number, code: string, message: string) => ({
    status,
    body: { errors: [{ message, extensions: { code } }] },
  });
  return {
    read: async () => ({ status: 200, body: state() }),
    change: async (req: http.IncomingMessage, body: unknown) => {
      let sub: string;
      try {
        const caller = await claimsFromAuthorization(req.headers.authorization);
        if (caller.role !== 'admin') return refuse(403, 'FORBIDDEN', 'only an admin token may set the hub’s date');
        sub = caller.sub ?? 'admin';
      } catch (err) {
        const reason = err instanceof AuthError ? err.code : 'TOKEN_INVALID';
        return refuse(401, 'UNAUTHENTICATED', `the token could not be verified (${reason})`);
      }
      const b = (body ?? {}) as { date?: unknown; advanceDays?: unknown; clear?: unknown };
      try {
        if (b.clear === true) clock.clear();
        else if (typeof b.date === 'string') clock.set(b.date, sub);
        else if (Number.isInteger(b.advanceDays) && Math.abs(b.advanceDays as number) <= 3660) {
          clock.advance(b.advanceDays as number, sub);
        } else {
          return refuse(
            400,
            'BAD_REQUEST',
            'send {"date": "YYYY-MM-DD"}, {"advanceDays": n} (a whole number, |n| ≤ 3660) or {"clear": true}',
          );
        }
      } catch (err) {
        if (!(err instanceof SandboxRefusal)) throw err;
        await record(audit, sub, 'REFUSED', [err.code], b);
        return refuse(err.code === 'SANDBOX_CLOCK_IN_PRODUCTION' ? 409 : 400, err.code, err.message);
      }
      await record(audit, sub, 'OK', [], b);
      logger.warn({ service: 'gateway', sandbox: clock.sandbox(), by: sub }, 'sandbox clock changed');
      return { status: 200, body: state() };
    },
  };
}

/** 审计日志: who moved the hub's date, to what (the change is a mutation of the hub in all but name). */
async function record(
  audit: AuditWriter | undefined,
  sub: string,
  outcome: 'OK' | 'REFUSED',
  codes: string[],
  body: { date?: unknown; advanceDays?: unknown; clear?: unknown },
) {
  await audit?.([
    {
      service: 'gateway',
      operationName: null,
      field: 'sandboxClock',
      role: 'admin',
      sub,
      enterpriseId: null,
      prefecture: null,
      credentialId: null,
      requestId: requestScope()?.requestId ?? null,
      outcome,
      codes,
      targetIds: [],
      args: {
        ...(typeof body.date === 'string' ? { date: body.date.slice(0, 10) } : {}),
        ...(Number.isInteger(body.advanceDays) ? { advanceDays: body.advanceDays } : {}),
        ...(body.clear === true ? { clear: true } : {}),
      },
    },
  ]);
}
