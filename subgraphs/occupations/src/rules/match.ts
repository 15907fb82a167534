/**
 * Nearest-match mapping (相邻相近原则, 湘人社发〔2024〕26号 一(二)): ranks the
 * occupations (职业, level 4) and work types (工种) of the dictionary for a job
 * title the dictionary lacks. Plain functions over plain data: the index is
 * built from rows handed in, and knows nothing of SQL or GraphQL.
 *
 * A title is cleaned (rules/text.ts), cut into words (jieba), character bigrams
 * and its head (the last character or two: 工, 师, 司机 …); shop-floor words bring
 * the dictionary's terms in (rules/lexicon.ts). Each feature weighs its IDF;
 * generic rank words (经理, 助理, 学徒 …) weigh less. A candidate's evidence:
 * - names: the best of its name, aliases (别名) and work-type names — cosine, the
 *   share of the title a contained name explains, an equal name;
 * - coverage: the share of the title all its names together explain;
 * - hierarchy: the title against the 小类/中类 above it;
 * - text: title words in its definition and tasks, when a full dictionary is imported
 *   (and, for the reranker, the title's character bigrams there);
 * - confirmed mappings: titles enterprises mapped to it and a reviewer confirmed,
 *   by the same similarity (the feedback loop, for every enterprise), and a naive Bayes
 *   classifier learned from them at 职业, 小类 and 中类 (rules/classifier.ts);
 * - whole text (reranker only): the title's TF-IDF cosine with the 职业's name, aliases, definition,
 *   tasks and confirmed role names, and with its 小类's and 中类's (rules/doc-space.ts); the 职业
 *   nearest by it join the reranker's candidates even when their names share nothing with the title.
 * The first stage joins a weighted sum of the dictionary evidence with the mapping
 * evidence as 1 − (1 − dictionary)(1 − mapping) (round, untuned weights). A reranker
 * (defaultReranker(): rules/reranker-model.json, learned on the dev file: a linear model and
 * regression trees boosted on its residual, rules/trees.ts) reorders its best candidates from the
 * separate pieces of evidence; an equal name or alias, then a trade name the title ends with, come
 * first unless a confirmed role name is close to the title. The score (0..1) is the reranker's
 * logistic, raised where a rule placed a candidate above others to the best score among those below
 * it, so that the list's order follows its scores.
 */
import { buildClassifier, classify, type MappingClassifier, posteriorFeatures } from './classifier.ts';
import {
  buildDocSpace,
  type DocSpace,
  type DocSpaceInput,
  type DocTexts,
  docCosines,
  readDocTexts,
} from './doc-space.ts';
import { tradeTermsIn } from './lexicon.ts';
import { idOf, upsert } from './maps.ts';
import { defaultReranker, type Reranker, rerankerMargin } from './reranker.ts';
import type { Segmenter } from './segment.ts';
import { skillByMajorGroup } from './skill.ts';
import { aliasPhrases, charBigrams, cleanTitle, compact, dropNegated, normalizeText } from './text.ts';

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

/** Words that say a worker's rank or role in general, not the trade: weak evidence. */
const GENERIC = new Set([
  '经理',
  '主管',
  '专员',
  '助理',
  '总监',
  '学徒',
  '师傅',
  '组长',
  '主任',
  '顾问',
  '老师',
  '工程师',
  '技术员',
  '人员',
  '负责人',
  '岗位',
  '管理',
  '员工',
  '工作',
  '职员',
  '代表',
  '主任',
  '副总',
  '总经理',
  '操作工',
  '普工',
  '技工',
  '工人',
]);

const HEAD = /(工|师|员|手|匠|长|家|司机)$/;

export interface MatchCandidate {
  occupationCode: string;
  /** The work type when the match is a 工种, else null. */
  workTypeCode: string | null;
  /**
   * 0..1: the reranker's chance that the candidate is right (the logistic of its margin); where a rule
   * (an equal name or alias, a trade name the title ends with) placed it above others, at least the
   * best of theirs, so that scores never rise down the list.
   */
  score: number;
  /** Why, in words. */
  reason: string;
}

