import { builder } from '../builder.ts';

/** Entities owned by other subgraphs that this one points to or extends, by key only. */

export const EnterpriseRef = builder.objectRef<{ id: string }>('Enterprise');

export const OccupationRef = builder.objectRef<{ code: string }>('Occupation').implement({
  description: '职业分类大典 occupation (owned by the occupations subgraph).',
  fields: (t) => ({
    code: t.field({ type: 'OccupationCode', description: '职业编码', resolve: (o) => o.code }),
  }),
});

builder.asEntity(OccupationRef, {
  key: builder.selection<{ code: string }>('code'),
  resolveReference: (ref) => ref,
});
