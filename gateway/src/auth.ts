import type http from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { AuthError, type Claims, claimsFromAuthorization, hubError, signInternalToken } from '@hub/platform';
import { LRUCache } from 'lru-cache';

/**
 * Verifies the caller's bearer token. A bad, expired or malformed token is a
 * 401 with a stable reason, never a crash; no token is the public caller.
 */
export async function verifyCaller(req: http.IncomingMessage): Promise<Claims> {
  try {
    return await claimsFromAuthorization(req.headers.authorization);
  } catch (err) {
    if (err instanceof AuthError) throw hubError('UNAUTHENTICATED', err.message, { reason: err.code }, 401);
    throw hubError('UNAUTHENTICATED', 'the token could not be verified', { reason: 'TOKEN_INVALID' }, 401);
  }
}

/**
 * Internal tokens are valid for two minutes; reuse one per distinct caller for
 * a minute, so a busy caller costs one signature a minute, not one a request.
 */
const cache = new LRUCache<string, string>({ max: 10_000, ttl: 60_000 });

export async function internalTokenFor(claims: Claims): Promise<string> {
  const key = `${claims.role}|${claims.sub ?? ''}|${claims.enterpriseId ?? ''}|${claims.prefecture ?? ''}|${claims.credentialId ?? ''}|${claims.creditCode ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const token = await signInternalToken(claims);
  cache.set(key, token);
  return token;
}

/**
 * A revoked or expired partner credential is found by the subgraphs (they hold the database),
 * so the gateway first sees it as their errors: answer such a request 401, like a bad token.
 */
export function credentialRevokedStatus<Ctx extends BaseContext>(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((e) => e.extensions?.reason === 'CREDENTIAL_REVOKED')) response.http.status = 401;
        },
      };
    },
  };
}
