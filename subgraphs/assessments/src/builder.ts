import type { Db } from '@hub/db';
import { createHubBuilder, type HubContext } from '@hub/platform';
import type { Loaders } from './loaders.ts';
import { INPUT_BOUNDS } from './rules/input-bounds.ts';

export interface Context extends HubContext {
  db: Db;
  /** The public lookups' own pipelined connection (DbHandle.lookup); `db` when there is none. */
  lookupDb: Db;
  loaders: Loaders;
  /** 证书数据上报期限: calendar days after issue by which a certificate reaches the national query system. */
  nationalUploadDays: number;
}

export const { builder, Prefecture, UserError } = createHubBuilder<Context>({ inputBounds: INPUT_BOUNDS });