/** A weighted sparse vector: feature id → weight. */
type Vec = Map<number, number>;

interface Phrase {
  doc: number;
  text: string;
  kind: 'name' | 'alias' | 'work type' | 'ancestor' | 'role';
  vec: Vec;
  norm: number;
  /** Sum of the weights (for the share of a phrase a title covers). */
  mass: number;
}

interface Doc {
  occupationCode: string;
  workTypeCode: string | null;
  name: string;
  /** Indexes into `ancestors`: the 小类 and 中类 above (and, for a work type, its occupation). */
  ancestors: number[];
  /** 技能类职业: its 职业's mark (a work type takes its 职业's). */
  isSkill: boolean;
}

/** Phrase vectors with an inverted index: feature → phrases. */
interface PhraseIndex {
  phrases: Phrase[];
  postings: Map<number, number[]>;
  idf: (f: number) => number;
}

export interface MappingIndex {
  index: PhraseIndex;
  entries: (ConfirmedMapping & { count: number })[];
  /** Confirmed mappings per document (for the prior: how often enterprises map to it). */
  perDoc: Map<number, number>;
  /** Naive Bayes over the confirmed role names at 中类, 小类 and 职业 (rules/classifier.ts). */
  classifier: MappingClassifier;
  /** Each 职业's whole text with the role names confirmed for it, as TF-IDF vectors (rules/doc-space.ts). */
  space: DocSpace;
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
  mappings: MappingIndex;
  /** Names by code (nodes and work types), for reasons. */
  nodeName: Map<string, string>;
  /** Per document, the characters of its names (name, aliases, work-type name); per character, its IDF over them. */
  chars: { ofDoc: Set<string>[]; idf: Map<string, number> };
  /** The texts of the 职业 (the first documents, in order), read for the mapping part's space; per document, its 职业's place there. */
  spaceTexts: DocTexts;
  spaceDoc: Int32Array;
}

interface Keyed {
  key: string;
  /** Multiplier on top of the IDF. */
  factor: number;
}

function kindFactor(key: string, w: MatchWeights): number {
  const kind = key.charAt(0);
  return kind === 'w' ? w.word : kind === 'h' ? w.head : w.bigram;
}

/** Which characters of `text` lie inside a generic word (经理, 工程师 …). */
function genericMask(text: string): boolean[] {
  const chars = [...text];
  const mask = chars.map(() => false);
  const joined = chars.join('');
  for (const g of GENERIC) {
    for (let at = joined.indexOf(g); at >= 0; at = joined.indexOf(g, at + 1)) {
      const start = [...joined.slice(0, at)].length;
      for (let i = 0; i < [...g].length; i++) mask[start + i] = true;
    }
  }
  return mask;
}

