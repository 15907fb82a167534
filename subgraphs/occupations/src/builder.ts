import type { Db } from '@hub/db';
import { createHubBuilder, type HubContext } from '@hub/platform';
import type { Loaders } from './loaders.ts';
import type { MatchService } from './matching.ts';
import { INPUT_BOUNDS } from './rules/input-bounds.ts';

export interface Context extends HubContext {
  db: Db;
  loaders: Loaders;
  /** The process's matcher index (shared by requests, kept in step with the database). */
  matcher: MatchService;
}

export const { builder, Prefecture, UserError } = createHubBuilder<Context>({ inputBounds: INPUT_BOUNDS });
