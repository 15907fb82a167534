/**
 * Cross-validation over the development part of enterprise-roles.csv (never its held-out quarter):
 * which reranker serves a hub best, judged on roles no reranker of the comparison was fitted on.
 * Folds are cut by a hash of the title; for each fold a reranker is fitted as train.ts fits the
 * shipped ones (the posting titles and the other folds' roles, each three times) and the fold's roles
 * are matched with `scope: SKILL`, no mappings.
 *
 *   pnpm --filter @hub/bench exec node --import tsx match-eval/roles-cv.ts --train facts|imported [--folds 4] [--role-weight 3]
 *
 * `--train facts` fits on the dictionary's facts only and scores that reranker on both installs (the
 * default install's, and a hub with the import that kept the facts-only model); `--train imported`
 * fits on the full dictionary and scores it there. Prints top-1 / top-3 per install, pooled over folds.
 */
import { parseArgs } from 'node:util';
import { type MatchIndex, matchOccupations } from '@hub/occupations/rules';
import { FIRST_STAGE, fnv, type Labelled, RERANKER, trainReranker } from './cv.ts';
import { dev, plainIndex, tree } from './data.ts';
import { isHeldOut, labelsOf, loadRoles } from './roles.ts';

const { values: args } = parseArgs({
  options: {
    train: { type: 'string', default: 'facts' },
    folds: { type: 'string', default: '4' },
    'role-weight': { type: 'string', default: '3' },
  },
  strict: false,
});
const k = Number(args.folds);
const fitOnImported = args.train === 'imported';
/** How many times each role joins the posting titles (train.ts: 3). */
const ROLE_WEIGHT = Number(args['role-weight']);
const roles = loadRoles().filter((r) => !isHeldOut(r.title));
const foldOf = (title: string) => (fnv(title) >>> 3) % k;

const facts = plainIndex(true, undefined, FIRST_STAGE);
const full = plainIndex(false, facts.segment, FIRST_STAGE);
const trainOn = fitOnImported ? full : facts;
const installs: [string, MatchIndex][] = fitOnImported
  ? [['with the import, its own reranker', full]]
  : [
      ['default install (facts only)', facts],
      ['with the import, the facts-only reranker', full],
    ];
const hits = installs.map(() => ({ top1: 0, top3: 0, n: 0 }));
for (let fold = 0; fold < k; fold++) {
  const started = performance.now();
  const rest: Labelled[] = roles
    .filter((r) => foldOf(r.title) !== fold)
    .map((r) => ({ title: r.title, labels: labelsOf(r) }));
  const rows = [...dev, ...Array.from({ length: ROLE_WEIGHT }, () => rest).flat()];
  const reranker = trainReranker(trainOn, rows, tree, 5, RERANKER.kind, RERANKER.boost);
  installs.forEach(([, index], i) => {
    const scored = { ...index, reranker };
    const h = hits[i] as (typeof hits)[number];
    for (const r of roles.filter((x) => foldOf(x.title) === fold)) {
      const codes = matchOccupations(scored, { title: r.title, scope: 'SKILL' }, 3).map((m) => m.occupationCode);
      const labels = labelsOf(r);
      h.n++;
      if (labels.includes(codes[0] ?? '')) h.top1++;
      if (codes.some((c) => labels.includes(c))) h.top3++;
    }
  });
  console.log(`fold ${fold + 1}/${k} (${Math.round((performance.now() - started) / 1000)} s)`);
}
installs.forEach(([name], i) => {
  const h = hits[i] as (typeof hits)[number];
  console.log(
    `${name.padEnd(44)} n=${h.n}  top-1 ${(h.top1 / h.n).toFixed(3)}  top-3 ${(h.top3 / h.n).toFixed(3)}  (${k}-fold over the development part)`,
  );
});
