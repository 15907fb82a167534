/** Held-out means only (no whole-file figures, skilled trades or speed): quicker for trying a change. `pnpm --filter @hub/bench exec node --import tsx match-eval/heldout.ts 2 5` */
import { crossValidate } from './cv.ts';
import { dev, plainIndex, tree } from './data.ts';

const index = plainIndex();
for (const k of process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number)) {
  const t0 = performance.now();
  const folds = crossValidate(index, dev, tree, k);
  const m = (pick: (f: (typeof folds)[number]) => number) => (folds.reduce((s, f) => s + pick(f), 0) / k).toFixed(3);
  console.log(
    `k=${k}: plain ${m((f) => f.plain.top1)} / ${m((f) => f.plain.top3)}; first ${m((f) => f.firstStage.top1)} / ${m((f) => f.firstStage.top3)}; learned ${m((f) => f.learned.top1)} / ${m((f) => f.learned.top3)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
}
