import { builder } from '../builder.ts';
import type { OccupationRow, WorkTypeRow } from '../loaders.ts';

/** This subgraph's own object types, declared before they are implemented (they point at each other). */
export const Occupation = builder.objectRef<OccupationRow>('Occupation');
export const WorkType = builder.objectRef<WorkTypeRow>('WorkType');

/** Entities owned by other subgraphs that this one extends, by key only. */
export const EnterpriseRef = builder.objectRef<{ id: string }>('Enterprise');
