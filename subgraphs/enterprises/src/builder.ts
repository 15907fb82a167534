import type { Db } from '@hub/db';
import { createHubBuilder, type HubContext } from '@hub/platform';
import type { Loaders } from './loaders.ts';
import { INPUT_BOUNDS } from './rules/input-bounds.ts';

export interface Context extends HubContext {
  db: Db;
  loaders: Loaders;
  /** Days a revoked enterprise waits, from the revocation day, before it may file again (0: none). */
  refileWaitingDays: number;
}

export const { builder, Prefecture, UserError } = createHubBuilder<Context>({ inputBounds: INPUT_BOUNDS });

builder.mutationType({ description: 'Everything the hub can be asked to change.' });
