import {
  issuePartnerCredential,
  type PartnerCredentialRow,
  partnerCredentialsPage,
  revokePartnerCredential,
} from '@hub/db';
import { access, forwardConnection, hubError, type Refusal } from '@hub/platform';
import { builder, UserError } from '../builder.ts';
import { countPartnerCredentials } from '../queries/count.ts';
import { TOTAL_COUNT_DESCRIPTION, totalOf, withTotal } from './connection.ts';
import { objects } from './reach.ts';

/** 合作HR系统 API 凭证: issued and revoked by admins; see db/src/write/partner-credentials.ts. */
const PartnerCredential = builder.objectRef<PartnerCredentialRow>('PartnerCredential').implement({
  description:
    '合作HR系统 API 凭证: a long-lived credential of one enterprise’s partner HR system (role hr_partner). Read-only unless issued with canWrite; revocable at once.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Credential id; the `jti` claim of its token.' }),
    enterpriseId: t.exposeID('enterpriseId', { description: 'The enterprise the partner system acts for.' }),
    name: t.exposeString('name', { description: 'Which partner system this is, e.g. “北森 HR 同步”.' }),
    canWrite: t.exposeBoolean('canWrite', {
      description: 'True when the partner may make changes (mutations); false: read-only.',
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was issued.', resolve: (c) => c.createdAt }),
    createdBy: t.exposeString('createdBy', { description: 'Who issued it (subject of the admin token).' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When its token stops working.', resolve: (c) => c.expiresAt }),
    revokedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; null while active.',
      resolve: (c) => c.revokedAt,
    }),
    revokedBy: t.exposeString('revokedBy', { nullable: true, description: 'Who revoked it.' }),
    revokedReason: t.exposeString('revokedReason', { nullable: true, description: 'Why it was revoked.' }),
    lastUsedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Last request made with it (updated at most once a minute); null if never used.',
      resolve: (c) => c.lastUsedAt,
    }),
    active: t.boolean({
      description: 'Neither revoked nor expired.',
      resolve: (c) => !c.revokedAt && c.expiresAt.getTime() > Date.now(),
    }),
  }),
});

/** A partner credential: for its enterprise itself (not its partners, not the authorities) and admins. */
objects.rule(PartnerCredential, {
  owner: (c) => ({ enterpriseId: c.enterpriseId, prefectureCode: null }),
  sees: (caller, _owner, c) =>
    caller.role === 'admin' || (caller.role === 'enterprise' && caller.enterpriseId === c.enterpriseId),
});

const IssuePartnerCredentialInput = builder.inputType('IssuePartnerCredentialInput', {
  description: 'A new partner credential (合作HR系统 API 凭证).',
  fields: (t) => ({
    enterpriseId: t.id({ required: true, description: 'The enterprise the partner system acts for.' }),
    name: t.string({ required: true, description: 'Which partner system, 1–100 characters.' }),
    canWrite: t.boolean({
      required: false,
      defaultValue: false,
      description: 'Allow changes (mutations); default false (read-only).',
    }),
    validDays: t.int({
      required: false,
      defaultValue: 365,
      description: 'Days until it expires, 1–1830 (default 365).',
    }),
  }),
});

const IssuePartnerCredentialPayload = builder
  .objectRef<{ credential?: PartnerCredentialRow | null; token?: string | null; errors: Refusal[] }>(
    'IssuePartnerCredentialPayload',
  )
  .implement({
    description: 'The new credential and its token, or why it was refused (then nothing was issued).',
    fields: (t) => ({
      credential: t.field({
        type: PartnerCredential,
        nullable: true,
        description: 'The credential as issued.',
        resolve: (p) => p.credential ?? null,
      }),
      token: t.string({
        nullable: true,
        description: 'The bearer token for the partner system. Shown only here, once: the hub keeps no copy.',
        resolve: (p) => p.token ?? null,
      }),
      errors: t.field({ type: [UserError], description: 'Refusals; empty when issued.', resolve: (p) => p.errors }),
    }),
  });

const PartnerCredentialPayload = builder
  .objectRef<{ credential?: PartnerCredentialRow | null; errors: Refusal[] }>('PartnerCredentialPayload')
  .implement({
    description: 'The credential after the change, or why it was refused (then nothing changed).',
    fields: (t) => ({
      credential: t.field({
        type: PartnerCredential,
        nullable: true,
        description: 'The credential as it now stands.',
        resolve: (p) => p.credential ?? null,
      }),
      errors: t.field({ type: [UserError], description: 'Refusals; empty when done.', resolve: (p) => p.errors }),
    }),
  });

const issuer = (caller: { sub?: string | undefined; role: string }) => caller.sub ?? caller.role;

builder.mutationFields((t) => ({
  issuePartnerCredential: t.field({
    type: IssuePartnerCredentialPayload,
    description:
      '合作HR系统 API 凭证: issue a credential (admins only). The token in the answer is shown once; give it to the partner system.',
    authScopes: access('Mutation.issuePartnerCredential'),
    args: {
      input: t.arg({ type: IssuePartnerCredentialInput, required: true, description: 'The credential to issue.' }),
    },
    resolve: (_root, { input }, ctx) =>
      issuePartnerCredential(ctx.db, {
        enterpriseId: String(input.enterpriseId),
        name: input.name,
        canWrite: input.canWrite,
        validDays: input.validDays,
        createdBy: issuer(ctx.caller),
      }),
  }),
  revokePartnerCredential: t.field({
    type: PartnerCredentialPayload,
    description:
      'Revoke a partner credential (admins only): the next request with its token, to any subgraph, is refused (401, reason CREDENTIAL_REVOKED).',
    authScopes: access('Mutation.revokePartnerCredential'),
    args: {
      id: t.arg.id({ required: true, description: 'The credential to revoke.' }),
      reason: t.arg.string({ required: true, description: 'Why, for the record.' }),
    },
    resolve: (_root, args, ctx) =>
      revokePartnerCredential(ctx.db, { id: String(args.id), reason: args.reason, revokedBy: issuer(ctx.caller) }),
  }),
}));

builder.queryFields((t) => ({
  partnerCredentials: t.connection(
    {
      type: PartnerCredential,
      description:
        'An enterprise’s partner credentials with their last use, by id: admins for any enterprise, an enterprise for its own. Active ones only unless includeRevoked.',
      authScopes: access('Query.partnerCredentials'),
      args: {
        enterpriseId: t.arg.id({ required: true, description: 'Whose credentials.' }),
        includeRevoked: t.arg.boolean({
          required: false,
          defaultValue: false,
          description: 'Also list revoked and expired ones.',
        }),
      },
      resolve: (_root, args, ctx) => {
        const enterpriseId = String(args.enterpriseId).toLowerCase();
        if (ctx.caller.role === 'enterprise' && ctx.caller.enterpriseId !== enterpriseId) {
          throw hubError('FORBIDDEN', 'an enterprise may list only its own partner credentials', {
            reason: 'NOT_YOUR_ENTERPRISE',
          });
        }
        const includeRevoked = args.includeRevoked ?? false;
        return withTotal(
          forwardConnection(
            args,
            (c: PartnerCredentialRow) => c.id,
            (afterId, limit) => partnerCredentialsPage(ctx.db, { enterpriseId, includeRevoked, afterId, limit }),
          ),
          // Counted on the same wall clock the page's expiry filter reads.
          () => countPartnerCredentials(ctx.db, { enterpriseId, includeRevoked, now: new Date() }),
        );
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }),
      }),
    },
  ),
}));
