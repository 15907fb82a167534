/**
 * Trains the matcher's reranker on the whole of job-titles-dev.csv and the development part of
 * enterprise-roles.csv (the files it is tuned on; the roles' held-out quarter never) and writes it as
 * a JSON artefact, subgraphs/occupations/src/rules/reranker-model.json (with --imported,
 * reranker-model-imported.json), which the matcher reads at start (rules/reranker.ts): the features'
 * names, the weights, the trees (a node's feature is a place in `features`), the bias, and where it
 * came from — the trainer and its settings,
 * the files it was fitted on with their SHA-256 and row counts, the commit, the day. Each title's
 * features come from mappings confirmed for the other titles (five folds by a hash of the title). The
 * figures in RESULTS.md do not use this reranker: match-eval cross-validates, training a reranker per
 * fold on the other folds. Deterministic: the same files give the same weights and trees.
 *
 *   pnpm --filter @hub/bench exec node --import tsx match-eval/train.ts [--imported]   # formats it with biome
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  COMMON_TITLES_FILE,
  RERANK_FEATURES,
  RERANKER_FORMAT,
  type RerankerModel,
  rerankerFromModel,
  shippedCommonTitles,
} from '@hub/occupations/rules';
import { FIRST_STAGE, RERANKER, trainReranker } from './cv.ts';
import { dev, dictionary, opts, plainIndex, tree } from './data.ts';
import { isHeldOut, loadRoles, ROLE_WEIGHT, ROLES_FILE, trainingRows } from './roles.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const commit = (() => {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    // The models themselves do not count: the first of the two trainings rewrites its file before the second runs.
    const paths = [
      'subgraphs/occupations',
      'bench/match-eval',
      ':!subgraphs/occupations/src/rules/reranker-model*.json',
    ];
    const dirty = execFileSync('git', ['status', '--porcelain', '--', ...paths], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} (with uncommitted changes to the matcher or the trainer)` : head;
  } catch {
    return 'unknown';
  }
})();

// The shipped model plays no part in training (and may be stale): the index gets the first stage's order.
// The development part of enterprise-roles.csv (never its held-out quarter) joins the posting titles,
// each role ROLE_WEIGHT times (roles.ts).
const developmentRoles = loadRoles().filter((role) => !isHeldOut(role.title));
const rows = trainingRows(dev, developmentRoles);
// Two models, one per install: features over the dictionary's facts only (names, aliases, work
// types), what a hub without the import computes (reranker-model.json); with --imported, over the
// full dictionary, definitions and tasks included (reranker-model-imported.json). The matcher takes
// the one its dictionary matches (rules/match-index.ts, IMPORTED_SHARE).
const { values: args } = parseArgs({ options: { imported: { type: 'boolean', default: false } }, strict: false });
const imported = args.imported === true;
const r = trainReranker(plainIndex(!imported, undefined, FIRST_STAGE), rows, tree, 5, RERANKER.kind, RERANKER.boost);
console.log(RERANK_FEATURES.map((f, i) => `${f} ${r.weights[i]}`).join(', '));
console.log(`bias ${r.bias}, ${r.trees?.length ?? 0} trees`);

const how =
  RERANKER.kind === 'linear'
    ? 'a softmax over each title’s candidates (weights), the bias fitted after'
    : RERANKER.kind === 'residual'
      ? `a softmax over each title’s candidates (weights), then ${r.trees?.length} regression trees of depth ≤ ${RERANKER.boost.depth} boosted on its residual under the same loss (trees), the bias fitted after`
      : `${r.trees?.length} regression trees of depth ≤ ${RERANKER.boost.depth} boosted under a softmax over each title’s candidates, the bias fitted after`;
const model: RerankerModel = {
  format: RERANKER_FORMAT,
  description: `The matcher’s reranker for ${imported ? 'a dictionary with the import’s definitions and tasks' : 'the dictionary’s facts only (the default install)'} (subgraphs/occupations/src/rules/reranker.ts): ${how}. A candidate’s margin is bias + Σ weights·features + the trees’ leaves; its logistic is the score. Do not edit by hand: rerun bench/match-eval/train.ts${imported ? ' --imported' : ''}.`,
  kind: RERANKER.kind,
  features: [...RERANK_FEATURES],
  weights: [...r.weights],
  bias: r.bias,
  ...(r.trees ? { trees: [...r.trees] } : {}),
  training: {
    trainer: 'bench/match-eval/train.ts (cv.ts trainReranker: listwise softmax by Adam, gbdt.ts trees)',
    settings: { kind: RERANKER.kind, boost: RERANKER.boost, innerFolds: 5 },
    data: {
      file: path.basename(opts.dev),
      what: 'labelled job-posting titles (job_name, expected_code): the project’s development file, kept outside the repository (../shared/data/)',
      rows: dev.length,
      sha256: sha256(opts.dev),
    },
    roles: {
      file: 'bench/match-eval/enterprise-roles.csv',
      what: 'enterprise role titles labelled by hand (title, code, alternatives): its development part only, the held-out quarter (sha1(title)[0] % 4 == 0) left out',
      rows: developmentRoles.length,
      weight: ROLE_WEIGHT,
      sha256: sha256(ROLES_FILE),
    },
    everydayTitles: {
      file: 'subgraphs/occupations/src/rules/common-titles.csv',
      what: 'the everyday titles (岗位俗称) the index reads as names of their 职业: the features depend on them',
      rows: shippedCommonTitles().length,
      sha256: sha256(fileURLToPath(COMMON_TITLES_FILE)),
    },
    dictionary: {
      file: path.basename(opts.dictionary),
      what: imported
        ? '职业分类大典 (2022) with definitions and tasks: the features over the full dictionary, as a hub after the import has it'
        : '职业分类大典 (2022): its facts only (names, aliases, codes) for the features, as the default install has them',
      rows: dictionary.length,
      sha256: sha256(opts.dictionary),
    },
    commit,
    trainedOn: new Date().toISOString().slice(0, 10),
  },
};
rerankerFromModel(model, 'the trained model'); // the matcher can read what is written
const file = path.resolve(
  repoRoot,
  `subgraphs/occupations/src/rules/${imported ? 'reranker-model-imported.json' : 'reranker-model.json'}`,
);
writeFileSync(file, `${JSON.stringify(model, null, 2)}\n`);
// The repository's formatter lays it out (biome checks JSON too).
execFileSync(path.resolve(repoRoot, 'node_modules/.bin/biome'), ['format', '--write', file], { stdio: 'inherit' });
console.log(`wrote ${path.relative(process.cwd(), file)}`);
