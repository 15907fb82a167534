/** 证书查询 inputs as a verifier types them: defined once in the vocabulary, for the gateway too. */
export { normaliseHolderName, normaliseNumber } from '@hub/vocabulary';
