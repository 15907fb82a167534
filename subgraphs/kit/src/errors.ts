import { GraphQLError } from 'graphql';

/** Stable error codes clients can rely on (extensions.code). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR';

/**
 * A GraphQL error with a stable code. Resolver errors leave the HTTP status at
 * 200 (partial data is still data); only a refusal of the whole request, such
 * as a bad token, passes `httpStatus`.
 */
export function hubError(
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
  httpStatus?: number,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...extra, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
  });
}

/**
 * A refused change, for mutation payloads (`errors: [UserError]`): the rule's
 * stable code, words a clerk understands, and the input field at fault.
 */
export interface Refusal {
  code: string;
  message: string;
  field?: string | null;
}

export const refuse = (code: string, message: string, field?: string): Refusal => ({
  code,
  message,
  field: field ?? null,
});

/** The same shape under its GraphQL name (UserError). */
export type UserErrorShape = Refusal;
