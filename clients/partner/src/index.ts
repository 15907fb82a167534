export { createPartnerClient, HubError, HubRefusal, type PartnerClient, type PartnerClientOptions } from './client.ts';
export { graphql, type ResultOf, type VariablesOf } from './graphql.ts';
export * as operations from './operations.ts';
export { SIGNATURE_HEADER, type VerifyOptions, verifyWebhookSignature } from './webhook-signature.ts';
