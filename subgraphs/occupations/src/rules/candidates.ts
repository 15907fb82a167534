/** The reranker's candidates and their features, and the rules placed before its order (rules/match.ts). */
import { classify, posteriorFeatures } from './classifier.ts';
import { docCosines } from './doc-space.ts';
import { admitted, type Evidence, type MatchQuery, noEvidence, rank } from './evidence.ts';
import { upsert } from './maps.ts';
import type { Doc, MatchIndex } from './match-index.ts';
import { genericMask, queryKeys } from './phrases.ts';
import { cleanTitle, compact, dropNegated, normalizeText } from './text.ts';

/**
 * The equal-name and trade-suffix rules stand aside when a confirmed role name more similar than this
 * to the title exists (the reranker then weighs what reviewers decided for such titles).
 */
export const RULES_YIELD_TO_MAPPING = 0.5;

/** How many first-stage candidates the reranker reorders (candidates with confirmed mappings are always in). */
export const RERANK_DEPTH = 30;

/**
 * How many 职业 nearest the title by their whole text (rules/doc-space.ts) join the reranker's
 * candidates: the right occupation for some titles shares no name with them (chosen by inner CV on
 * the dev file among 10, 20 and 40; bench/match-eval, README "Occupations and matching").
 */
export const TEXT_NEIGHBOURS = 20;

export interface RankedCandidate {
  doc: number;
  occupationCode: string;
  workTypeCode: string | null;
  /** The values of RERANK_FEATURES. */
  features: number[];
}

function featuresOf(index: MatchIndex, doc: number, first: number, at: number, e: Evidence): number[] {
  const s = e.nameScore;
  return [
    first,
    e.name,
    s?.cosine ?? 0,
    s?.contained ?? 0,
    s?.atEnd ? 1 : 0,
    s?.equal ? 1 : 0,
    e.coverage,
    e.hierarchy,
    Math.min(1, e.text),
    e.mapping,
    e.mappingSim,
    e.vote,
    e.wideVote,
    Math.log1p(index.mappings.perDoc.get(doc) ?? 0),
    index.docs[doc]?.workTypeCode ? 1 : 0,
    1 / (1 + at),
    e.suffix,
    e.suffix > 0 ? 1 : 0,
    e.tradeSuffix ? 1 : 0,
  ];
}

/**
 * The reranker's candidates for a title with their features: the first stage's best `depth`, every
 * candidate with a confirmed mapping near the title, every one whose name the title ends with, and
 * the TEXT_NEIGHBOURS 职业 whose whole text is nearest the title (their evidence added to `ev`).
 */
export function rerankCandidates(
  index: MatchIndex,
  input: MatchQuery,
  depth = RERANK_DEPTH,
  ev = new Map<number, Evidence>(),
): RankedCandidate[] {
  const allow = admitted(index, input.scope);
  const scored = allow ? rank(index, input, ev).filter((s) => allow(s.doc)) : rank(index, input, ev);
  const out: RankedCandidate[] = [];
  const { core } = cleanTitle(input.title);
  const post = classify(index.mappings.classifier, index.segment, compact(core));
  // Hierarchy smoothing: a candidate's 小类 (code "X-XX-XX") scored by all its candidates.
  const classOf = (doc: number) => (index.docs[doc] as Doc).occupationCode.slice(0, 7);
  const classFirst = new Map<string, number>();
  const classVote = new Map<string, number>();
  let firstTotal = 0;
  const add = (doc: number, first: number, at: number, e: Evidence) => {
    const d = index.docs[doc] as Doc;
    out.push({
      doc,
      occupationCode: d.occupationCode,
      workTypeCode: d.workTypeCode,
      features: featuresOf(index, doc, first, at, e),
    });
  };
  const cosines = docCosines(index.mappings.space, dropNegated(normalizeText(input.title)));
  // The 职业 nearest by whole text (the space's documents, numbered as here: buildMatchIndex), with
  // their place in the first stage's order (−1: none) while they are not candidates already.
  const textNear = new Map(cosines.nearest(TEXT_NEIGHBOURS, allow).map((doc) => [doc, -1]));
  scored.forEach((s, i) => {
    const e = ev.get(s.doc) as Evidence;
    if (i >= depth && e.mappingSim <= 0 && e.wideVote <= 0 && e.suffix <= 0 && !e.namedWork) {
      if (textNear.has(s.doc)) textNear.set(s.doc, i);
      return;
    }
    textNear.delete(s.doc);
    const c = classOf(s.doc);
    classFirst.set(c, (classFirst.get(c) ?? 0) + s.score);
    classVote.set(c, (classVote.get(c) ?? 0) + e.wideVote);
    firstTotal += s.score;
    add(s.doc, s.score, i, e);
  });
  for (const [doc, at] of textNear) {
    const e = upsert(ev, doc, noEvidence);
    if (at < 0) add(doc, 0, scored.length, e);
    else add(doc, scored[at]?.score ?? 0, at, e);
  }
  const textBigram = textBigramShare(index, core);
  const charShare = charOverlap(index, compact(core));
  for (const c of out) {
    const k = classOf(c.doc);
    const cos = cosines(index.spaceDoc[c.doc] ?? -1);
    (ev.get(c.doc) as Evidence).textCosine = cos[0];
    c.features.push(firstTotal ? (classFirst.get(k) ?? 0) / firstTotal : 0, Math.min(1, classVote.get(k) ?? 0));
    c.features.push(...posteriorFeatures(post, c.occupationCode));
    c.features.push(textBigram(c.doc), charShare(c.doc));
    c.features.push(...cos);
  }
  return out;
}

