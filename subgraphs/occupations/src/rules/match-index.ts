/** The matcher's index: the dictionary's 职业 and work types as phrase vectors, and the confirmed mappings' part (rules/match.ts). */
import { type CommonTitle, shippedCommonTitles } from './common-titles.ts';
import { type DocSpaceInput, type DocTexts, readDocTexts } from './doc-space.ts';
import { buildMappingIndex, type MappingIndex } from './mapping-index.ts';
import { idOf, upsert } from './maps.ts';
import { type Item, type Phrase, type PhraseIndex, phraseIndex, phraseKeys } from './phrases.ts';
import { defaultReranker, type Reranker } from './reranker.ts';
import type { Segmenter } from './segment.ts';
import { skillByMajorGroup } from './skill.ts';
import { aliasPhrases, charBigrams, compact, normalizeText } from './text.ts';

export interface DictionaryNode {
  code: string;
  name: string;
  /** 1 大类, 2 中类, 3 小类, 4 职业 */
  level: number;
  parentCode: string | null;
  aliases: readonly string[];
  definition?: string | null;
  tasks?: string | null;
  /** 技能类职业 (rules/skill.ts); when absent, the mark of its 大类 (3–6 skill). */
  isSkill?: boolean;
}

export interface WorkTypeEntry {
  code: string;
  occupationCode: string;
  name: string;
}

/** A reviewer-confirmed mapping of an enterprise's job role to an occupation or work type. */
export interface ConfirmedMapping {
  roleName: string;
  occupationCode: string;
  workTypeCode: string | null;
}

/**
 * The weights of the first stage. DEFAULT_WEIGHTS are round, untuned values (a coordinate search
 * on the dev file gained nothing measurable over them once the reranker weighs the evidence, so
 * they are kept plain: nothing here was fitted to the evaluation data).
 */
export interface MatchWeights {
  /** Feature weights: words, bigrams, the head, lexicon terms, and the factor of a generic word. */
  word: number;
  bigram: number;
  head: number;
  lexicon: number;
  generic: number;
  /** Evidence weights of the dictionary score. */
  cosine: number;
  contained: number;
  containedAtEnd: number;
  equal: number;
  coverage: number;
  hierarchy: number;
  text: number;
  /** Weight of the bracketed asides of a title relative to its core. */
  asides: number;
  /** How far a close confirmed mapping lifts a candidate (0..1). */
  mapping: number;
  /** Neighbours (most similar confirmed role names) that vote, and the share of the lift that depends on the vote. */
  neighbours: number;
  vote: number;
}

export const DEFAULT_WEIGHTS: MatchWeights = {
  word: 1,
  bigram: 1,
  head: 0.5,
  lexicon: 1,
  generic: 0.25,
  cosine: 0.25,
  contained: 0.05,
  containedAtEnd: 0.05,
  equal: 0.05,
  coverage: 0.25,
  hierarchy: 0.25,
  text: 0.25,
  asides: 0.5,
  mapping: 1,
  neighbours: 8,
  vote: 0.5,
};

export interface Doc {
  occupationCode: string;
  workTypeCode: string | null;
  name: string;
  /** Indexes into `ancestors`: the 小类 and 中类 above (and, for a work type, its occupation). */
  ancestors: number[];
  /** 技能类职业: its 职业's mark (a work type takes its 职业's). */
  isSkill: boolean;
}

export interface MatchIndex {
  segment: Segmenter;
  weights: MatchWeights;
  reranker: Reranker;
  /** Feature key → id. */
  ids: Map<string, number>;
  docs: Doc[];
  names: PhraseIndex;
  /** Feature → documents having it in any name (for coverage). */
  docPostings: Map<number, number[]>;
  ancestors: { code: string; name: string }[];
  ancestorIndex: PhraseIndex;
  text: {
    postings: Map<number, number[]>;
    idf: (f: number) => number;
    loaded: boolean;
    /** Character bigram → the documents whose definition or tasks contain it (ascending). */
    bigrams: Map<string, number[]>;
  };
  /** The confirmed mappings' part (rules/mapping-index.ts), kept up to date in place. */
  mappings: MappingIndex;
  /** Names by code (nodes and work types), for reasons. */
  nodeName: Map<string, string>;
  /** Per document, the characters of its names (name, aliases, work-type name); per character, its IDF over them. */
  chars: { ofDoc: Set<string>[]; idf: Map<string, number> };
  /** The texts of the 职业 (the first documents, in order), read for the mapping part's space; per document, its 职业's place there. */
  spaceTexts: DocTexts;
  spaceDoc: Int32Array;
}

