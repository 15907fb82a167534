import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataOnlyText, WRITTEN_FOR } from '../src/apollo-adapter.ts';

const require = createRequire(import.meta.url);

/** The installed version of a package, read from its package.json (its exports may hide the file). */
function installed(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '';
    }
    dir = path.dirname(dir);
  }
  throw new Error(`${name} is not installed`);
}

describe('the Apollo internals the gateway relies on (apollo-adapter.ts)', () => {
  it.each(Object.entries(WRITTEN_FOR))('were written for %s %s, the version installed', (name, version) => {
    const found = installed(name);
    if (found !== version) {
      throw new Error(
        `${name} is ${found}, but gateway/src/apollo-adapter.ts was written for ${version}: check each ` +
          'numbered item there against the new version (test/passthrough.test.ts and test/request-gate.test.ts ' +
          'exercise them), then update WRITTEN_FOR',
      );
    }
  });

  it('takes `data` as its text only from an answer of `data` alone, as Apollo Server writes it', () => {
    expect(dataOnlyText('{"data":{"a":1}}\n')).toBe('{"a":1}');
    expect(dataOnlyText('{"errors":[{"message":"x"}],"data":{"a":null}}')).toBeUndefined();
    expect(dataOnlyText('{"data":{"a":1},"extensions":{"x":1}}')).toBeUndefined();
    expect(dataOnlyText('{"data":{"errors":1}}')).toBeUndefined(); // a field so named: parsed instead
    expect(dataOnlyText('{"data":null}')).toBeUndefined();
  });
});
