/** The first stage of the matcher: each document's evidence for a title and their weighted sum (rules/match.ts). */
import { namedWorkIn, tradeTermsIn } from './lexicon.ts';
import { entryAt, type MappingEntry, roleIdf, scoreRoles } from './mapping-index.ts';
import { upsert } from './maps.ts';
import type { MatchIndex } from './match-index.ts';
import {
  GENERIC,
  type Phrase,
  type PhraseScore,
  phraseValue,
  query,
  queryKeys,
  roleSimilarity,
  scorePhrases,
} from './phrases.ts';
import { cleanTitle, compact, normalizeText } from './text.ts';

/**
 * Which occupations a match ranks: `SKILL` the 技能类职业 and their work types only (what filings
 * take: 湘人社发〔2024〕26号 附表备注1), `ALL` every 职业. The API's default is SKILL; here ALL.
 */
export type MatchScope = 'SKILL' | 'ALL';

export interface MatchQuery {
  title: string;
  description?: string | null;
  scope?: MatchScope;
}

/** The documents a scope admits (undefined: all). */
export const admitted = (index: MatchIndex, scope: MatchScope | undefined) =>
  scope === 'SKILL' ? (doc: number) => index.docs[doc]?.isSkill === true : undefined;

export interface Evidence {
  name: number;
  namePhrase?: Phrase;
  nameScore?: PhraseScore;
  coverage: number;
  hierarchy: number;
  hierarchyNode?: number;
  text: number;
  textWords: string[];
  mapping: number;
  /** Best similarity of a confirmed role name mapped to it, and its share of the neighbours' vote. */
  mappingSim: number;
  vote: number;
  /** Share of the vote of a wider neighbourhood (WIDE_NEIGHBOURS most similar confirmed role names). */
  wideVote: number;
  /** Share of the title's characters taken by a name, alias or work type the title ends with (its head noun). */
  suffix: number;
  /** Whether that name is a trade's (ends in 工: 焊工, 电工, 冲压工). */
  tradeSuffix: boolean;
  /** A name (or work type) equal to the work the title names outright (rules/lexicon.ts NAMED_WORK). */
  namedWork: boolean;
  /** A name or alias equal to the title's core. */
  equal: boolean;
  mappingEntry?: MappingEntry;
  /** The title's cosine with the 职业's whole text (set for the reranker's candidates). */
  textCosine?: number;
}

export const noEvidence = (): Evidence => ({
  name: 0,
  coverage: 0,
  hierarchy: 0,
  text: 0,
  textWords: [],
  mapping: 0,
  mappingSim: 0,
  vote: 0,
  wideVote: 0,
  suffix: 0,
  tradeSuffix: false,
  namedWork: false,
  equal: false,
});

/** The neighbourhood of the wide vote. */
const WIDE_NEIGHBOURS = 25;

