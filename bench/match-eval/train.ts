/**
 * Trains the matcher's two rerankers on the whole of job-titles-dev.csv (the only file they are tuned
 * on), one per view of the dictionary (MatchView: full, facts only), and writes them to
 * subgraphs/occupations/src/rules/reranker-model.ts (DEFAULT_RERANKER, DEFAULT_FACTS_RERANKER). Each
 * title's features come from mappings confirmed for the other titles (five folds by a hash of the
 * title). The figures in the README do not use these rerankers: match-eval cross-validates, training them
 * per fold on the other folds. Deterministic: the same files give the same model.
 *
 *   pnpm --filter @hub/bench exec node --import tsx match-eval/train.ts && pnpm exec biome format --write subgraphs/occupations/src/rules/reranker-model.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RERANK_FEATURES, type Reranker } from '@hub/occupations/rules';
import { RERANKER, trainRerankers } from './cv.ts';
import { dev, plainIndex, tree } from './data.ts';

const { reranker, factsReranker } = trainRerankers(plainIndex(), dev, tree, 5, RERANKER.kind, RERANKER.boost);
for (const [view, r] of [
  ['full', reranker],
  ['facts', factsReranker],
] as const) {
  console.log(`${view}: ${RERANK_FEATURES.map((f, i) => `${f} ${r.weights[i]}`).join(', ')}`);
  console.log(`${view}: bias ${r.bias}, ${r.trees?.length ?? 0} trees`);
}
const file = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../subgraphs/occupations/src/rules/reranker-model.ts',
);
const literal = (r: Reranker) => {
  const trees = r.trees ? `\n  trees: [\n${r.trees.map((t) => `    ${JSON.stringify(t)},`).join('\n')}\n  ],` : '';
  return `{\n  weights: [${r.weights.join(', ')}],\n  bias: ${r.bias},${trees}\n}`;
};
const how =
  RERANKER.kind === 'linear'
    ? ' * a softmax over each title’s candidates,'
    : RERANKER.kind === 'residual'
      ? ` * a softmax over each title’s candidates (weights), then ${reranker.trees?.length} regression trees of depth ≤ ${RERANKER.boost.depth}\n * boosted on its residual under the same loss (trees),`
      : ` * ${reranker.trees?.length} regression trees of depth ≤ ${RERANKER.boost.depth} boosted under a softmax over each title’s candidates,`;
writeFileSync(
  file,
  `/**
 * The shipped rerankers, one per view of the dictionary (MatchView), written by
 * bench/match-eval/train.ts from job-titles-dev.csv (the only file tuned on), each on its own view's
 * candidate lists:
${how}
 * the bias fitted after. The figures the README reports come from cross-validation, where a fold's
 * rerankers never saw the fold. Do not edit by hand: rerun train.ts.
 */
import type { Reranker } from './match.ts';

/** The full view's: the dictionary with its definitions and tasks. */
export const DEFAULT_RERANKER: Reranker = ${literal(reranker)};

/** The facts view's: names, aliases and the tree only (also the one view of a hub without the import). */
export const DEFAULT_FACTS_RERANKER: Reranker = ${literal(factsReranker)};
`,
);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
