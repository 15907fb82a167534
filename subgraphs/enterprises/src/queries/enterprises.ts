/**
 * The enterprises a caller may list (`enterprises`): an enterprise itself, a city centre or city
 * inspector its 市州, the province all, optionally of one 市州; a page after an id, and the count.
 */
import { type Db, enterprises, keysetPage } from '@hub/db';
import type { Reach } from '@hub/platform';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { EnterpriseRow } from '../loaders.ts';
import { countWhere } from './count.ts';

export function enterpriseList(db: Db, reach: Reach, prefecture: string | null | undefined) {
  const where: (SQL | undefined)[] = [
    prefecture ? eq(enterprises.prefectureCode, prefecture) : undefined,
    reach.kind === 'enterprise' ? eq(enterprises.id, reach.enterpriseId) : undefined,
    reach.kind === 'prefecture' ? eq(enterprises.prefectureCode, reach.prefecture) : undefined,
    reach.kind === 'none' ? sql`false` : undefined,
  ];
  return {
    page: (afterKey: string | undefined, limit: number): Promise<EnterpriseRow[]> =>
      keysetPage(db, enterprises, enterprises.id, { where, afterKey, limit }),
    count: () => countWhere(db, enterprises, where),
  };
}
