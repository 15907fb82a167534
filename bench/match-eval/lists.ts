/**
 * Caches the reranker's candidate lists of a cross-validation run, so that reranker variants can be
 * compared on the same lists in seconds (fits nothing): per outer fold, the training folds'
 * cross-fitted lists (as trainReranker sees them) and the held-out fold's lists with the other
 * folds' mappings (as matchOccupations sees them: features, the rules' order, the codes).
 *
 *   pnpm --filter @hub/bench exec node --import tsx match-eval/lists.ts 2 5 --out /tmp/lists [--facts]
 *
 * --facts: over the dictionary's facts only (names and aliases; no definitions or tasks), the view a
 * hub without the import has (views.ts weighs the two views together).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serialize } from 'node:v8';
import { cleanTitle, type MatchIndex, RERANK_DEPTH, rerankCandidates, ruleRank } from '@hub/occupations/rules';
import { confirmedFrom, foldOf, innerFoldOf, type Labelled, type Tree, withMappings } from './cv.ts';
import { dev, plainIndex, tree } from './data.ts';

export interface CachedCandidate {
  x: number[];
  code: string;
  occupationCode: string;
  /** The rules' order: 2 an equal name, 1 a trade suffix, 0 none. */
  rule: number;
  hit: boolean;
}
export interface CachedList {
  title: string;
  /** Inner fold (training lists) or −1 (held-out lists). */
  inner: number;
  cands: CachedCandidate[];
}
export interface CachedFold {
  k: number;
  fold: number;
  train: CachedList[];
  test: CachedList[];
}

function listOf(index: MatchIndex, r: Labelled, t: Tree, inner: number): CachedList {
  const ev: Parameters<typeof rerankCandidates>[3] = new Map();
  const cands = rerankCandidates(index, { title: r.title }, RERANK_DEPTH, ev);
  const rule = ruleRank(ev, cleanTitle(r.title).core);
  return {
    title: r.title,
    inner,
    cands: cands.map((c) => {
      const code = c.workTypeCode ?? c.occupationCode;
      return {
        x: c.features,
        code,
        occupationCode: c.occupationCode,
        rule: rule(c.doc),
        hit: r.labels.some((l) => t.isUnder(code, l)),
      };
    }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string', default: '/tmp/lists' }, facts: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: false,
  });
  const out = values.out as string;
  mkdirSync(out, { recursive: true });
  const plain = plainIndex(values.facts === true);
  const m = 4;
  for (const k of positionals.filter((a) => /^\d+$/.test(a)).map(Number)) {
    for (let fold = 0; fold < k; fold++) {
      const t0 = performance.now();
      const test = dev.filter((r) => foldOf(r.title, k) === fold);
      const train = dev.filter((r) => foldOf(r.title, k) !== fold);
      const trainLists: CachedList[] = [];
      for (let j = 0; j < m; j++) {
        const inFold = train.filter((r) => innerFoldOf(r.title, m) === j);
        const rest = train.filter((r) => innerFoldOf(r.title, m) !== j);
        const idx = withMappings(plain, confirmedFrom(rest, plain, tree));
        for (const r of inFold) trainLists.push(listOf(idx, r, tree, j));
      }
      const idx = withMappings(plain, confirmedFrom(train, plain, tree));
      const testLists = test.map((r) => listOf(idx, r, tree, -1));
      const c: CachedFold = { k, fold, train: trainLists, test: testLists };
      writeFileSync(path.join(out, `k${k}-f${fold}.bin`), serialize(c));
      console.log(`k=${k} fold ${fold}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
  }
}
