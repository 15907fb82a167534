import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * GraphQL documents typed from the committed supergraph (schema/supergraph.graphql):
 * `pnpm typecheck` regenerates graphql-env.d.ts from it first, so a schema change that a page's
 * document no longer fits fails the typecheck, not the page.
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

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
