import type { Refusal } from '@hub/platform';
import type { DispatchRow } from '../loaders.ts';

/** What the dispatch commands answer: the dispatches made or changed, or why nothing changed. */
export type DispatchOutcome = Promise<{ dispatches?: DispatchRow[]; errors: Refusal[] }>;