export interface BuildInput {
  nodes: readonly DictionaryNode[];
  workTypes?: readonly WorkTypeEntry[];
  mappings?: readonly ConfirmedMapping[];
  /** Everyday titles of the 职业 (rules/common-titles.ts); the shipped list when absent. */
  commonTitles?: readonly CommonTitle[];
  segment: Segmenter;
  weights?: Partial<MatchWeights>;
  reranker?: Reranker;
}

/** Past this share of documents with a definition or tasks, the dictionary counts as imported. */
export const IMPORTED_SHARE = 0.5;
const textShare = (texts: readonly (string | undefined)[]) =>
  texts.length ? texts.filter(Boolean).length / texts.length : 0;

/** Builds the in-memory index over the dictionary, its work types and the confirmed mappings. */
export function buildMatchIndex(input: BuildInput): MatchIndex {
  const w = { ...DEFAULT_WEIGHTS, ...input.weights };
  const { segment } = input;
  const byCode = new Map(input.nodes.map((n) => [n.code, n]));
  const nodeName = new Map(input.nodes.map((n) => [n.code, n.name]));
  for (const t of input.workTypes ?? []) nodeName.set(t.code, t.name);
  const ids = new Map<string, number>();

  const ancestorPos = new Map<string, number>();
  const ancestors: { code: string; name: string }[] = [];
  const ancestorItems: Item[] = [];
  const ancestor = (code: string): number | undefined => {
    const node = byCode.get(code);
    if (!node) return undefined;
    let i = ancestorPos.get(code);
    if (i === undefined) {
      i = ancestors.length;
      ancestorPos.set(code, i);
      ancestors.push({ code, name: node.name });
      ancestorItems.push({
        doc: i,
        text: node.name,
        kind: 'ancestor',
        keys: phraseKeys(segment, normalizeText(node.name), w),
      });
    }
    return i;
  };
  const ancestorsOf = (code: string): number[] => {
    const out: number[] = [];
    for (let p = byCode.get(code)?.parentCode; p; p = byCode.get(p)?.parentCode) {
      if ((byCode.get(p)?.level ?? 0) < 2) break;
      const i = ancestor(p);
      if (i !== undefined) out.push(i);
    }
    return out;
  };

  // An everyday title that is a work type's name stays the work type's alone.
  const workTypeNames = new Set((input.workTypes ?? []).map((t) => compact(normalizeText(t.name))));
  const common = new Map<string, string[]>();
  for (const t of input.commonTitles ?? shippedCommonTitles()) {
    const text = compact(normalizeText(t.title));
    if (!workTypeNames.has(text)) upsert(common, t.occupationCode, () => []).push(text);
  }
  const docs: Doc[] = [];
  const items: Item[] = [];
  const texts: string[] = [];
  const docOfOccupation = new Map<string, number>();
  const spaceInput: DocSpaceInput[] = [];
  for (const n of input.nodes) {
    if (n.level !== 4) continue;
    const doc = docs.length;
    docOfOccupation.set(n.code, doc);
    docs.push({
      occupationCode: n.code,
      workTypeCode: null,
      name: n.name,
      ancestors: ancestorsOf(n.code),
      isSkill: n.isSkill ?? skillByMajorGroup(n.code),
    });
    spaceInput.push({
      name: n.name,
      aliases: n.aliases,
      body: [n.definition, n.tasks].filter(Boolean).join(' '),
      parents: (docs[doc]?.ancestors ?? []).map((i) => ancestors[i]?.name ?? ''),
      classCode: n.code.slice(0, 7),
      groupCode: n.code.slice(0, 4),
    });
    const seen = new Set<string>();
    const add = (text: string, kind: Phrase['kind']) => {
      if (!text || seen.has(text)) return;
      seen.add(text);
      items.push({ doc, text, kind, keys: phraseKeys(segment, text, w) });
    };
    add(compact(normalizeText(n.name)), 'name');
    for (const a of n.aliases) for (const p of aliasPhrases(a)) add(p, 'alias');
    for (const t of common.get(n.code) ?? []) add(t, 'common');
    texts[doc] = [n.definition, n.tasks].filter(Boolean).join(' ');
  }
  for (const t of input.workTypes ?? []) {
    const parent = docOfOccupation.get(t.occupationCode);
    if (parent === undefined) continue;
    const doc = docs.length;
    const own = ancestor(t.occupationCode);
    docs.push({
      occupationCode: t.occupationCode,
      workTypeCode: t.code,
      name: t.name,
      ancestors: [...(own === undefined ? [] : [own]), ...(docs[parent]?.ancestors ?? [])],
      isSkill: docs[parent]?.isSkill ?? false,
    });
    const text = compact(normalizeText(t.name));
    items.push({ doc, text, kind: 'work type', keys: phraseKeys(segment, text, w) });
    texts[doc] = texts[parent] ?? '';
  }

  const names = phraseIndex(ids, items, docs.length);
  const docPostings = new Map<number, number[]>();
  for (const [f, list] of names.postings) {
    docPostings.set(f, [...new Set(list.map((p) => names.phrases[p]?.doc as number))]);
  }
  const ancestorIndex = phraseIndex(ids, ancestorItems, ancestors.length);

  const textPostings = new Map<number, number[]>();
  let loaded = false;
  texts.forEach((body, doc) => {
    if (!body) return;
    loaded = true;
    for (const word of new Set(segment(normalizeText(body)))) {
      if ([...word].length < 2) continue;
      const f = idOf(ids, `w:${word}`);
      upsert(textPostings, f, () => [] as number[]).push(doc);
    }
  });
  const textIdf = (f: number) => Math.log(1 + docs.length / Math.max(1, textPostings.get(f)?.length ?? 0));
  const textBigrams = new Map<string, number[]>();
  texts.forEach((body, doc) => {
    if (!body) return;
    for (const b of charBigrams(normalizeText(body))) {
      if (b.length !== 2) continue;
      const list = upsert(textBigrams, b, () => [] as number[]);
      if (list[list.length - 1] !== doc) list.push(doc);
    }
  });

  const ofDoc = docs.map(() => new Set<string>());
  for (const it of items) for (const ch of it.text) if (/\p{L}/u.test(ch)) ofDoc[it.doc]?.add(ch);
  const charDf = new Map<string, number>();
  for (const set of ofDoc) for (const ch of set) charDf.set(ch, (charDf.get(ch) ?? 0) + 1);
  const charIdf = new Map<string, number>();
  for (const [ch, df] of charDf) charIdf.set(ch, Math.log(1 + docs.length / df));
  // The 职业 are the first documents, in the order of spaceInput; a work type reads its 职业's.
  const spaceDoc = Int32Array.from(docs, (d) => docOfOccupation.get(d.occupationCode) ?? -1);
  const index: MatchIndex = {
    segment,
    weights: w,
    reranker: input.reranker ?? defaultReranker(textShare(texts) >= IMPORTED_SHARE ? 'imported' : 'facts'),
    ids,
    docs,
    names,
    docPostings,
    ancestors,
    ancestorIndex,
    text: { postings: textPostings, idf: textIdf, loaded, bigrams: textBigrams },
    mappings: undefined as unknown as MappingIndex,
    nodeName,
    chars: { ofDoc, idf: charIdf },
    spaceTexts: readDocTexts(spaceInput),
    spaceDoc,
  };
  index.mappings = buildMappingIndex(index, input.mappings ?? []);
  return index;
}
