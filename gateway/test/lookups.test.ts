import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { found, lookupsOf, mayLookUp } from '../src/lookups.ts';

const NUMBER = 'Y000043123456251000001';
const ID = '430102199003070012';

describe('the lookups a request makes', () => {
  it('counts every alias of a lookup field as a lookup of its own, with its arguments', () => {
    const doc = parse(`query($n: String!) {
      a: verifyCertificate(number: $n, holderName: "张三") { status }
      b: verifyCertificate(number: " y0000431234562510 00002 ", holderName: "李 四") { status }
      c: verifyCertificatesByIdentity(residentId: "${ID.toLowerCase()}", holderName: "王五") { number }
      occupation(code: "6-18-01-01") { name }
    }`);
    expect(lookupsOf(doc, undefined, { n: NUMBER })).toEqual([
      { kind: 'certificate', responseKey: 'a', number: NUMBER, holderName: '张三' },
      { kind: 'certificate', responseKey: 'b', number: 'Y000043123456251000002', holderName: '李四' },
      { kind: 'identity', responseKey: 'c', residentId: ID, holderName: '王五' },
    ]);
  });

  it('finds lookups in fragments, named and inline, and counts one response key once (graphql runs it once)', () => {
    const doc = parse(`query Q { ...F ... on Query { x: verifyCertificate(number: "a", holderName: "b") { status } }
      verifyCertificate(number: "a", holderName: "b") { status } verifyCertificate(number: "a", holderName: "b") { certificate { number } } }
      fragment F on Query { y: verifyCertificatesByIdentity(residentId: "1", holderName: "c") { number } ...F }
      query Other { occupation(code: "1") { name } }`);
    expect(lookupsOf(doc, 'Q', {}).map((l) => l.responseKey)).toEqual(['y', 'x', 'verifyCertificate']);
    expect(lookupsOf(doc, 'Other', {})).toEqual([]);
    // no operation chosen among two: the pipeline refuses it, nothing to count
    expect(lookupsOf(doc, undefined, {})).toEqual([]);
  });

  it('keeps a value that cannot match anything out of the keys (no certificate has a malformed number)', () => {
    const doc = parse(`query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { status } }`);
    expect(lookupsOf(doc, undefined, { n: 'not-a-number', h: '   ' })).toEqual([
      { kind: 'certificate', responseKey: 'verifyCertificate' },
    ]);
    expect(lookupsOf(doc, undefined, { n: 42 })).toEqual([{ kind: 'certificate', responseKey: 'verifyCertificate' }]);
  });

  it('tells texts that may look up from those that cannot, without parsing', () => {
    expect(mayLookUp('{ verifyCertificatesByIdentity(residentId: "x", holderName: "y") { number } }')).toBe(true);
    expect(mayLookUp('{ catalog(first: 1) { edges { cursor } } }')).toBe(false);
  });
});

describe('what counts as found', () => {
  const cert = { kind: 'certificate' as const, responseKey: 'v' };
  const identity = { kind: 'identity' as const, responseKey: 'v' };
  it('a VALID or REVOKED verdict or a certificate, under any alias; anything else is a miss', () => {
    expect(found(cert, { v: { status: 'VALID', certificate: { number: NUMBER } } })).toBe(true);
    expect(found(cert, { v: { verdict: 'REVOKED' } })).toBe(true);
    expect(found(cert, { v: { c: { number: NUMBER } } })).toBe(true);
    expect(found(cert, { v: { status: 'NOT_FOUND', certificate: null, __typename: 'CertificateVerification' } })).toBe(
      false,
    );
    expect(found(cert, { v: { t: 'CertificateVerification' } })).toBe(false); // told nothing: counted as a miss
    expect(found(cert, { v: null })).toBe(false);
    expect(found(cert, null)).toBe(false);
  });

  it('a non-empty list for a lookup by resident ID', () => {
    expect(found(identity, { v: [{ number: NUMBER }] })).toBe(true);
    expect(found(identity, { v: [] })).toBe(false);
    expect(found(identity, {})).toBe(false);
  });
});