/** Feature keys of a short text: words (w:), character bigrams (b:) and its head (h:); generic parts weigh less. */
function phraseKeys(segment: Segmenter, text: string, w: MatchWeights): Keyed[] {
  const keys = new Map<string, number>();
  const add = (key: string, factor: number) => {
    if ((keys.get(key) ?? 0) < factor) keys.set(key, factor);
  };
  for (const word of segment(text)) add(`w:${word}`, kindFactor('w', w) * (GENERIC.has(word) ? w.generic : 1));
  const c = compact(text);
  const chars = [...c];
  const mask = genericMask(c);
  const g = (from: number, to: number) => (mask.slice(from, to).every(Boolean) ? w.generic : 1);
  for (const run of text.split(/[^\p{L}\p{N}#+]+/u)) {
    const rc = [...run];
    if (rc.length === 1) add(`b:${rc[0]}`, w.bigram);
  }
  for (const b of charBigrams(text)) {
    if ([...b].length === 2) {
      const at = c.indexOf(b);
      add(`b:${b}`, w.bigram * (at >= 0 ? g([...c.slice(0, at)].length, [...c.slice(0, at)].length + 2) : 1));
    }
  }
  const head = HEAD.exec(c)?.[1];
  if (head) add(`h:${head}`, w.head);
  if (chars.length >= 3) add(`h:${chars.slice(-2).join('')}`, w.head * g(chars.length - 2, chars.length));
  return [...keys].map(([key, factor]) => ({ key, factor }));
}

/** A title's keys: its phrase keys plus the dictionary terms its shop-floor words stand for. */
function queryKeys(segment: Segmenter, text: string, w: MatchWeights): Keyed[] {
  const keys = phraseKeys(segment, text, w);
  const have = new Set(keys.map((k) => k.key));
  for (const term of tradeTermsIn(compact(text))) {
    for (const k of phraseKeys(segment, term, w)) {
      if (k.key.startsWith('h:') || have.has(k.key)) continue;
      have.add(k.key);
      keys.push({ key: k.key, factor: k.factor * w.lexicon });
    }
  }
  return keys;
}

interface Item {
  doc: number;
  text: string;
  kind: Phrase['kind'];
  keys: Keyed[];
}

/** Vectors for `items`, weighted by an IDF over `units` (documents), with an inverted index. */
function phraseIndex(
  ids: Map<string, number>,
  items: Item[],
  units: number,
  extraDf?: Map<number, number>,
): PhraseIndex {
  const df = new Map<number, Set<number>>();
  for (const it of items) {
    for (const k of it.keys) {
      const f = idOf(ids, k.key);
      upsert(df, f, () => new Set<number>()).add(it.doc);
    }
  }
  const idf = (f: number) => Math.log(1 + units / Math.max(1, (df.get(f)?.size ?? 0) + (extraDf?.get(f) ?? 0)));
  const phrases: Phrase[] = [];
  const postings = new Map<number, number[]>();
  for (const it of items) {
    const vec: Vec = new Map();
    let norm = 0;
    let mass = 0;
    for (const k of it.keys) {
      const f = ids.get(k.key) as number;
      const weight = idf(f) * k.factor;
      vec.set(f, weight);
      norm += weight * weight;
      mass += weight;
    }
    const i = phrases.length;
    phrases.push({ doc: it.doc, text: it.text, kind: it.kind, vec, norm: Math.sqrt(norm), mass });
    for (const f of vec.keys()) {
      upsert(postings, f, () => [] as number[]).push(i);
    }
  }
  return { phrases, postings, idf };
}

export interface BuildInput {
  nodes: readonly DictionaryNode[];
  workTypes?: readonly WorkTypeEntry[];
  mappings?: readonly ConfirmedMapping[];
  segment: Segmenter;
  weights?: Partial<MatchWeights>;
  reranker?: Reranker;
}

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
    reranker: input.reranker ?? defaultReranker(),
    ids,
    docs,
    names,
    docPostings,
    ancestors,
    ancestorIndex,
    text: { postings: textPostings, idf: textIdf, loaded, bigrams: textBigrams },
    mappings: EMPTY_MAPPINGS,
    nodeName,
    chars: { ofDoc, idf: charIdf },
    spaceTexts: readDocTexts(spaceInput),
    spaceDoc,
  };
  index.mappings = buildMappingIndex(index, input.mappings ?? []);
  return index;
}

const EMPTY_MAPPINGS: MappingIndex = {
  index: { phrases: [], postings: new Map(), idf: () => 0 },
  entries: [],
  perDoc: new Map(),
  classifier: buildClassifier(() => [], []),
  space: buildDocSpace(readDocTexts([])),
};

/**
 * Indexes confirmed mappings; cheap, so it is rebuilt whenever a mapping is confirmed.
 * Mappings to codes the index does not know are left out; the same role name mapped to
 * the same code by several enterprises counts once, with its count.
 */
