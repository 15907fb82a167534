import { cases, certificates, enterprises, filings, occupations } from '@hub/db';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const QUERY = /* GraphQL */ `
  query CertificateAcrossDomains($number: String!) {
    certificate(number: $number) {
      number
      level
      occupation { code name }
      issuer {
        id
        name
        filingStatus
        supervisionCases(first: 10) { edges { node { id status violationTypes prefecture { code } } } }
      }
    }
  }
`;

describe('one request crosses all four subgraphs', () => {
  it('follows a certificate to its enterprise, filing status, occupation name and supervision cases', async () => {
    const { db } = hub.db;
    // A certificate whose issuing enterprise has at least one supervision case.
    const [row] = await db
      .select({
        number: certificates.number,
        enterpriseId: certificates.enterpriseId,
        occupationCode: certificates.occupationCode,
      })
      .from(certificates)
      .innerJoin(cases, eq(cases.enterpriseId, certificates.enterpriseId))
      .limit(1);
    expect(row, 'the demo seed has a certificate from an enterprise with a case').toBeDefined();
    if (!row) return;
    const [enterprise] = await db.select().from(enterprises).where(eq(enterprises.id, row.enterpriseId));
    const [filing] = await db
      .select()
      .from(filings)
      .where(eq(filings.enterpriseId, row.enterpriseId))
      .orderBy(desc(filings.createdAt), desc(filings.id))
      .limit(1);
    const [occupation] = await db.select().from(occupations).where(eq(occupations.code, row.occupationCode));
    const caseRows = await db.select().from(cases).where(eq(cases.enterpriseId, row.enterpriseId));

    const result = await gql(hub.url, QUERY, {
      variables: { number: row.number },
      token: await token({ role: 'province_center', sub: 'e2e' }),
    });

    expect(result.errors).toBeUndefined();
    const cert = result.data?.certificate;
    expect(cert.number).toBe(row.number);
    expect(cert.occupation).toEqual({ code: row.occupationCode, name: occupation?.name }); // occupations subgraph
    expect(cert.issuer.name).toBe(enterprise?.name); // enterprises subgraph
    expect(cert.issuer.filingStatus).toBe(filing?.status);
    const gotCases = cert.issuer.supervisionCases.edges.map((e: any) => e.node.id).sort(); // supervision subgraph
    expect(gotCases).toEqual(caseRows.map((c) => c.id).sort());
    expect(cert.issuer.supervisionCases.edges[0].node.prefecture.code).toBe(enterprise?.prefectureCode);
  });

  it('keeps a city centre to its own 市州: a certificate of another 市州 is not visible', async () => {
    const { db } = hub.db;
    const [row] = await db
      .select({ number: certificates.number, prefecture: enterprises.prefectureCode })
      .from(certificates)
      .innerJoin(enterprises, eq(enterprises.id, certificates.enterpriseId))
      .limit(1);
    if (!row) throw new Error('seed has no certificates');
    const other = row.prefecture === '430100' ? '430200' : '430100';
    const own = await gql(hub.url, 'query($n: String!) { certificate(number: $n) { number } }', {
      variables: { n: row.number },
      token: await token({ role: 'city_center', prefecture: row.prefecture }),
    });
    const foreign = await gql(hub.url, 'query($n: String!) { certificate(number: $n) { number } }', {
      variables: { n: row.number },
      token: await token({ role: 'city_center', prefecture: other }),
    });
    expect(own.data?.certificate?.number).toBe(row.number);
    expect(foreign.data?.certificate).toBeNull();
  });
});
