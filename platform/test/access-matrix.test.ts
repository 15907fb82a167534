import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_MATRIX,
  ACCESS_TABLE_END,
  ACCESS_TABLE_START,
  access,
  accessTableMarkdown,
  CALLERS,
  matrixCoverage,
} from '../src/access-matrix.ts';

describe('access matrix', () => {
  it('reports a root field without a row and a row without a field', () => {
    const fields = [...Object.keys(ACCESS_MATRIX), 'Query.noSuchField'].filter((f) => f !== 'Mutation.submitFiling');
    expect(matrixCoverage(fields)).toEqual({ missing: ['Query.noSuchField'], unknown: ['Mutation.submitFiling'] });
    expect(matrixCoverage(Object.keys(ACCESS_MATRIX))).toEqual({ missing: [], unknown: [] });
  });

  it('admits at the door exactly the callers whose level is not denied', () => {
    expect(access('Mutation.submitFiling')).toEqual({ callers: ['enterprise'] });
    expect(access('Query.catalog').callers).toEqual([...CALLERS]);
    expect(access('Query.matchOccupations').callers).not.toContain('public');
    expect(access('Mutation.orderRectification')).toEqual({ callers: ['city_center', 'province_center', 'inspector'] });
  });

  it('gives every row a level for the public and every role', () => {
    for (const [op, row] of Object.entries(ACCESS_MATRIX)) {
      expect(Object.keys(row).sort(), op).toEqual([...CALLERS].sort());
    }
  });

  it('is rendered in docs/security.md exactly as generated (pnpm --filter @hub/platform run access-table -- --write ../docs/security.md)', () => {
    const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    const start = doc.indexOf(ACCESS_TABLE_START);
    const end = doc.indexOf(ACCESS_TABLE_END);
    expect(start, 'docs/security.md has the access-matrix markers').toBeGreaterThan(0);
    expect(doc.slice(start + ACCESS_TABLE_START.length, end).trim()).toBe(accessTableMarkdown());
  });
});
