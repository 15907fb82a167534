import { readFileSync } from 'node:fs';
import { workTypeReference } from '@hub/db';
import { describe, expect, it } from 'vitest';
import { buildMatchIndex, IMPORTED_SHARE } from '../src/rules/match-index.ts';
import {
  defaultReranker,
  RERANK_FEATURES,
  RERANKER_FORMAT,
  RERANKER_IMPORTED_MODEL_FILE,
  RERANKER_MODEL_FILE,
  type RerankerModel,
  rerankerFromModel,
  rerankerMargin,
} from '../src/rules/reranker.ts';
import { createSegmenter } from '../src/rules/segment.ts';
import { sampleDictionary } from './fixtures/dictionary.ts';

const shipped = JSON.parse(readFileSync(RERANKER_MODEL_FILE, 'utf8')) as RerankerModel;

describe('the reranker as a JSON artefact (rules/reranker-model.json)', () => {
  it('names its features, the matcher’s, and says where its training data came from', () => {
    expect(shipped.format).toBe(RERANKER_FORMAT);
    expect([...shipped.features].sort()).toEqual([...RERANK_FEATURES].sort());
    expect(shipped.weights).toHaveLength(shipped.features.length);
    const training = shipped.training as Record<string, any>;
    expect(training.trainer).toMatch(/bench\/match-eval\/train\.ts/);
    expect(training.data).toMatchObject({
      file: 'job-titles-dev.csv',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(training.dictionary.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(training.trainedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // No feature of meaning from word vectors: their data was GPL (issue #28).
    for (const f of shipped.features) expect(f).not.toMatch(/^vec/);
  });

  it('is read once per process, its weights in the matcher’s order', () => {
    const r = defaultReranker();
    expect(defaultReranker()).toBe(r);
    expect(r.weights).toHaveLength(RERANK_FEATURES.length);
    expect(r.weights[RERANK_FEATURES.indexOf('first')]).toBe(shipped.weights[shipped.features.indexOf('first')]);
  });

  it('reads a model whose features come in another order: weights and tree splits follow the names', () => {
    const names = [...RERANK_FEATURES].reverse();
    const model: RerankerModel = {
      format: RERANKER_FORMAT,
      features: names,
      weights: names.map((f) => (f === 'first' ? 2 : 0)),
      bias: -1,
      // Split on the model's feature 0 (the matcher's last, groupCosine).
      trees: [[0, 0.5, -1, 1]],
    };
    const r = rerankerFromModel(model);
    const x: number[] = RERANK_FEATURES.map((f) => (f === 'first' ? 1 : f === 'groupCosine' ? 0.9 : 0));
    expect(rerankerMargin(r, x)).toBeCloseTo(-1 + 2 + 1);
    x[RERANK_FEATURES.indexOf('groupCosine')] = 0.1;
    expect(rerankerMargin(r, x)).toBeCloseTo(-1 + 2 - 1);
  });

  it('refuses a model for other features, of another format, or with trees past its features', () => {
    const base: RerankerModel = { ...shipped, trees: [] };
    expect(() => rerankerFromModel({ ...base, format: 'other' })).toThrow(/not a hub-reranker\/1 file/);
    expect(() =>
      rerankerFromModel({ ...base, features: [...base.features, 'vecCentroid'], weights: [...base.weights, 1] }),
    ).toThrow(/does not compute vecCentroid/);
    expect(() =>
      rerankerFromModel({ ...base, features: base.features.slice(1), weights: base.weights.slice(1) }),
    ).toThrow(/no weight for/);
    expect(() => rerankerFromModel({ ...base, weights: base.weights.slice(1) })).toThrow(/as many weights/);
    expect(() => rerankerFromModel({ ...base, trees: [[99, 0, 0, 0]] })).toThrow(/beyond/);
  });

  it('ships a second model for a dictionary with the import, and each install takes its own', () => {
    const imported = JSON.parse(readFileSync(RERANKER_IMPORTED_MODEL_FILE, 'utf8')) as RerankerModel;
    expect([...imported.features].sort()).toEqual([...RERANK_FEATURES].sort());
    const training = imported.training as Record<string, any>;
    expect(training.dictionary.what).toMatch(/definitions and tasks/);
    expect((shipped.training as Record<string, any>).dictionary.what).toMatch(/facts only/);
    expect(imported.weights).not.toEqual(shipped.weights);
    // The tests' dictionary: shipped facts, a definition for 15 of 1,600-odd 职业 → the facts model;
    // the same with a text on every 职业 (as after the import) → the imported model.
    const nodes = sampleDictionary();
    const build = (ns: typeof nodes) =>
      buildMatchIndex({
        nodes: ns,
        workTypes: workTypeReference(),
        segment: createSegmenter(ns.flatMap((n) => [n.name, ...n.aliases])),
      });
    expect(build(nodes).reranker).toBe(defaultReranker('facts'));
    const described = nodes.map((n) =>
      n.level === 4 ? { ...n, definition: n.definition ?? `从事${n.name}工作的人员` } : n,
    );
    expect(IMPORTED_SHARE).toBeLessThan(1);
    expect(build(described).reranker).toBe(defaultReranker('imported'));
  }, 120_000);
});
