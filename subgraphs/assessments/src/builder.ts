import type { Db, ReadRoute } from '@hub/db';
import { createHubBuilder, type HubContext } from '@hub/platform';
import type { Loaders } from './loaders.ts';
import { INPUT_BOUNDS } from './rules/input-bounds.ts';

export interface Context extends HubContext {
  db: Db;
  /**
   * Where this request's routed reads go (读写分离): 证书查询 (`reads.lookup`, the public lookups' own
   * pipelined connection) and the statistics (`reads.reads`) on the read replica when one serves,
   * else on the primary.
   */
  reads: ReadRoute;
  loaders: Loaders;
  /** 证书数据上报期限: calendar days after issue by which a certificate reaches the national query system. */
  nationalUploadDays: number;
}

export const { builder, Prefecture, UserError } = createHubBuilder<Context>({ inputBounds: INPUT_BOUNDS });
