import { residentIdCheckChar } from '@hub/vocabulary';
import { describe, expect, it } from 'vitest';
import { findResidentIds } from './log-scan.ts';

const valid = (first17: string) => first17 + residentIdCheckChar(first17);

describe('the resident-ID log scanner', () => {
  it('finds a planted valid resident ID, with its line, and reports it masked', () => {
    const id = valid('43010219900101123');
    const hits = findResidentIds(`first line\n[assessments] error: duplicate key (resident_id)=(${id}) exists\n`);
    expect(hits).toEqual([{ line: 2, masked: `430…${id.slice(-2)}` }]);
  });

  it('finds an ID ending in X, also lower-case, and several on one line', () => {
    // some 17-digit prefix has X as its check character
    let x = '';
    for (let n = 0; n < 1000 && !x; n++) {
      const first17 = `430102199001011${String(n % 100).padStart(2, '0')}`;
      if (residentIdCheckChar(first17) === 'X') x = `${first17}X`;
    }
    expect(x).toMatch(/X$/);
    const other = valid('43010219850615002');
    expect(findResidentIds(`a=${x.toLowerCase()} b="${other}"`)).toHaveLength(2);
  });

  it('ignores masked IDs, wrong check characters, impossible birth dates and longer digit runs', () => {
    const id = valid('43010219900101123');
    const wrong = id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
    const text = [
      `masked 430*************${id.slice(-2)}`,
      `wrong check ${wrong}`,
      `bad date ${valid('43010219901301123')}`,
      `longer ${id}7`,
      `timestamp 1795000000000123456`,
    ].join('\n');
    expect(findResidentIds(text)).toEqual([]);
  });
});
