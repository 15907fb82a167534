/**
 * Trains the matcher's reranker on the whole of job-titles-dev.csv (the only file it is tuned on)
 * and prints it for DEFAULT_RERANKER in subgraphs/occupations/src/rules/match.ts. Each title's
 * features come from mappings confirmed for the other titles (five folds by a hash of the title).
 * The figures in the README do not use this reranker: match-eval cross-validates, training a
 * reranker per fold on the other folds.
 *
 *   pnpm --filter @hub/bench exec node --import tsx match-eval/train.ts
 */
import { RERANK_FEATURES } from '@hub/occupations/rules';
import { trainReranker } from './cv.ts';
import { dev, plainIndex, tree } from './data.ts';

const r = trainReranker(plainIndex(), dev, tree, 5);
console.log(RERANK_FEATURES.map((f, i) => `${f} ${r.weights[i]}`).join(', '));
console.log(`weights: [${r.weights.join(', ')}],\nbias: ${r.bias},`);
