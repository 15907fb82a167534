import type { Clock } from '@hub/vocabulary';
import { prefectureName } from '@hub/vocabulary';
import SchemaBuilder from '@pothos/core';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import type { Caller } from './access-matrix.ts';
import type { Claims, Role } from './auth.ts';
import { hubError, type Refusal } from './errors.ts';
import { inputBoundsPlugin } from './input-bounds.ts';
import type { InputBounds } from './rules/bounds.ts';
import { CreditCodeScalar, OccupationCodeScalar, ResidentIdScalar } from './scalars.ts';

/** What every subgraph's resolvers get: the verified caller plus the subgraph's own deps. */
export interface HubContext {
  caller: Claims;
  /** The hub's clock (now, today in China time, the sandbox date): every dated rule reads it. */
  clock: Clock;
}

export interface HubSchemaTypes<Ctx extends HubContext> {
  Context: Ctx;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: Date; Output: Date | string };
    CreditCode: { Input: string; Output: string };
    ResidentId: { Input: string; Output: string };
    OccupationCode: { Input: string; Output: string };
  };
  AuthScopes: {
    /** Any caller with a verified token. */
    authenticated: boolean;
    /** The caller has one of these roles. */
    roles: Role[];
    /** The caller (a role, or `public` without a token) is one of these: root fields, from the access matrix. */
    callers: Caller[];
  };
  DefaultFieldNullability: false;
}

/**
 * One Pothos builder per subgraph, all configured alike: scope-auth, the input bounds
 * (`inputBounds`: the subgraph's rules/input-bounds.ts, checked inside scope-auth), directives,
 * federation last (it must wrap the resolvers the others produce), the shared
 * scalars and shareable relay-style connections (first/after, edges, pageInfo).
 */
export function createHubBuilder<Ctx extends HubContext>(opts: { inputBounds?: InputBounds } = {}) {
  const builder = new SchemaBuilder<HubSchemaTypes<Ctx>>({
    defaultFieldNullability: false,
    plugins: [ScopeAuthPlugin, inputBoundsPlugin, DirectivePlugin, RelayPlugin, FederationPlugin],
    inputBounds: opts.inputBounds ?? {},
    relay: {
      // Entities are fetched by their federation keys; no global Node ids.
      nodeQueryOptions: false,
      nodesQueryOptions: false,
      cursorType: 'String',
      edgeCursorType: 'String',
      pageInfoTypeOptions: {
        shareable: true,
        description: 'Where a page of a cursor connection ends, and whether more follows.',
      },
      hasNextPageFieldOptions: { description: 'True when another page follows this one.' },
      hasPreviousPageFieldOptions: { description: 'True when this page was asked for with `after`.' },
      startCursorFieldOptions: { description: 'Cursor of the first edge on this page.' },
      endCursorFieldOptions: { description: 'Pass as `after` to fetch the next page.' },
      cursorFieldOptions: { description: 'Opaque position of this edge; pass as `after` to continue from here.' },
      nodeFieldOptions: { description: 'The item at this position.' },
      edgesFieldOptions: { description: 'The items of this page, in order.' },
      pageInfoFieldOptions: { description: 'Paging state of this page.' },
      firstArgOptions: { description: 'Page size, 0–100 (default 20).' },
      afterArgOptions: { description: 'Continue after this cursor (a previous page’s endCursor).' },
      lastArgOptions: { description: 'Not supported: pages go forward only (use first/after).' },
      beforeArgOptions: { description: 'Not supported: pages go forward only (use first/after).' },
      defaultConnectionTypeOptions: { description: 'A page of results (cursor connection).' },
      // A page may come from a subgraph that is down or refuses: null it alone, keep the rest of the answer.
      defaultConnectionFieldOptions: { nullable: true },
      defaultEdgeTypeOptions: { description: 'One result with its cursor.' },
    },
    scopeAuth: {
      authScopes: (ctx) => ({
        authenticated: ctx.caller.role !== 'public',
        roles: (roles: Role[]) => ctx.caller.role !== 'public' && roles.includes(ctx.caller.role),
        callers: (callers: Caller[]) => callers.includes(ctx.caller.role),
      }),
      unauthorizedError: (_parent, ctx) =>
        ctx.caller.role === 'public'
          ? hubError('UNAUTHENTICATED', 'this field needs a signed-in caller (Authorization: Bearer <token>)')
          : hubError('FORBIDDEN', `role ${ctx.caller.role} may not read or do this`),
    },
  });

  builder.addScalarType('DateTime', DateTimeResolver);
  builder.addScalarType('Date', DateResolver);
  builder.addScalarType('CreditCode', CreditCodeScalar);
  builder.addScalarType('ResidentId', ResidentIdScalar);
  builder.addScalarType('OccupationCode', OccupationCodeScalar);

  builder.queryType({ description: 'Everything the hub can be asked.' });

  /** 市州: shared by every subgraph that places a record in Hunan. */
  const Prefecture = builder.objectRef<{ code: string }>('Prefecture').implement({
    description: "市州: one of Hunan's 14 prefecture-level divisions.",
    shareable: true,
    fields: (t) => ({
      code: t.exposeString('code', { description: '6-digit division code (GB/T 2260), e.g. 430100.' }),
      name: t.string({ description: 'Chinese name, e.g. 长沙市.', resolve: (p) => prefectureName(p.code) ?? p.code }),
    }),
  });

  /** A refused input, named: mutations return these instead of throwing. */
  const UserError = builder.objectRef<Refusal>('UserError').implement({
    description: 'Why a requested change was refused, in words a clerk understands; nothing was changed.',
    shareable: true,
    fields: (t) => ({
      code: t.exposeString('code', {
        description: 'Stable code of the rule that refused it, e.g. FILING_WRONG_STATE.',
      }),
      message: t.exposeString('message', { description: 'What is wrong and which rule says so.' }),
      field: t.exposeString('field', { nullable: true, description: 'The input field at fault, when there is one.' }),
    }),
  });

  return { builder, Prefecture, UserError };
}
