/**
 * Trains the matcher's reranker on the whole of job-titles-dev.csv (the only file it is tuned on)
 * and writes it to subgraphs/occupations/src/rules/reranker-model.ts (DEFAULT_RERANKER). Each
 * title's features come from mappings confirmed for the other titles (five folds by a hash of the
 * title). The figures in the README do not use this reranker: match-eval cross-validates, training a
 * reranker per fold on the other folds. Deterministic: the same files give the same model.
 *
 *   pnpm --filter @hub/bench exec node --import tsx match-eval/train.ts && pnpm exec biome format --write subgraphs/occupations/src/rules/reranker-model.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RERANK_FEATURES } from '@hub/occupations/rules';
import { RERANKER, trainReranker } from './cv.ts';
import { dev, plainIndex, tree } from './data.ts';

const r = trainReranker(plainIndex(), dev, tree, 5, RERANKER.kind, RERANKER.boost);
console.log(RERANK_FEATURES.map((f, i) => `${f} ${r.weights[i]}`).join(', '));
console.log(`bias ${r.bias}, ${r.trees?.length ?? 0} trees`);
const file = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../subgraphs/occupations/src/rules/reranker-model.ts',
);
const trees = r.trees ? `\n  trees: [\n${r.trees.map((t) => `    ${JSON.stringify(t)},`).join('\n')}\n  ],` : '';
const how =
  RERANKER.kind === 'linear'
    ? ' * a softmax over each title’s candidates,'
    : RERANKER.kind === 'residual'
      ? ` * a softmax over each title’s candidates (weights), then ${r.trees?.length} regression trees of depth ≤ ${RERANKER.boost.depth}\n * boosted on its residual under the same loss (trees),`
      : ` * ${r.trees?.length} regression trees of depth ≤ ${RERANKER.boost.depth} boosted under a softmax over each title’s candidates,`;
writeFileSync(
  file,
  `/**
 * The shipped reranker (DEFAULT_RERANKER), written by bench/match-eval/train.ts from job-titles-dev.csv
 * (the only file tuned on):
${how}
 * the bias fitted after. The figures the README reports come from cross-validation, where a fold's
 * reranker never saw the fold. Do not edit by hand: rerun train.ts.
 */
import type { Reranker } from './match.ts';

export const DEFAULT_RERANKER: Reranker = {
  weights: [${r.weights.join(', ')}],
  bias: ${r.bias},${trees}
};
`,
);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