export function buildMappingIndex(index: MatchIndex, mappings: readonly ConfirmedMapping[]): MappingIndex {
  const docOf = new Map<string, number>();
  index.docs.forEach((d, i) => {
    docOf.set(d.workTypeCode ?? d.occupationCode, i);
  });
  const grouped = new Map<string, ConfirmedMapping & { count: number; doc: number; text: string }>();
  for (const m of mappings) {
    const doc = docOf.get(m.workTypeCode ?? m.occupationCode);
    const text = compact(cleanTitle(m.roleName).core);
    if (doc === undefined || !text) continue;
    const key = `${text}|${doc}`;
    const g = grouped.get(key);
    if (g) g.count++;
    else grouped.set(key, { ...m, count: 1, doc, text });
  }
  const entries = [...grouped.values()];
  const perDoc = new Map<number, number>();
  for (const e of entries) perDoc.set(e.doc, (perDoc.get(e.doc) ?? 0) + e.count);
  const items: Item[] = entries.map((e) => ({
    doc: e.doc,
    text: e.text,
    kind: 'role',
    keys: phraseKeys(index.segment, e.text, index.weights),
  }));
  // IDF over role names and dictionary documents together, so that a word common in either weighs little.
  const extra = new Map<number, number>();
  for (const [f, docs] of index.docPostings) extra.set(f, docs.length);
  const classifier = buildClassifier(index.segment, entries);
  // The role names join their 职业's text (a work type's, its 职业's), once per confirmed mapping.
  const roles = new Map<number, string[]>();
  for (const e of entries) {
    const at = index.spaceDoc[e.doc] ?? -1;
    if (at >= 0) upsert(roles, at, () => [] as string[]).push(...Array<string>(e.count).fill(e.text));
  }
  return {
    space: buildDocSpace(index.spaceTexts, roles),
    index: phraseIndex(index.ids, items, index.docs.length + entries.length, extra),
    entries,
    perDoc,
    classifier,
  };
}

interface Query {
  keys: { f: number | undefined; weight: number; key: string }[];
  norm: number;
  mass: number;
  compact: string;
}

function query(index: MatchIndex, keys: Keyed[], text: string, idf: (f: number) => number): Query {
  const unknown = Math.log(1 + index.docs.length);
  let norm = 0;
  let mass = 0;
  const out: Query['keys'] = [];
  for (const k of keys) {
    const f = index.ids.get(k.key);
    const weight = (f === undefined ? unknown : idf(f)) * k.factor;
    out.push({ f, weight, key: k.key });
    norm += weight * weight;
    mass += weight;
  }
  return { keys: out, norm: Math.sqrt(norm), mass, compact: compact(text) };
}

interface PhraseScore {
  cosine: number;
  /** Share of the title the phrase explains when the title contains it (else 0). */
  contained: number;
  atEnd: boolean;
  equal: boolean;
  /** Share of the phrase the title covers. */
  covered: number;
}

/** Similarity of a query with every phrase sharing a feature with it. */
function scorePhrases(q: Query, pi: PhraseIndex): Map<number, PhraseScore> {
  const dot = new Map<number, number>();
  const l1 = new Map<number, number>();
  const pl1 = new Map<number, number>();
  for (const k of q.keys) {
    if (k.f === undefined) continue;
    const list = pi.postings.get(k.f);
    if (!list) continue;
    for (const p of list) {
      const pw = pi.phrases[p]?.vec.get(k.f) ?? 0;
      dot.set(p, (dot.get(p) ?? 0) + k.weight * pw);
      l1.set(p, (l1.get(p) ?? 0) + k.weight);
      pl1.set(p, (pl1.get(p) ?? 0) + pw);
    }
  }
  const out = new Map<number, PhraseScore>();
  for (const [p, d] of dot) {
    const ph = pi.phrases[p] as Phrase;
    const inside = ph.text.length >= 2 && q.compact.includes(ph.text);
    out.set(p, {
      cosine: q.norm && ph.norm ? d / (q.norm * ph.norm) : 0,
      contained: inside && q.mass ? Math.min(1, (l1.get(p) ?? 0) / q.mass) : 0,
      atEnd: inside && q.compact.endsWith(ph.text),
      equal: ph.text === q.compact,
      covered: ph.mass ? Math.min(1, (pl1.get(p) ?? 0) / ph.mass) : 0,
    });
  }
  return out;
}

