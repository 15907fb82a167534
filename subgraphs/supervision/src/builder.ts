import type { Db } from '@hub/db';
import { createHubBuilder, type HubContext } from '@hub/platform';
import type { Loaders } from './loaders.ts';
import { INPUT_BOUNDS } from './rules/input-bounds.ts';

export interface Context extends HubContext {
  db: Db;
  loaders: Loaders;
  /** 投诉办理期限 in calendar days from receipt (rules/complaint.ts DEFAULT_COMPLAINT_HANDLING_DAYS). */
  complaintHandlingDays: number;
  /** 证书上报全国证书查询系统的期限 in calendar days after issue (HUB_NATIONAL_UPLOAD_DAYS). */
  nationalUploadDays: number;
}

export const { builder, Prefecture, UserError } = createHubBuilder<Context>({ inputBounds: INPUT_BOUNDS });

builder.mutationType({ description: 'Everything the hub can be asked to change.' });
