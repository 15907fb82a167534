/**
 * Stands in for `@apollo/utils.createhash` in the bundled gateway (build.ts). That package picks
 * Node's crypto through `module.require`, which an esbuild bundle does not have, and so falls back
 * to a JavaScript SHA-256 (sha.js) for every request's query hash. Same API, Node's crypto.
 */
import { createHash as nodeCreateHash } from 'node:crypto';

export const createHash = (kind: string) => nodeCreateHash(kind);
