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
import { FIRST_STAGE, fnv, RERANKER, trainReranker } from './cv.ts';
import { dev, plainIndex, tree } from './data.ts';
import { isHeldOut, loadRoles, ROLE_WEIGHT, score, trainingRows } from './roles.ts';

const { values: args } = parseArgs({
  options: {
    train: { type: 'string', default: 'facts' },
    folds: { type: 'string', default: '4' },
    'role-weight': { type: 'string', default: String(ROLE_WEIGHT) },
  },
  strict: false,
});
const k = Number(args.folds);
const fitOnImported = args.train === 'imported';
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
/** Per install, each role's first three 职业, from the reranker fitted without its fold. */
const predicted = installs.map(() => new Map<string, string[]>());
for (let fold = 0; fold < k; fold++) {
  const started = performance.now();
  const rows = trainingRows(
    dev,
    roles.filter((r) => foldOf(r.title) !== fold),
    Number(args['role-weight']),
  );
  const reranker = trainReranker(trainOn, rows, tree, 5, RERANKER.kind, RERANKER.boost);
  installs.forEach(([, index], i) => {
    const scored = { ...index, reranker };
    for (const r of roles.filter((x) => foldOf(x.title) === fold)) {
      const codes = matchOccupations(scored, { title: r.title, scope: 'SKILL' }, 3).map((m) => m.occupationCode);
      predicted[i]?.set(r.title, codes);
    }
  });
  console.log(`fold ${fold + 1}/${k} (${Math.round((performance.now() - started) / 1000)} s)`);
}
installs.forEach(([name], i) => {
  const s = score(roles, (title) => predicted[i]?.get(title) ?? []);
  console.log(
    `${name.padEnd(44)} n=${s.n}  top-1 ${s.top1.toFixed(3)}  top-3 ${s.top3.toFixed(3)}  (${k}-fold over the development part)`,
  );
});