function phraseValue(s: PhraseScore, w: MatchWeights): number {
  return w.cosine * s.cosine + w.contained * s.contained + (s.atEnd ? w.containedAtEnd : 0) + (s.equal ? w.equal : 0);
}

/** 0..1 similarity of a title to a role name (for confirmed mappings). */
function roleSimilarity(s: PhraseScore): number {
  if (s.equal) return 1;
  return Math.min(1, Math.max(s.cosine, 0.5 * s.contained + 0.5 * s.covered));
}

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
const admitted = (index: MatchIndex, scope: MatchScope | undefined) =>
  scope === 'SKILL' ? (doc: number) => index.docs[doc]?.isSkill === true : undefined;

interface Evidence {
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
  /** A name or alias equal to the title's core. */
  equal: boolean;
  mappingEntry?: MappingIndex['entries'][number];
  /** The title's cosine with the 职业's whole text (set for the reranker's candidates). */
  textCosine?: number;
}

const noEvidence = (): Evidence => ({
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
  equal: false,
});

/** The reranker's features, its model and the shipped one (rules/reranker.ts). */
export {
  defaultReranker,
  RERANK_FEATURES,
  type Reranker,
  type RerankerModel,
  rerankerFromModel,
  rerankerMargin,
} from './reranker.ts';

/**
 * The equal-name and trade-suffix rules stand aside when a confirmed role name more similar than this
 * to the title exists (the reranker then weighs what reviewers decided for such titles).
 */
export const RULES_YIELD_TO_MAPPING = 0.5;

/** The neighbourhood of the wide vote. */
const WIDE_NEIGHBOURS = 25;

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
    if (i >= depth && e.mappingSim <= 0 && e.wideVote <= 0 && e.suffix <= 0) {
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

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The rules before the learned order, per document of a title's evidence (`ev`, as rerankCandidates
 * fills it): 2 a name or alias equal to the title (the same role); 1 a trade's name the title ends
 * with (…工: 高压电工 → 电工, its head noun; on the dev file two in three such titles carry that
 * trade's label, well above the matcher's hit rate); 0 none. Both stand aside (0) when a confirmed
 * role name is close to the title (similarity above RULES_YIELD_TO_MAPPING): with such mappings
 * loaded, the rules cost 1.3 points of held-out top-1 on the dev file.
 */
export function ruleRank(ev: ReadonlyMap<number, Evidence>): (doc: number) => number {
  let nearMapping = 0;
  for (const e of ev.values()) nearMapping = Math.max(nearMapping, e.mappingSim);
  return (doc) => {
    if (nearMapping > RULES_YIELD_TO_MAPPING) return 0;
    const e = ev.get(doc);
    return e?.equal ? 2 : e?.tradeSuffix ? 1 : 0;
  };
}

/**
 * Ranks occupations and work types for a job title (and an optional description),
 * best first; one entry per occupation (itself or its best work type). Scores never rise down the
 * list (see MatchCandidate.score).
 */
