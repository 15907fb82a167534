/**
 * Held-out means only (no whole-file figures, skilled trades or speed): quicker for trying a change.
 *
 *   pnpm --filter @hub/bench exec node --import tsx match-eval/heldout.ts 2 5 [--reranker linear|trees|residual (default: cv.ts RERANKER)] [--hits file.json]
 *
 * `--hits` writes each held-out title's top-1/top-3 hits (with mappings + reranker), per k, for
 * paired comparisons of two runs (`paired.ts`).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { crossValidate, foldOf, RERANKER, RERANKER_KINDS, type RerankerKind } from './cv.ts';
import { dev, plainIndex, tree } from './data.ts';

const { values, positionals } = parseArgs({
  options: { reranker: { type: 'string', default: RERANKER.kind }, hits: { type: 'string' } },
  allowPositionals: true,
});
const kind = values.reranker as RerankerKind;
if (!RERANKER_KINDS.includes(kind)) throw new Error(`--reranker: one of ${RERANKER_KINDS.join(', ')}`);
const index = plainIndex();
const hits: Record<string, Record<string, [boolean, boolean]>> = {};
for (const k of positionals.filter((a) => /^\d+$/.test(a)).map(Number)) {
  const t0 = performance.now();
  const folds = crossValidate(index, dev, tree, k, kind);
  const m = (pick: (f: (typeof folds)[number]) => number) => (folds.reduce((s, f) => s + pick(f), 0) / k).toFixed(3);
  console.log(
    `k=${k} (${kind}): plain ${m((f) => f.plain.top1)} / ${m((f) => f.plain.top3)}; first ${m((f) => f.firstStage.top1)} / ${m((f) => f.firstStage.top3)}; learned ${m((f) => f.learned.top1)} / ${m((f) => f.learned.top3)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
  const byTitle: Record<string, [boolean, boolean]> = {};
  for (const f of folds) {
    const test = dev.filter((r) => foldOf(r.title, k) === f.fold);
    test.forEach((r, i) => {
      byTitle[`${i}\t${r.title}`] = f.learned.hits[i] as [boolean, boolean];
    });
  }
  hits[k] = byTitle;
}
if (values.hits) writeFileSync(values.hits, JSON.stringify(hits));
