/**
 * Titles gained and lost between two `heldout.ts --hits` runs (the same folds, so the same titles):
 *
 *   node --import tsx match-eval/paired.ts before.json after.json
 */
import { readFileSync } from 'node:fs';

const [before, after] = process.argv.slice(2, 4).map((f) => JSON.parse(readFileSync(f, 'utf8')));
for (const k of Object.keys(before)) {
  const a = before[k] as Record<string, [boolean, boolean]>;
  const b = after[k] as Record<string, [boolean, boolean]>;
  const count = (i: 0 | 1) => {
    let gained = 0;
    let lost = 0;
    for (const [t, h] of Object.entries(a)) {
      const g = b[t]?.[i] ?? false;
      if (g && !h[i]) gained++;
      if (h[i] && !g) lost++;
    }
    return `gained ${gained} / lost ${lost}`;
  };
  console.log(`k=${k}: top-1 ${count(0)}; top-3 ${count(1)}`);
}
