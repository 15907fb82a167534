import { builder } from '../builder.ts';

/**
 * Entities owned by other subgraphs that this one points to or extends, by key. Their `name` is
 * external: the owning subgraph resolves it, except on the public 证书查询, which provides it
 * (@provides) so that a verification is answered by this subgraph alone, one fetch instead of three.
 */

export const EnterpriseRef = builder.externalRef(
  'Enterprise',
  builder.selection<{ id: string }>('id'),
  (ref: { id: string }) => ref,
);

export const OccupationRef = builder
  .externalRef('Occupation', builder.selection<{ code: string }>('code'), (ref: { code: string }) => ref)
  .implement({
    description: '职业分类大典 occupation (owned by the occupations subgraph).',
    externalFields: (t) => ({
      name: t.string({ description: '名称 (resolved by the occupations subgraph; provided on 证书查询)' }),
    }),
    fields: (t) => ({
      code: t.field({ type: 'OccupationCode', description: '职业编码', resolve: (o) => o.code }),
    }),
  });