/**
 * The share of a title's character bigrams (IDF-weighted over the definitions and tasks, generic words
 * lighter, the lexicon's terms in) that a candidate's definition and tasks contain.
 */
function textBigramShare(index: MatchIndex, core: string): (doc: number) => number {
  const bigrams = index.text.bigrams;
  if (!bigrams.size) return () => 0;
  const n = index.docs.length;
  const q: [number[], number][] = [];
  let total = 0;
  for (const k of queryKeys(index.segment, core, index.weights)) {
    if (!k.key.startsWith('b:') || k.key.length !== 4) continue;
    const docs = bigrams.get(k.key.slice(2)) ?? [];
    const weight = Math.log(1 + n / Math.max(1, docs.length)) * k.factor;
    q.push([docs, weight]);
    total += weight;
  }
  if (!total) return () => 0;
  return (doc) => {
    let s = 0;
    for (const [docs, weight] of q) if (hasSorted(docs, doc)) s += weight;
    return s / total;
  };
}

/** Whether the ascending `list` holds `x` (binary search). */
function hasSorted(list: readonly number[], x: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid] as number;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The share of a title's characters (IDF-weighted, generic words lighter) found in a candidate's names. */
function charOverlap(index: MatchIndex, c: string): (doc: number) => number {
  const chars = [...c];
  const mask = genericMask(c);
  const unknown = Math.log(1 + index.docs.length);
  const q = new Map<string, number>();
  chars.forEach((ch, i) => {
    if (!/\p{L}/u.test(ch)) return;
    const weight = (index.chars.idf.get(ch) ?? unknown) * (mask[i] ? index.weights.generic : 1);
    q.set(ch, Math.max(q.get(ch) ?? 0, weight));
  });
  let total = 0;
  for (const weight of q.values()) total += weight;
  if (!total) return () => 0;
  return (doc) => {
    const have = index.chars.ofDoc[doc];
    let s = 0;
    if (have) for (const [ch, weight] of q) if (have.has(ch)) s += weight;
    return s / total;
  };
}

/**
 * The rules before the learned order, per document of a title's evidence (`ev`, as rerankCandidates
 * fills it): 3 a name or alias equal to the title (the same role); 2 the 职业 or 工种 of the work the
 * title names outright (rules/lexicon.ts NAMED_WORK: 塔吊司机 → 起重装卸机械操作工); 1 a trade's name the title ends
 * with (…工: 高压电工 → 电工, its head noun; on the dev file two in three such titles carry that
 * trade's label, well above the matcher's hit rate); 0 none. All stand aside when a confirmed
 * role name is close to the title (similarity above RULES_YIELD_TO_MAPPING): with such mappings
 * loaded, the rules cost 1.3 points of held-out top-1 on the dev file. Then only a role name
 * confirmed for this very title (its cleaned text equal to the title's `core`) places its 职业 or
 * 工种 first (1); the learned order ranks the rest, and several such mappings among themselves.
 */
export function ruleRank(ev: ReadonlyMap<number, Evidence>, core?: string): (doc: number) => number {
  let nearMapping = 0;
  for (const e of ev.values()) nearMapping = Math.max(nearMapping, e.mappingSim);
  if (nearMapping > RULES_YIELD_TO_MAPPING) {
    // A role name confirmed for exactly this title is what reviewers decided for it: first. Each
    // mapping's role name is cleaned once here, not at every comparison of the sort.
    const sameRole = new Set<number>();
    if (core !== undefined) {
      for (const [doc, e] of ev) {
        const role = e.mappingEntry?.roleName;
        if (role !== undefined && cleanTitle(role).core === core) sameRole.add(doc);
      }
    }
    return (doc) => (sameRole.has(doc) ? 1 : 0);
  }
  return (doc) => {
    const e = ev.get(doc);
    return e?.equal ? 3 : e?.namedWork ? 2 : e?.tradeSuffix ? 1 : 0;
  };
}
