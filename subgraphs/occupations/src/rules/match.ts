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
 * - names: the best of its name, aliases (别名), everyday titles (岗位俗称, rules/common-titles.ts)
 *   and work-type names — cosine, the
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
 * (defaultReranker(): rules/reranker-model.json, or reranker-model-imported.json once the import's
 * texts are in; learned on the posting titles and the enterprise roles' development part: a linear
 * model and regression trees boosted on its residual, rules/trees.ts) reorders its best candidates
 * from the separate pieces of evidence; an equal name or alias, the work a title names, then a trade
 * name the title ends with, come first unless a confirmed role name is close to the title (then one
 * confirmed for exactly the title does). The score (0..1) is the reranker's
 * logistic, raised where a rule placed a candidate above others to the best score among those below
 * it, so that the list's order follows its scores.
 */
import { RERANK_DEPTH, rerankCandidates, ruleRank } from './candidates.ts';
import type { Evidence, MatchQuery } from './evidence.ts';
import { tradeTermsIn } from './lexicon.ts';
import type { Doc, MatchIndex } from './match-index.ts';
import { rerankerMargin } from './reranker.ts';
import { cleanTitle, compact } from './text.ts';

export {
  type RankedCandidate,
  RERANK_DEPTH,
  RULES_YIELD_TO_MAPPING,
  rerankCandidates,
  ruleRank,
  TEXT_NEIGHBOURS,
} from './candidates.ts';
export type { MatchQuery, MatchScope } from './evidence.ts';
export {
  buildMappingIndex,
  emptyMappingIndex,
  type MappingEntry,
  type MappingIndex,
  mappingEntries,
  updateMappingIndex,
} from './mapping-index.ts';
export {
  type BuildInput,
  buildMatchIndex,
  type ConfirmedMapping,
  DEFAULT_WEIGHTS,
  type DictionaryNode,
  type MatchIndex,
  type MatchWeights,
  type WorkTypeEntry,
} from './match-index.ts';

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

/** The reranker's features, its model and the shipped one (rules/reranker.ts). */
export {
  defaultReranker,
  RERANK_FEATURES,
  type Reranker,
  type RerankerModel,
  rerankerFromModel,
  rerankerMargin,
} from './reranker.ts';

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

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
  const rule = ruleRank(ev, core);
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
    const label =
      ph.kind === 'alias'
        ? '别名'
        : ph.kind === 'common'
          ? '岗位俗称'
          : ph.kind === 'work type'
            ? '工种名称'
            : '职业名称';
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
  // The dictionary's terms the title's own words stand for (not those the title already says).
  const lexicon = tradeTermsIn(compact(core)).filter(
    (t) => !core.includes(t) && (d.name.includes(t) || ph?.text.includes(t) || e.textWords.includes(t)),
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
