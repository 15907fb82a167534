/**
 * `pnpm --filter @hub/bench mapping-updates`: what confirming mappings one after another costs the
 * matcher (issue #28, point 6). Prints figures, asserts nothing.
 *
 * The matcher is built as `pnpm start` builds it (the dictionary's facts; with --dictionary, the
 * import's definitions and tasks too), with the first `--initial` titles of
 * bench/match-eval/enterprise-roles.csv confirmed as mappings; then the next `--confirm` titles are
 * confirmed one at a time, each followed by a match of the title after it (a centre confirming a
 * proposal, then looking at the next one's candidates). Two ways, interleaved confirmation by
 * confirmation on two copies of the index, in the same process:
 *   - baseline: the mapping part built again from all confirmed mappings on each confirmation (what
 *     the matcher did before it was kept up to date in place);
 *   - in place: the one mapping added to the part (updateMappingIndex).
 * Both must give the same answers (checked on every match). Printed: per confirmation, the update and
 * the next match (median, 90th percentile, total), and the ratio of the totals.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { occupationReference, parseDictionary, workTypeReference } from '@hub/db';
import {
  buildMappingIndex,
  buildMatchIndex,
  type ConfirmedMapping,
  createSegmenter,
  type DictionaryNode,
  type MatchIndex,
  matchOccupations,
  updateMappingIndex,
} from '@hub/occupations/rules';
import { loadRoles } from '../match-eval/roles.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: opts } = parseArgs({
  options: {
    dictionary: { type: 'string' },
    initial: { type: 'string', default: '800' },
    confirm: { type: 'string', default: '200' },
  },
});
const initial = Number(opts.initial);
const confirmations = Number(opts.confirm);

const reference: DictionaryNode[] = occupationReference();
let nodes = reference;
if (opts.dictionary) {
  if (!existsSync(opts.dictionary)) throw new Error(`no ${opts.dictionary}`);
  const imported: DictionaryNode[] = parseDictionary(readFileSync(opts.dictionary, 'utf8')).rows;
  const inFile = new Set(imported.map((r) => r.code));
  nodes = [...imported, ...reference.filter((r) => !inFile.has(r.code))];
}
const roles = loadRoles(path.resolve(here, '../match-eval/enterprise-roles.csv'));
const mappings: ConfirmedMapping[] = roles.map((r) => ({
  roleName: r.title,
  occupationCode: r.code,
  workTypeCode: null,
}));
if (mappings.length < initial + confirmations + 1) throw new Error(`only ${mappings.length} roles`);

const workTypes = workTypeReference();
const segment = createSegmenter([...nodes.flatMap((n) => [n.name, ...n.aliases]), ...workTypes.map((t) => t.name)]);
let t0 = performance.now();
const dictionaryOnly = buildMatchIndex({ nodes, workTypes, segment });
const buildMs = performance.now() - t0;
const confirmed = mappings.slice(0, initial);
t0 = performance.now();
const baseline: MatchIndex = { ...dictionaryOnly, mappings: buildMappingIndex(dictionaryOnly, confirmed) };
const firstMappingsMs = performance.now() - t0;
const inPlace: MatchIndex = { ...dictionaryOnly, mappings: buildMappingIndex(dictionaryOnly, confirmed) };

const times = {
  baseUpdate: [] as number[],
  baseMatch: [] as number[],
  update: [] as number[],
  match: [] as number[],
  again: [] as number[],
};
let differ = 0;
for (let i = 0; i < confirmations; i++) {
  const m = mappings[initial + i] as ConfirmedMapping;
  const next = { title: (mappings[initial + i + 1] as ConfirmedMapping).roleName };
  confirmed.push(m);
  // Alternate which goes first, so that neither always meets a warm or a cold cache.
  const baselineRun = () => {
    let t = performance.now();
    baseline.mappings = buildMappingIndex(baseline, confirmed);
    times.baseUpdate.push(performance.now() - t);
    t = performance.now();
    const answer = matchOccupations(baseline, next, 5);
    times.baseMatch.push(performance.now() - t);
    return answer;
  };
  const inPlaceRun = () => {
    let t = performance.now();
    updateMappingIndex(inPlace, inPlace.mappings, [m]);
    times.update.push(performance.now() - t);
    t = performance.now();
    const answer = matchOccupations(inPlace, next, 5);
    times.match.push(performance.now() - t);
    t = performance.now();
    matchOccupations(inPlace, next, 5);
    times.again.push(performance.now() - t);
    return answer;
  };
  let a: unknown;
  let b: unknown;
  if (i % 2) {
    a = baselineRun();
    b = inPlaceRun();
  } else {
    b = inPlaceRun();
    a = baselineRun();
  }
  if (!isDeepStrictEqual(a, b)) differ++;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const at = (xs: number[], q: number) =>
  [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
const row = (label: string, xs: number[]) =>
  console.log(
    `  ${label.padEnd(44)} median ${at(xs, 0.5).toFixed(2).padStart(8)} ms  p90 ${at(xs, 0.9).toFixed(2).padStart(8)} ms  total ${(sum(xs) / 1000).toFixed(2).padStart(6)} s`,
  );
console.log(
  `mapping updates — ${opts.dictionary ? `full dictionary (${path.basename(opts.dictionary)})` : 'the dictionary’s facts (default install)'}; index built in ${buildMs.toFixed(0)} ms, its first ${initial} mappings in ${firstMappingsMs.toFixed(0)} ms; ${confirmations} confirmations, each followed by a match`,
);
row('baseline: mapping part rebuilt', times.baseUpdate);
row('baseline: the next match', times.baseMatch);
row('in place: the one mapping added', times.update);
row('in place: the next match', times.match);
row('in place: the same match again (nothing new)', times.again);
const base = sum(times.baseUpdate) + sum(times.baseMatch);
const now = sum(times.update) + sum(times.match);
console.log(
  `  confirmation + next match, total: baseline ${(base / 1000).toFixed(2)} s, in place ${(now / 1000).toFixed(2)} s — ${(base / now).toFixed(1)}× less time; answers differing: ${differ} of ${confirmations}`,
);
