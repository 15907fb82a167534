import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Documents typed from the committed supergraph (schema/supergraph.graphql): the package's
 * typecheck regenerates graphql-env.d.ts from it first, so a schema change that breaks one of the
 * client's operations fails `pnpm typecheck` (and so `pnpm test`), not a partner's nightly sync.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    Date: string;
    DateTime: string;
    ResidentId: string;
    OccupationCode: string;
    ID: string;
    CreditCode: string;
  };
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
