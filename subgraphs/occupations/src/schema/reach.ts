import { objectAccess } from '@hub/platform';
import type { Context } from '../builder.ts';

/**
 * 按对象授权: what a caller sees of each object of this subgraph, decided wherever the object is
 * reached (platform/src/object-access.ts). Dictionary types are public and have no rule; an enterprise's
 * job-role mappings have one (mapping.ts). index.ts applies them to the built schema.
 */
export const objects = objectAccess<Context>();
