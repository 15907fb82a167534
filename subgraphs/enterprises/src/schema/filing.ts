import { builder } from '../builder.ts';
import type { FilingRow } from '../loaders.ts';
import { FilingKind, FilingStatus } from './enums.ts';

export const Filing = builder.objectRef<FilingRow>('Filing').implement({
  description: '备案申报: an enterprise’s application to evaluate skill levels itself.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Filing id.' }),
    kind: t.field({ type: FilingKind, description: '备案类型', resolve: (f) => f.kind }),
    status: t.field({
      type: FilingStatus,
      description: 'Where the filing stands in the workflow.',
      resolve: (f) => f.status,
    }),
    submittedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was (last) submitted for review.',
      resolve: (f) => f.submittedAt,
    }),
    confirmedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: '人社部备案确认 time: from then on the enterprise is in the catalog.',
      resolve: (f) => f.confirmedAt,
    }),
    serves: t.exposeString('serves', {
      nullable: true,
      description: 'For a 社会评价组织: the enterprises and schools it serves.',
    }),
  }),
});
