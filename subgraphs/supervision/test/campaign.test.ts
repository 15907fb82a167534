import { describe, expect, it } from 'vitest';
import { drawnRefusal } from '../src/rules/campaign.ts';

const code = (x: { code: string } | null) => x?.code ?? null;

describe('a case from an inspection names the campaign that drew the institution', () => {
  it('refuses an unknown campaign, a campaign of another kind, and an institution its draw did not pick', () => {
    expect(code(drawnRefusal(null, false, 'RANDOM_INSPECTION'))).toBe('NOT_FOUND');
    expect(code(drawnRefusal({ kind: 'SPECIAL_INSPECTION' }, true, 'RANDOM_INSPECTION'))).toBe(
      'CAMPAIGN_KIND_MISMATCH',
    );
    expect(code(drawnRefusal({ kind: 'RANDOM_INSPECTION' }, false, 'RANDOM_INSPECTION'))).toBe('NOT_DRAWN');
    expect(drawnRefusal({ kind: 'RANDOM_INSPECTION' }, true, 'RANDOM_INSPECTION')).toBeNull();
  });
});
