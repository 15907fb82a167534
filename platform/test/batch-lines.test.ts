import { describe, expect, it } from 'vitest';
import { batchLine, batchLineItem } from '../src/fast-path.ts';

describe('合批 answer lines (fast-path.ts)', () => {
  it('reads back the index and the answer text a line was written with, newline and all', () => {
    const text = '{"data":{"a":"tab\\tand newline\\n inside a string"}}\n';
    const line = batchLine(12, text);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1); // one line: JSON text has no raw newline
    expect(batchLineItem(line.slice(0, -1))).toEqual({ index: 12, text: text.trimEnd() });
    expect(batchLineItem(batchLine(0, undefined).slice(0, -1))).toEqual({ index: 0, text: undefined });
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      '\t{}',
      'x\t{}',
      '-1\t{}',
      '1.5\t{}',
      '1e1\t{}',
      ' 1\t{}',
      '1\t',
      '1234\t{}',
      '{"data":{}}',
    ]) {
      expect(batchLineItem(bad)).toBeUndefined();
    }
  });
});
