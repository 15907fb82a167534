import { defineRelations } from 'drizzle-orm';
import * as schema from './schema/index.ts';

/** Relations inside each pg schema only: crossing domains goes through named read functions. */
export const relations = defineRelations(schema, (r) => ({
  enterprises: {
    filings: r.many.filings(),
  },
  filings: {
    enterprise: r.one.enterprises({ from: r.filings.enterpriseId, to: r.enterprises.id, optional: false }),
    scopes: r.many.filingScopes(),
    transitions: r.many.filingTransitions(),
  },
  filingScopes: {
    filing: r.one.filings({ from: r.filingScopes.filingId, to: r.filings.id, optional: false }),
  },
  filingTransitions: {
    filing: r.one.filings({ from: r.filingTransitions.filingId, to: r.filings.id, optional: false }),
  },
  occupations: {
    workTypes: r.many.workTypes(),
  },
  workTypes: {
    occupation: r.one.occupations({ from: r.workTypes.occupationCode, to: r.occupations.code, optional: false }),
  },
}));
