import { describe, expect, it } from 'vitest';
import { judge, parseSpdx, readAllowList, refusals } from '../scripts/licences.ts';

/** The licence gate's rules (scripts/licences.ts); `pnpm test` runs the gate itself on the installed tree. */
const allow = readAllowList();

describe('the licence gate', () => {
  it('reads SPDX expressions: AND, OR, brackets, WITH, a trailing +', () => {
    expect(parseSpdx('MIT')).toEqual({ leaf: 'MIT' });
    expect(parseSpdx('(MIT AND Zlib)')).toEqual({ op: 'AND', of: [{ leaf: 'MIT' }, { leaf: 'Zlib' }] });
    expect(parseSpdx('MIT OR (Apache-2.0 AND BSD-3-Clause)')).toEqual({
      op: 'OR',
      of: [{ leaf: 'MIT' }, { op: 'AND', of: [{ leaf: 'Apache-2.0' }, { leaf: 'BSD-3-Clause' }] }],
    });
    expect(parseSpdx('GPL-2.0+ WITH Classpath-exception-2.0')).toEqual({ leaf: 'GPL-2.0' });
    expect(parseSpdx('SEE LICENSE IN LICENSE.md')).toBeNull();
  });

  it('refuses copyleft whatever its spelling, and what the list does not name', () => {
    for (const licence of ['GPL-3.0', 'GPL3.0', 'LGPL-2.1-or-later', 'AGPL-3.0-only', 'SSPL-1.0', 'EUPL-1.2']) {
      expect(judge(allow, 'some-package', licence), licence).toEqual({ ok: false, copyleft: true });
    }
    expect(judge(allow, 'x', '(MIT AND GPL-2.0)')).toEqual({ ok: false, copyleft: true });
    expect(judge(allow, 'x', 'GPL-2.0 WITH Classpath-exception-2.0').ok).toBe(false);
    expect(judge(allow, 'x', 'SEE LICENSE IN LICENSE.md')).toEqual({ ok: false, copyleft: false });
    expect(judge(allow, 'x', '')).toEqual({ ok: false, copyleft: false });
    expect(judge(allow, 'x', 'WTFPL').ok).toBe(false);
  });

  it('passes permissive licences, and a dual licence with a permissive side', () => {
    for (const licence of ['MIT', 'ISC', 'Apache-2.0', '(MIT AND Zlib)', '(MIT OR Apache-2.0)', 'BSD-3-Clause']) {
      expect(judge(allow, 'some-package', licence).ok, licence).toBe(true);
    }
  });

  it('passes a permissive side beside a copyleft one only for a package whose election is on the list', () => {
    // The shipped list elects nothing: no production package is even offered under a copyleft licence
    // (jszip, MIT OR GPL-3.0-or-later, was patched out of exceljs). The mechanism, on a list that elects one:
    expect(allow.elections?.names ?? {}).toEqual({});
    expect(judge(allow, 'jszip', '(MIT OR GPL-3.0-or-later)')).toEqual({ ok: false, copyleft: false });
    const electing = { ...allow, elections: { why: 'a test', names: { jszip: 'MIT' } } };
    expect(judge(electing, 'jszip', '(MIT OR GPL-3.0-or-later)')).toEqual({ ok: true, copyleft: false });
    expect(judge(electing, 'some-package', '(MIT OR GPL-3.0-or-later)')).toEqual({ ok: false, copyleft: false });
    expect(judge(electing, 'jszip', '(GPL-2.0 OR GPL-3.0)').ok).toBe(false);
  });

  it('allows Elastic-2.0 for Apollo’s packages by name, and for nothing else', () => {
    expect(judge(allow, '@apollo/gateway', 'Elastic-2.0').ok).toBe(true);
    expect(judge(allow, '@apollo/query-planner', 'Elastic-2.0').ok).toBe(true);
    expect(judge(allow, 'some-package', 'Elastic-2.0').ok).toBe(false);
    expect(judge(allow, '@apollo/gateway', 'SSPL-1.0').ok).toBe(false);
  });

  it('names the packages a report refuses, with why', () => {
    const report = {
      MIT: [{ name: 'a', versions: ['1.0.0'], license: 'MIT' }],
      'GPL3.0': [{ name: 'node-synonyms', versions: ['1.3.1'], license: 'GPL3.0' }],
      Unknown: [{ name: 'b', versions: ['2.0.0'], license: 'Unknown' }],
    };
    expect(refusals(report, allow)).toEqual([
      { name: 'b', versions: ['2.0.0'], licence: 'Unknown', why: 'not allowed' },
      { name: 'node-synonyms', versions: ['1.3.1'], licence: 'GPL3.0', why: 'copyleft' },
    ]);
  });
});
