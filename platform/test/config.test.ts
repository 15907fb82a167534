import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_TABLE_END,
  CONFIG_TABLE_START,
  ConfigError,
  loadConfig,
  renderConfigTable,
  SETTINGS,
} from '../src/config.ts';

describe('the configuration (platform/src/config.ts)', () => {
  it('gives every documented default when nothing is set', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.port).toBe(4000);
    expect(config.publicRate).toBe(600);
    expect(config.publicBurst).toBeUndefined();
    expect(config.lookupBudget).toBe(300);
    expect(config.dbPool).toBeUndefined();
    expect(config.fastPath).toBe(true);
    expect(config.trustProxy).toBe(false);
    expect(config.logLevel).toBe('info');
  });

  it('reads pool sizes as whole numbers from 1 to 100 (HUB_DB_POOL, HUB_DB_LOOKUP_POOL)', () => {
    expect(loadConfig({ HUB_DB_LOOKUP_POOL: '' }).dbLookupPool).toBeUndefined();
    expect(loadConfig({ HUB_DB_LOOKUP_POOL: '1' }).dbLookupPool).toBe(1);
    expect(loadConfig({ HUB_DB_POOL: '100' }).dbPool).toBe(100);
    for (const bad of ['0', '-1', '2.5', 'many', '101'])
      expect(() => loadConfig({ HUB_DB_POOL: bad })).toThrow(/HUB_DB_POOL must be a whole number from 1 to 100/);
  });

  it('refuses a bad value instead of falling back to the default silently', () => {
    expect(() => loadConfig({ HUB_MAX_DEPTH: 'deep' })).toThrow(/HUB_MAX_DEPTH/);
    expect(() => loadConfig({ HUB_FAST_PATH: 'off' })).toThrow(/HUB_FAST_PATH must be 0 or 1/);
    expect(() => loadConfig({ HUB_LOG_LEVEL: 'loud' })).toThrow(/HUB_LOG_LEVEL must be one of/);
  });

  it('names every bad setting at once', () => {
    try {
      loadConfig({ HUB_PORT: 'x', HUB_PUBLIC_RATE: '-5', HUB_GATEWAY_WORKERS: 'two' });
      expect.unreachable('a bad configuration was accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.split(' ')[0])).toEqual([
        'HUB_PORT',
        'HUB_GATEWAY_WORKERS',
        'HUB_PUBLIC_RATE',
      ]);
    }
  });

  it('declares each variable once', () => {
    const names = Object.values(SETTINGS).map((s) => s.variable);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is documented in docs/operations.md exactly as generated (pnpm --filter @hub/platform run config-table -- --write ../docs/operations.md)', () => {
    const doc = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8');
    const start = doc.indexOf(CONFIG_TABLE_START);
    const end = doc.indexOf(CONFIG_TABLE_END);
    expect(start).toBeGreaterThan(0);
    expect(doc.slice(start + CONFIG_TABLE_START.length, end).trim()).toBe(renderConfigTable());
  });
});
