/**
 * Regression trees over the reranker's features (RERANK_FEATURES), as the shipped reranker holds
 * them: a node is either a leaf value or `[feature, threshold, left, right]`, where a candidate goes
 * left when its feature value is at most the threshold. An ensemble's score is the sum of its trees'
 * leaves. The trees are learned by gradient boosting in bench/match-eval/gbdt.ts.
 */
export type TreeNode = number | readonly [feature: number, threshold: number, left: TreeNode, right: TreeNode];

/** The leaf of `tree` that the feature values `x` reach. */
export function treeValue(tree: TreeNode, x: readonly number[]): number {
  let node = tree;
  while (typeof node !== 'number') node = (x[node[0]] ?? 0) <= node[1] ? node[2] : node[3];
  return node;
}

/** The sum of the trees' values for `x`. */
export function ensembleValue(trees: readonly TreeNode[], x: readonly number[]): number {
  let s = 0;
  for (const t of trees) s += treeValue(t, x);
  return s;
}