/** Scores every document with evidence (collected into `ev`), best first. */
export function rank(
  index: MatchIndex,
  input: MatchQuery,
  ev: Map<number, Evidence>,
): { doc: number; score: number }[] {
  const { core, asides } = cleanTitle(input.title);
  const w = index.weights;
  const get = (doc: number): Evidence => upsert(ev, doc, noEvidence);

  const parts: [string, number][] = [[core, 1]];
  if (asides && asides !== core) parts.push([asides, w.asides]);
  let ancestorScores = new Map<number, PhraseScore>();
  const named = new Set(namedWorkIn(compact(core)));
  for (const [text, factor] of parts) {
    const keys = queryKeys(index.segment, text, w);
    const q = query(index, keys, text, index.names.idf);
    for (const [p, s] of scorePhrases(q, index.names)) {
      const ph = index.names.phrases[p] as Phrase;
      const e = get(ph.doc);
      const v = phraseValue(s, w) * factor;
      if (s.equal && factor === 1) e.equal = true;
      if (factor === 1 && named.has(ph.text)) e.namedWork = true;
      if (s.atEnd && factor === 1) {
        e.suffix = Math.max(e.suffix, [...ph.text].length / [...q.compact].length);
        if (ph.text.endsWith('工')) e.tradeSuffix = true;
      }
      if (v > e.name) {
        e.name = v;
        e.namePhrase = ph;
        e.nameScore = s;
      }
    }
    // Coverage: the share of the title all of a document's names explain together.
    if (q.mass) {
      const cover = new Map<number, number>();
      for (const k of q.keys) {
        if (k.f === undefined) continue;
        for (const doc of index.docPostings.get(k.f) ?? []) cover.set(doc, (cover.get(doc) ?? 0) + k.weight);
      }
      for (const [doc, c] of cover) {
        const e = get(doc);
        e.coverage = Math.max(e.coverage, (c / q.mass) * factor);
      }
    }
    if (factor === 1) {
      ancestorScores = scorePhrases(query(index, keys, text, index.ancestorIndex.idf), index.ancestorIndex);
    }
    const mq = query(index, keys, text, (f) => roleIdf(index, f));
    // The most similar confirmed role names vote for their codes (weighted by similarity²);
    // a candidate's lift is its best similarity, scaled by its share of the vote.
    const near: { e: MappingEntry; s: number }[] = [];
    for (const [p, ps] of scoreRoles(index, mq)) {
      const e = entryAt(index.mappings, p);
      // Several enterprises confirming the same mapping make it a little surer.
      const s = roleSimilarity(ps) * factor * Math.min(1, 0.9 + 0.05 * e.count);
      if (s > 0.05) near.push({ e, s });
    }
    // Ties go by the entries' keys, so that the order never depends on the order mappings came in.
    near.sort((a, b) => b.s - a.s || (a.e.key < b.e.key ? -1 : a.e.key > b.e.key ? 1 : 0));
    const top = near.slice(0, w.neighbours);
    let total = 0;
    for (const n of top) total += n.s * n.s * n.e.count;
    const votes = new Map<number, number>();
    for (const n of top) votes.set(n.e.doc, (votes.get(n.e.doc) ?? 0) + (n.s * n.s * n.e.count) / total);
    const wide = near.slice(0, WIDE_NEIGHBOURS);
    let wideTotal = 0;
    for (const n of wide) wideTotal += n.s * n.s * n.e.count;
    const wideVotes = new Map<number, number>();
    for (const n of wide) {
      const share = (n.s * n.s * n.e.count) / wideTotal;
      wideVotes.set(n.e.doc, (wideVotes.get(n.e.doc) ?? 0) + share);
    }
    for (const [doc, share] of wideVotes) {
      const e = get(doc);
      e.wideVote = Math.max(e.wideVote, share * factor);
    }
    for (const n of top) {
      const share = votes.get(n.e.doc) ?? 0;
      const v = n.s * (1 - w.vote + w.vote * share);
      const e = get(n.e.doc);
      e.mappingSim = Math.max(e.mappingSim, n.s);
      e.vote = Math.max(e.vote, share * factor);
      if (v > e.mapping) {
        e.mapping = v;
        e.mappingEntry = n.e;
      }
    }
  }

  if (index.text.loaded) {
    const words = new Map<number, [string, number]>();
    const addWords = (text: string, factor: number) => {
      for (const word of index.segment(text)) {
        if ([...word].length < 2) continue;
        const f = index.ids.get(`w:${word}`);
        if (f === undefined || !index.text.postings.has(f)) continue;
        const weight = index.text.idf(f) * factor * (GENERIC.has(word) ? w.generic : 1);
        if ((words.get(f)?.[1] ?? 0) < weight) words.set(f, [word, weight]);
      }
    };
    addWords(core, 1);
    for (const term of tradeTermsIn(compact(core))) addWords(term, w.lexicon);
    if (input.description) addWords(normalizeText(input.description), 0.5);
    let total = 0;
    for (const [, [, weight]] of words) total += weight;
    const floor = Math.log(1 + index.docs.length);
    for (const [f, [word, weight]] of words) {
      for (const doc of index.text.postings.get(f) ?? []) {
        const e = get(doc);
        e.text += weight / Math.max(total, floor);
        e.textWords.push(word);
      }
    }
  }

  // Hierarchy evidence: the best of a candidate's ancestors, for candidates with other evidence.
  if (ancestorScores.size) {
    const anc = new Map<number, number>();
    for (const [p, s] of ancestorScores) anc.set(index.ancestorIndex.phrases[p]?.doc as number, phraseValue(s, w));
    for (const [doc, e] of ev) {
      for (const a of index.docs[doc]?.ancestors ?? []) {
        const s = anc.get(a) ?? 0;
        if (s > e.hierarchy) {
          e.hierarchy = s;
          e.hierarchyNode = a;
        }
      }
    }
  }

  const dictionary = new Map<number, number>();
  for (const [doc, e] of ev) {
    dictionary.set(
      doc,
      Math.min(1, e.name + w.coverage * e.coverage + w.hierarchy * e.hierarchy + w.text * Math.min(1, e.text)),
    );
  }
  const scored: { doc: number; score: number }[] = [];
  for (const [doc, d] of dictionary) {
    const e = ev.get(doc) as Evidence;
    const score = 1 - (1 - d) * (1 - w.mapping * e.mapping);
    if (score > 0) scored.push({ doc, score });
  }
  scored.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return scored;
}
