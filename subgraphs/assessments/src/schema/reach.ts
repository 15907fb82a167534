import { objectAccess } from '@hub/platform';
import type { Context } from '../builder.ts';

/**
 * 按对象授权: what a caller sees of each object of this subgraph, decided wherever the object is
 * reached (platform/src/object-access.ts). Each type's rule sits next to its definition; index.ts applies
 * them to the built schema.
 */
export const objects = objectAccess<Context>();
