/**
 * Diagnostic (prints, fits nothing): how often the right occupation is among the reranker's
 * candidates for held-out titles, by the level of the label, how deep in the first stage's order it
 * lies, how many labels no 职业 lies under (其他教学人员 2-08-99-00 …: no prediction can hit them),
 * and a sample of the misses with their labels.
 *
 *   pnpm --filter @hub/bench exec node --import tsx match-eval/pool.ts 2 [misses to print] [folds to run]
 */
import { rerankCandidates } from '@hub/occupations/rules';
import { confirmedFrom, fnv, foldOf, withMappings } from './cv.ts';
import { dev, dictionary, plainIndex, tree } from './data.ts';

const [k = 2, show = 40, runFolds = k] = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const name = new Map(dictionary.map((r) => [r.code, r.name]));
const occupations = dictionary.filter((r) => r.level === 4).map((r) => r.code);
const reachable = new Map<string, boolean>();
const plain = plainIndex();
const depths = [30, 50, 80, 120, 200, 400];
const within = new Map<number, number>();
const byLevel = new Map<number, { n: number; inPool: number }>();
let total = 0;
let inPool = 0;
let unreachable = 0;
let poolSize = 0;
const misses: { key: number; line: string }[] = [];
for (let fold = 0; fold < runFolds; fold++) {
  const test = dev.filter((r) => foldOf(r.title, k) === fold);
  const index = withMappings(
    plain,
    confirmedFrom(
      dev.filter((r) => foldOf(r.title, k) !== fold),
      plain,
      tree,
    ),
  );
  for (const r of test) {
    const label = r.labels[0] as string;
    const hit = (c: { occupationCode: string; workTypeCode: string | null }) =>
      r.labels.some((l) => tree.isUnder(c.workTypeCode ?? c.occupationCode, l));
    if (!reachable.has(label))
      reachable.set(
        label,
        occupations.some((c) => tree.isUnder(c, label)),
      );
    total++;
    if (!reachable.get(label)) unreachable++;
    const all = rerankCandidates(index, { title: r.title }, Number.MAX_SAFE_INTEGER);
    const pool = rerankCandidates(index, { title: r.title });
    poolSize += pool.length;
    const level = tree.levelOf(label) ?? 0;
    const l = byLevel.get(level) ?? { n: 0, inPool: 0 };
    l.n++;
    const at = all.findIndex(hit);
    for (const d of depths) if (at >= 0 && at < d) within.set(d, (within.get(d) ?? 0) + 1);
    if (pool.some(hit)) {
      inPool++;
      l.inPool++;
    } else {
      const top = pool.slice(0, 3).map((c) => name.get(c.occupationCode));
      misses.push({
        key: fnv(`${r.title}#`),
        line: `${r.title}\t${label} ${name.get(label)} (level ${level})\tfirst-stage place ${at < 0 ? 'none' : at + 1}\tcandidates: ${top.join('、')}`,
      });
    }
    byLevel.set(level, l);
  }
}
const f = (x: number) => x.toFixed(3);
console.log(
  `right occupation among the candidates: ${inPool}/${total} = ${f(inPool / total)} (mean ${f(poolSize / total)} candidates)`,
);
console.log(`labels no 职业 lies under: ${unreachable} = ${f(unreachable / total)}`);
for (const [level, l] of [...byLevel].sort((a, b) => a[0] - b[0])) {
  console.log(`label level ${level}: ${l.inPool}/${l.n} = ${f(l.inPool / l.n)}`);
}
for (const d of depths) console.log(`within the first stage's ${d}: ${f((within.get(d) ?? 0) / total)}`);
for (const m of misses.sort((a, b) => a.key - b.key).slice(0, show)) console.log(m.line);
