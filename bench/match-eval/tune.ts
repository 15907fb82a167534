/**
 * Coordinate search of the matcher's weights on job-titles-dev.csv (the only file it is tuned on).
 * Objective: mean held-out top-1 + top-3 with confirmed mappings from the other half, plus the plain
 * top-1 + top-3 on the whole file at half weight. Prints the best weights; they go into DEFAULT_WEIGHTS by hand.
 *
 *   pnpm --filter @hub/bench exec node --import tsx match-eval/tune.ts [rounds]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDictionary, workTypeReference } from '@hub/db';
import {
  buildMappingIndex,
  buildMatchIndex,
  type ConfirmedMapping,
  createSegmenter,
  DEFAULT_WEIGHTS,
  type MatchIndex,
  type MatchWeights,
  matchOccupations,
} from '@hub/occupations/rules';
import { parse } from 'csv-parse/sync';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../../shared/data');
const dictionary = parseDictionary(readFileSync(path.join(shared, 'csco22.csv'), 'utf8')).rows;
const workTypes = workTypeReference();
const parentOf = new Map<string, string | null>(dictionary.map((r) => [r.code, r.parentCode]));
for (const w of workTypes) parentOf.set(w.code, w.occupationCode);
const levelOf = new Map(dictionary.map((r) => [r.code, r.level]));
const isUnder = (code: string, label: string) => {
  for (let c: string | null | undefined = code; c; c = parentOf.get(c)) if (c === label) return true;
  return false;
};
const dev = (
  parse(readFileSync(path.join(shared, 'job-titles-dev.csv'), 'utf8'), { columns: true, bom: true }) as Record<
    string,
    string
  >[]
).map((r) => ({ title: r.job_name ?? '', label: r.expected_code ?? '' }));
const fnv = (s: string) => {
  let h = 0x811c9dc5;
  for (const ch of s) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h;
};
const halves = [dev.filter((r) => fnv(r.title) % 2 === 0), dev.filter((r) => fnv(r.title) % 2 === 1)];
const segment = createSegmenter(dictionary.flatMap((r) => [r.name, ...r.aliases]));

const targets = new Map<string, ConfirmedMapping[]>();
function mappingsOf(half: number, idx: MatchIndex): ConfirmedMapping[] {
  const key = String(half);
  const have = targets.get(key);
  if (have) return have;
  const out: ConfirmedMapping[] = [];
  for (const r of halves[half] ?? []) {
    if (levelOf.get(r.label) === 4) {
      out.push({ roleName: r.title, occupationCode: r.label, workTypeCode: null });
      continue;
    }
    const pick = matchOccupations(idx, { title: r.title }, 50).find((m) =>
      isUnder(m.workTypeCode ?? m.occupationCode, r.label),
    );
    if (pick) out.push({ roleName: r.title, occupationCode: pick.occupationCode, workTypeCode: pick.workTypeCode });
  }
  targets.set(key, out);
  return out;
}

function acc(idx: MatchIndex, rows: { title: string; label: string }[]) {
  let t1 = 0;
  let t3 = 0;
  for (const r of rows) {
    const m = matchOccupations(idx, { title: r.title }, 3).map((x) => x.workTypeCode ?? x.occupationCode);
    if (m[0] && isUnder(m[0], r.label)) t1++;
    if (m.some((c) => isUnder(c, r.label))) t3++;
  }
  return [t1 / rows.length, t3 / rows.length] as const;
}

function evaluate(w: MatchWeights) {
  const idx = buildMatchIndex({ nodes: dictionary, workTypes, segment, weights: w });
  const plain = acc(idx, dev);
  const held = [0, 1].map((train) =>
    acc({ ...idx, mappings: buildMappingIndex(idx, mappingsOf(train, idx)) }, halves[1 - train] ?? []),
  );
  const h1 = ((held[0]?.[0] ?? 0) + (held[1]?.[0] ?? 0)) / 2;
  const h3 = ((held[0]?.[1] ?? 0) + (held[1]?.[1] ?? 0)) / 2;
  return { plain, h1, h3, objective: h1 + h3 + 0.5 * (plain[0] + plain[1]) };
}

const rounds = Number(process.argv[2] ?? 2);
let best = { ...DEFAULT_WEIGHTS };
let bestScore = evaluate(best);
const show = (r: ReturnType<typeof evaluate>) =>
  `plain ${r.plain[0].toFixed(3)}/${r.plain[1].toFixed(3)} held-out ${r.h1.toFixed(3)}/${r.h3.toFixed(3)} obj ${r.objective.toFixed(4)}`;
console.log('start', show(bestScore));
const keys = (process.argv[3]?.split(',') ?? Object.keys(best)) as (keyof MatchWeights)[];
for (let round = 0; round < rounds; round++) {
  for (const k of keys) {
    for (const f of [0.5, 0.75, 1.33, 2]) {
      const v = k === 'neighbours' ? Math.max(1, Math.round(best[k] * f)) : best[k] * f;
      if (v === best[k]) continue;
      const trial = { ...best, [k]: v };
      const r = evaluate(trial);
      if (r.objective > bestScore.objective + 1e-4) {
        best = trial;
        bestScore = r;
        console.log(`${k} = ${v.toFixed(3)}`, show(r));
      }
    }
  }
}
console.log(JSON.stringify(best));
