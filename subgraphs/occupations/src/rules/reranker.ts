/**
 * The matcher's reranker: the names of the features it weighs (RERANK_FEATURES, computed by
 * rules/match.ts), the model over them, and the shipped model — a JSON artefact,
 * rules/reranker-model.json, written by bench/match-eval/train.ts with its features' names and the
 * provenance of its training data, read once per process (defaultReranker).
 */
import { readFileSync } from 'node:fs';
import { ensembleValue, type TreeNode } from './trees.ts';

/**
 * The evidence the reranker weighs, per candidate, in this order: the first-stage score, the
 * name evidence (its value, IDF cosine, the share of the title a contained name explains, a name
 * at the title's end, an equal name), coverage, hierarchy, definition/task text, the confirmed
 * mappings (lift, best similarity of a mapped role name, share of the near and of the wide
 * neighbourhood's vote), the prior
 * (log of 1 + the confirmed mappings to the candidate: how often enterprises map there),
 * whether the candidate is a work type, 1 / (1 + its place in the first stage's order), and the
 * head noun (the share of the title taken by a name of the candidate the title ends with, and whether
 * there is one, and whether it is a trade's name ending in 工: 高压电工 ends with 电工), and hierarchy smoothing: the share of the first-stage score
 * and of the wide vote that falls on the candidate's 小类 (all its candidates together), and the
 * classifier learned from the confirmed mappings: for the candidate's 中类, 小类 and 职业, the log
 * posterior per title feature (floored) and the posterior; two softer readings of the dictionary:
 * the share of the title's character bigrams (IDF-weighted) its definition and tasks contain, and the
 * share of the title's characters (IDF-weighted, generic words lighter) its names contain; the title's
 * TF-IDF cosine with the 职业's whole text and its 小类's and 中类's (rules/doc-space.ts).
 */
export const RERANK_FEATURES = [
  'first',
  'name',
  'cosine',
  'contained',
  'atEnd',
  'equal',
  'coverage',
  'hierarchy',
  'text',
  'mapping',
  'mappingSim',
  'vote',
  'wideVote',
  'prior',
  'workType',
  'firstRank',
  'suffix',
  'suffixAny',
  'tradeSuffix',
  'classFirst',
  'classVote',
  'nbGroupLog',
  'nbGroup',
  'nbClassLog',
  'nbClass',
  'nbOccupationLog',
  'nbOccupation',
  'textBigram',
  'charShare',
  'docCosine',
  'classCosine',
  'groupCosine',
] as const;

/**
 * The reranker: a candidate's margin is `bias` plus the weighted sum of its features (`weights`, one
 * per RERANK_FEATURES entry) plus the values of the regression `trees` (rules/trees.ts), if any; the
 * margin orders the candidates, and the score a caller sees is its logistic (the chance the candidate
 * is right).
 */
export interface Reranker {
  weights: readonly number[];
  bias: number;
  trees?: readonly TreeNode[];
}

/** A candidate's margin under reranker `r` (its logistic is the score). */
export function rerankerMargin(r: Reranker, x: readonly number[]): number {
  let z = r.bias;
  x.forEach((v, i) => {
    z += v * (r.weights[i] ?? 0);
  });
  return r.trees ? z + ensembleValue(r.trees, x) : z;
}

/** The reranker as a JSON artefact (rules/reranker-model.json). */
export interface RerankerModel {
  /** The file's format: `hub-reranker/1`. */
  format: string;
  /** What the model is, in words. */
  description?: string;
  /** `linear` (softmax over a title's candidates), `trees`, or `residual` (trees boosted on the linear model's residual). */
  kind?: string;
  /** The features' names, in the order of `weights`; a tree node's feature is a place in this list. */
  features: string[];
  weights: number[];
  bias: number;
  trees?: TreeNode[];
  /** Where it came from: the trainer, its settings, the files it was fitted on (with their SHA-256), when. */
  training?: Record<string, unknown>;
}

export const RERANKER_FORMAT = 'hub-reranker/1';

/**
 * The reranker of a model, its weights and trees in the order of RERANK_FEATURES. Refuses (throws) a
 * model of another format, one that names a feature the matcher does not compute or leaves one
 * out, or whose trees point past its features: a model trained for other features must be retrained,
 * not read with its weights on the wrong features.
 */
export function rerankerFromModel(model: RerankerModel, source = 'the reranker model'): Reranker {
  const fail = (why: string): never => {
    throw new Error(`${source}: ${why} (retrain it: bench/match-eval/README.md)`);
  };
  if (model?.format !== RERANKER_FORMAT) fail(`not a ${RERANKER_FORMAT} file`);
  const names = model.features;
  if (!Array.isArray(names) || !Array.isArray(model.weights) || names.length !== model.weights.length) {
    fail('it needs as many weights as features');
  }
  const known = new Map<string, number>(RERANK_FEATURES.map((f, i) => [f, i]));
  const unknown = names.filter((f) => !known.has(f));
  if (unknown.length) fail(`the matcher does not compute ${unknown.join(', ')}`);
  const missing = RERANK_FEATURES.filter((f) => !names.includes(f));
  if (missing.length) fail(`it has no weight for ${missing.join(', ')}`);
  if (new Set(names).size !== names.length) fail('a feature is named twice');
  if (typeof model.bias !== 'number' || !model.weights.every((w) => typeof w === 'number')) fail('not numbers');
  const at = names.map((f) => known.get(f) as number);
  const weights = RERANK_FEATURES.map(() => 0);
  model.weights.forEach((w, i) => {
    weights[at[i] as number] = w;
  });
  const remap = (node: TreeNode): TreeNode => {
    if (typeof node === 'number') return node;
    const [feature, threshold, left, right] = node;
    const to = at[feature];
    if (to === undefined) fail(`a tree splits on feature ${feature}, beyond its ${names.length}`);
    return [to as number, threshold, remap(left), remap(right)];
  };
  const trees = model.trees?.length ? model.trees.map(remap) : undefined;
  return trees ? { weights, bias: model.bias, trees } : { weights, bias: model.bias };
}

/** The model of `file` (JSON), as a reranker. */
export function loadReranker(file: URL | string): Reranker {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`the reranker model ${String(file)} cannot be read (${(e as NodeJS.ErrnoException).code})`);
  }
  return rerankerFromModel(JSON.parse(text) as RerankerModel, String(file));
}

/** The shipped models' files: fitted on features over the facts only, and over the imported texts. */
export const RERANKER_MODEL_FILE = new URL('./reranker-model.json', import.meta.url);
export const RERANKER_IMPORTED_MODEL_FILE = new URL('./reranker-model-imported.json', import.meta.url);

/**
 * Which shipped model a dictionary takes: `imported` once most 职业 carry the import's definition or
 * tasks (the text features then mean what they meant in training), else `facts` (the default install).
 */
export type RerankerVariant = 'facts' | 'imported';

const shipped = new Map<RerankerVariant, Reranker>();
/**
 * A shipped reranker (rules/reranker-model.json or reranker-model-imported.json, written by
 * bench/match-eval/train.ts), read once per process; the subgraph reads both at start (server.ts), so a
 * missing or unreadable model stops the start rather than the first match. The trainer never needs them.
 */
export function defaultReranker(variant: RerankerVariant = 'facts'): Reranker {
  let r = shipped.get(variant);
  if (!r) {
    r = loadReranker(variant === 'imported' ? RERANKER_IMPORTED_MODEL_FILE : RERANKER_MODEL_FILE);
    shipped.set(variant, r);
  }
  return r;
}
