import { describe, expect, it } from 'vitest';
import { poolSize } from '../src/client.ts';

describe('pool sizes from the environment (HUB_DB_POOL, HUB_DB_LOOKUP_POOL)', () => {
  it('reads a whole number from 1 to 100 and falls back when unset or empty', () => {
    expect(poolSize('HUB_DB_LOOKUP_POOL', 2, {})).toBe(2);
    expect(poolSize('HUB_DB_LOOKUP_POOL', 2, { HUB_DB_LOOKUP_POOL: '' })).toBe(2);
    expect(poolSize('HUB_DB_LOOKUP_POOL', 2, { HUB_DB_LOOKUP_POOL: '1' })).toBe(1);
    expect(poolSize('HUB_DB_POOL', 5, { HUB_DB_POOL: '100' })).toBe(100);
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['0', '-1', '2.5', 'many', '101']) {
      expect(() => poolSize('HUB_DB_POOL', 5, { HUB_DB_POOL: bad })).toThrow(
        /HUB_DB_POOL must be a whole number from 1 to 100/,
      );
    }
  });
});
