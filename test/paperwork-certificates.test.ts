import { certificates, decryptResidentId, enterprises } from '@hub/db';
import { and, asc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';
import { decodeQr, fetchPaper, keep, pdfFonts, pdfPng, pdfText, refusalCode } from './paperwork-helpers.ts';

/**
 * 电子证书: GET /certificates/<number>.pdf on the gateway's origin — for the issuing institution and
 * the authorities over its 市州, made from the GraphQL API as that caller; everyone else is refused
 * in JSON. The PDF's text layer and QR code are read back as a person's tools would.
 */

let hub: TestHub;
let cert: typeof certificates.$inferSelect;
let holderResidentId: string;
let issuerName: string;

const path = (n: string) => `/certificates/${encodeURIComponent(n)}.pdf`;

beforeAll(async () => {
  hub = await startTestHub(600);
  const [c] = await hub.db.db
    .select()
    .from(certificates)
    .where(eq(certificates.status, 'VALID'))
    .orderBy(asc(certificates.number))
    .limit(1);
  if (!c) throw new Error('the seed has no valid certificate');
  cert = c;
  holderResidentId = decryptResidentId(c.holderResidentIdEnc);
  const [e] = await hub.db.db
    .select({ name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.id, c.enterpriseId));
  issuerName = e?.name ?? '';
});
afterAll(() => hub?.stop());

const institution = () => token({ role: 'enterprise', enterpriseId: cert.enterpriseId, sub: 'paper-clerk' });

describe('the electronic certificate (职业技能等级证书)', () => {
  it('renders for its institution: holder, masked 证件号码, occupation, level, number, issuer, date, fonts embedded', async () => {
    const got = await fetchPaper(hub.url, path(cert.number), await institution());
    expect(got.status, got.bytes.toString('utf8').slice(0, 300)).toBe(200);
    expect(got.type).toBe('application/pdf');
    expect(got.disposition).toMatch(/^inline; filename="certificate-/);
    const file = keep('certificate.pdf', got.bytes);
    const text = pdfText(file);
    expect(text).toContain('职业技能等级证书');
    expect(text).toContain(cert.holderName);
    // The national layout: region code and the last four, the birth date hidden.
    const masked = `${holderResidentId.slice(0, 6)}********${holderResidentId.slice(14)}`;
    expect(text).toContain(masked);
    expect(text).not.toContain(holderResidentId);
    expect(text).toContain(cert.number);
    expect(text).toContain(issuerName);
    const [y, m, d] = cert.issuedOn.split('-');
    expect(text).toContain(`${y}年${m}月${d}日`);
    const levels: Record<number, string> = {
      5: '五级/初级工',
      4: '四级/中级工',
      3: '三级/高级工',
      2: '二级/技师',
      1: '一级/高级技师',
    };
    expect(text).toContain(levels[cert.level]);
    // The occupation's name as the API gives it.
    const occ = await gql(hub.url, 'query($c: OccupationCode!) { occupation(code: $c) { name } }', {
      variables: { c: cert.occupationCode },
    });
    expect(text).toContain(occ.data?.occupation?.name);
    // Noto Sans SC, embedded as a subset, with a Unicode map (the text layer above is read through it).
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/NotoSansSC/);
      expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
    }
    expect(got.bytes.length).toBeLessThan(200_000);
  });

  it('carries a QR code that opens the public verification page with the number, and no name', async () => {
    const got = await fetchPaper(hub.url, path(cert.number), await institution());
    const png = pdfPng(keep('certificate.pdf', got.bytes));
    const link = decodeQr(png);
    const origin = new URL(hub.url).origin;
    expect(link).toBe(`${origin}/verify#number=${encodeURIComponent(cert.number)}`);
    expect(link).not.toContain(encodeURIComponent(cert.holderName));
    // The page it opens is served.
    const page = await fetch(`${origin}/verify`);
    expect([200, 503]).toContain(page.status);
  });

  it('renders for the city centre of its 市州 and for the province centre', async () => {
    const city = await token({ role: 'city_center', prefecture: cert.prefectureCode, sub: 'paper-city' });
    const province = await token({ role: 'province_center', sub: 'paper-province' });
    for (const tok of [city, province]) {
      const got = await fetchPaper(hub.url, path(cert.number), tok);
      expect(got.status).toBe(200);
      expect(got.type).toBe('application/pdf');
    }
  });

  it('refuses the public with 401, a role the door keeps out with 403, in typed JSON', async () => {
    const anonymous = await fetchPaper(hub.url, path(cert.number));
    expect(anonymous.status).toBe(401);
    expect(anonymous.type).toMatch(/^application\/json/);
    expect(refusalCode(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.json?.errors?.[0]?.message).toContain('/verify');
    expect(anonymous.bytes.toString('utf8')).not.toContain(cert.holderName);

    const bad = await fetchPaper(hub.url, path(cert.number), 'not-a-token');
    expect(bad.status).toBe(401);
    expect(refusalCode(bad)).toBe('UNAUTHENTICATED');

    const dashboard = await fetchPaper(
      hub.url,
      path(cert.number),
      await token({ role: 'dashboard', sub: 'paper-dash' }),
    );
    expect(dashboard.status).toBe(403);
    expect(refusalCode(dashboard)).toBe('FORBIDDEN');
  });

  it('gives another enterprise and another 市州 nothing: the same 404 as an unknown number', async () => {
    const [other] = await hub.db.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(ne(enterprises.id, cert.enterpriseId))
      .limit(1);
    const otherEnterprise = await token({ role: 'enterprise', enterpriseId: other?.id as string, sub: 'paper-other' });
    const theirs = await fetchPaper(hub.url, path(cert.number), otherEnterprise);
    expect(theirs.status).toBe(404);
    expect(refusalCode(theirs)).toBe('CERTIFICATE_NOT_FOUND');
    expect(theirs.bytes.toString('utf8')).not.toContain(cert.holderName);

    const elsewhere = cert.prefectureCode === '430100' ? '430200' : '430100';
    const otherCity = await token({ role: 'city_center', prefecture: elsewhere, sub: 'paper-city-2' });
    const far = await fetchPaper(hub.url, path(cert.number), otherCity);
    expect(far.status).toBe(404);
    expect(refusalCode(far)).toBe('CERTIFICATE_NOT_FOUND');

    const unknown = await fetchPaper(hub.url, path('Z0000000000000000000000'), await institution());
    expect(unknown.status).toBe(404);
    expect(refusalCode(unknown)).toBe('CERTIFICATE_NOT_FOUND');
  });

  it('makes no certificate of a revoked one (409)', async () => {
    const [revoked] = await hub.db.db
      .select()
      .from(certificates)
      .where(and(eq(certificates.status, 'REVOKED')))
      .limit(1);
    if (!revoked) throw new Error('the seed has no revoked certificate');
    const tok = await token({ role: 'enterprise', enterpriseId: revoked.enterpriseId, sub: 'paper-clerk' });
    const got = await fetchPaper(hub.url, path(revoked.number), tok);
    expect(got.status).toBe(409);
    expect(refusalCode(got)).toBe('CERTIFICATE_REVOKED');
  });
});