export function matchOccupations(index: MatchIndex, input: MatchQuery, first = 5): MatchCandidate[] {
  const { core } = cleanTitle(input.title);
  const ev = new Map<number, Evidence>();
  const r = index.reranker;
  const scored = rerankCandidates(index, input, RERANK_DEPTH, ev).map((c) => ({
    doc: c.doc,
    z: rerankerMargin(r, c.features),
  }));
  const rule = ruleRank(ev);
  scored.sort((a, b) => rule(b.doc) - rule(a.doc) || b.z - a.z || a.doc - b.doc);
  // One entry per occupation, placed by its best document; a work type stands for its occupation
  // only when the title is nearer to the work type's own name than to the occupation's names.
  const byOccupation = new Map<string, { z: number; doc: number }>();
  for (const s of scored) {
    const code = (index.docs[s.doc] as Doc).occupationCode;
    const have = byOccupation.get(code);
    if (!have) byOccupation.set(code, { z: s.z, doc: s.doc });
    else if ((ev.get(s.doc)?.name ?? 0) > (ev.get(have.doc)?.name ?? 0)) have.doc = s.doc;
  }
  // The score shown follows the order: a candidate a rule placed above others shows at least the best
  // score among those below it (the rule vouches for it over them); every other shows its own.
  const placed = [...byOccupation.values()];
  const shown = placed.map((p) => logistic(p.z));
  for (let i = shown.length - 2; i >= 0; i--) shown[i] = Math.max(shown[i] as number, shown[i + 1] as number);
  return placed.slice(0, first).map(({ doc }, i) => {
    const d = index.docs[doc] as Doc;
    return {
      occupationCode: d.occupationCode,
      workTypeCode: d.workTypeCode,
      score: Math.max(0.001, Math.round((shown[i] as number) * 1000) / 1000),
      reason: reasonOf(index, d, ev.get(doc) as Evidence, core),
    };
  });
}

