import { GraphQLError, type GraphQLSchema, getVariableValues, type VariableDefinitionNode } from 'graphql';

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

/**
 * Why `variables` do not fit an operation's variable definitions, as graphql-js coerces them: the
 * refusal Apollo Server would give (BAD_USER_INPUT, HTTP 400, the first reason), or undefined when
 * they fit. One check for the gateway's limits, the subgraphs' executor, both fast paths and the audit.
 */
export function variablesRefusal(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[] | undefined,
  variables: Record<string, unknown>,
): GraphQLError | undefined {
  if (!definitions?.length) return undefined;
  const { errors } = getVariableValues(schema, definitions, variables, { maxErrors: 5 });
  if (!errors) return undefined;
  return new GraphQLError(errors[0]?.message ?? 'a variable has the wrong type', {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}
