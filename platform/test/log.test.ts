import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inRequestScope, logError, logger, requestIdFrom } from '../src/log.ts';

let lines: Record<string, unknown>[] = [];
const write = process.stdout.write.bind(process.stdout);
beforeEach(() => {
  lines = [];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    for (const l of String(chunk).split('\n')) if (l.startsWith('{')) lines.push(JSON.parse(l));
    return true;
  }) as typeof process.stdout.write;
});
afterEach(() => {
  process.stdout.write = write;
});

describe('the hub logger', () => {
  it('writes an unexpected error as one JSON line with the request id, resident IDs masked, parameters cut', () => {
    inRequestScope({ requestId: 'req-42' }, () =>
      logError('assessments', new Error('duplicate key 430102199003071234 params: 张三,430102199003071234')),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, service: 'assessments', reqId: 'req-42', msg: 'unexpected error' });
    const text = JSON.stringify(lines[0]);
    expect(text).toContain(`430${'*'.repeat(13)}34`);
    expect(text).not.toContain('430102199003071234');
    expect(text).not.toContain('张三');
  });

  it('redacts tokens, variables and personal fields if a caller ever passes them in', () => {
    logger.warn(
      {
        variables: { id: 'x' },
        authorization: 'Bearer abc',
        req: { headers: { authorization: 'Bearer abc' } },
        holderName: '李四',
      },
      'careless',
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/Bearer|李四|"id":"x"/);
    expect(text).toContain('[redacted]');
  });

  it('keeps a plain incoming request id and replaces anything else', () => {
    expect(requestIdFrom('abc-123.x:y_z')).toBe('abc-123.x:y_z');
    expect(requestIdFrom('has space')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom('a'.repeat(129))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(['a', 'b'])).toMatch(/^[0-9a-f-]{36}$/);
    // one that holds a resident ID shape is replaced, not kept (it would go into every log line)
    expect(requestIdFrom('req-43010419810612123X')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom('order-12345678901234567')).toBe('order-12345678901234567'); // 17 digits: not an ID
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