/** Scores every document with evidence (collected into `ev`), best first. */
function rank(index: MatchIndex, input: MatchQuery, ev: Map<number, Evidence>): { doc: number; score: number }[] {
  const { core, asides } = cleanTitle(input.title);
  const w = index.weights;
  const get = (doc: number): Evidence => upsert(ev, doc, noEvidence);

  const parts: [string, number][] = [[core, 1]];
  if (asides && asides !== core) parts.push([asides, w.asides]);
  let ancestorScores = new Map<number, PhraseScore>();
  for (const [text, factor] of parts) {
    const keys = queryKeys(index.segment, text, w);
    const q = query(index, keys, text, index.names.idf);
    for (const [p, s] of scorePhrases(q, index.names)) {
      const ph = index.names.phrases[p] as Phrase;
      const e = get(ph.doc);
      const v = phraseValue(s, w) * factor;
      if (s.equal && factor === 1) e.equal = true;
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
    const mq = query(index, keys, text, index.mappings.index.idf);
    // The most similar confirmed role names vote for their codes (weighted by similarity²);
    // a candidate's lift is its best similarity, scaled by its share of the vote.
    const near: { p: number; s: number }[] = [];
    for (const [p, ps] of scorePhrases(mq, index.mappings.index)) {
      const entry = index.mappings.entries[p];
      // Several enterprises confirming the same mapping make it a little surer.
      const s = roleSimilarity(ps) * factor * Math.min(1, 0.9 + 0.05 * (entry?.count ?? 1));
      if (s > 0.05) near.push({ p, s });
    }
    near.sort((a, b) => b.s - a.s || a.p - b.p);
    const top = near.slice(0, w.neighbours);
    let total = 0;
    for (const n of top) total += n.s * n.s * (index.mappings.entries[n.p]?.count ?? 1);
    const votes = new Map<number, number>();
    for (const n of top) {
      const ph = index.mappings.index.phrases[n.p] as Phrase;
      votes.set(ph.doc, (votes.get(ph.doc) ?? 0) + (n.s * n.s * (index.mappings.entries[n.p]?.count ?? 1)) / total);
    }
    const wide = near.slice(0, WIDE_NEIGHBOURS);
    let wideTotal = 0;
    for (const n of wide) wideTotal += n.s * n.s * (index.mappings.entries[n.p]?.count ?? 1);
    const wideVotes = new Map<number, number>();
    for (const n of wide) {
      const doc = index.mappings.index.phrases[n.p]?.doc as number;
      const share = (n.s * n.s * (index.mappings.entries[n.p]?.count ?? 1)) / wideTotal;
      wideVotes.set(doc, (wideVotes.get(doc) ?? 0) + share);
    }
    for (const [doc, share] of wideVotes) {
      const e = get(doc);
      e.wideVote = Math.max(e.wideVote, share * factor);
    }
    for (const n of top) {
      const ph = index.mappings.index.phrases[n.p] as Phrase;
      const share = votes.get(ph.doc) ?? 0;
      const v = n.s * (1 - w.vote + w.vote * share);
      const e = get(ph.doc);
      e.mappingSim = Math.max(e.mappingSim, n.s);
      e.vote = Math.max(e.vote, share * factor);
      if (v > e.mapping) {
        e.mapping = v;
        e.mappingEntry = index.mappings.entries[n.p];
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

function sharedTerms(index: MatchIndex, a: string, b: string): string[] {
  const bw = new Set(index.segment(b));
  const words = [...new Set(index.segment(a))].filter((x) => bw.has(x));
  words.sort((x, y) => y.length - x.length);
  const kept: string[] = [];
  for (const x of words) if (!kept.some((k) => k.includes(x))) kept.push(x);
  return kept.slice(0, 4);
}

function sharedChars(a: string, b: string): string[] {
  const bs = new Set(b);
  return [...new Set([...a].filter((c) => bs.has(c) && /\p{L}/u.test(c)))].slice(0, 6);
}

function reasonOf(index: MatchIndex, d: Doc, e: Evidence, core: string): string {
  const reasons: string[] = [];
  if (e.mappingEntry && e.mapping >= 0.3) {
    const m = e.mappingEntry;
    const times = m.count > 1 ? `，${m.count} 家企业确认` : '';
    reasons.push(
      e.mapping >= 0.999
        ? `与已确认的企业岗位映射“${m.roleName}”同名${times}`
        : `与已确认的企业岗位映射“${m.roleName}”相近（${Math.round(e.mapping * 100)}%）${times}`,
    );
  }
  const ph = e.namePhrase;
  const s = e.nameScore;
  if (ph && s && e.name > 0.05) {
    const label = ph.kind === 'alias' ? '别名' : ph.kind === 'work type' ? '工种名称' : '职业名称';
    if (s.equal) reasons.push(`岗位名称与${label}“${ph.text}”相同`);
    else if (s.contained > 0) reasons.push(`岗位名称包含${label}“${ph.text}”`);
    else if (ph.text.includes(compact(core))) reasons.push(`${label}“${ph.text}”包含岗位名称`);
    else {
      const terms = sharedTerms(index, core, ph.text);
      if (terms.length) reasons.push(`与${label}“${ph.text}”共有词语“${terms.join('”“')}”`);
      else {
        const chars = sharedChars(compact(core), ph.text);
        reasons.push(chars.length ? `与${label}“${ph.text}”共有字“${chars.join('')}”` : `与${label}“${ph.text}”相近`);
      }
    }
  }
  const lexicon = tradeTermsIn(compact(core)).filter(
    (t) => d.name.includes(t) || ph?.text.includes(t) || e.textWords.includes(t),
  );
  if (lexicon.length) reasons.push(`俗称对应大典用语“${lexicon.join('”“')}”`);
  if (e.hierarchyNode !== undefined && e.hierarchy >= 0.25) {
    const a = index.ancestors[e.hierarchyNode];
    if (a) reasons.push(`所属类别“${a.name}”（${a.code}）与岗位名称相近`);
  }
  if (e.text >= 0.15 && e.textWords.length) {
    reasons.push(`职业定义或主要工作任务提到“${[...new Set(e.textWords)].slice(0, 3).join('”“')}”`);
  }
  if (!reasons.length && (e.textCosine ?? 0) > 0) {
    reasons.push(`岗位名称与该职业的名称、定义和主要工作任务用字相近（余弦 ${(e.textCosine as number).toFixed(2)}）`);
  }
  if (d.workTypeCode) reasons.push(`工种属于职业“${index.nodeName.get(d.occupationCode) ?? d.occupationCode}”`);
  return reasons.join('；') || '字面相近';
}
