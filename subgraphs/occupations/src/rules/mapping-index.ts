/**
 * The confirmed mappings' part of the matcher's index (rules/match.ts): the role names as phrases
 * (near and wide votes, the mapping lift), how often enterprises map to each document (the prior),
 * the naive Bayes classifier over them (rules/classifier.ts) and the 职业's texts with their role names
 * (rules/doc-space.ts). It is kept up to date one mapping at a time (updateMappingIndex): a
 * confirmation costs its role name's features and the documents whose numbers it changes, not a
 * rebuild, so that a centre confirming hundreds in a row, or a table loaded at once, does not pay the
 * whole part each time. Whatever the order the mappings came in, the part holds the same numbers: a
 * full build is the same updates from empty, and every derived number is computed from the current
 * counts in a fixed order (the property test of test/mapping-index.test.ts).
 */
import { buildClassifier, learnExample, type MappingClassifier } from './classifier.ts';
import { addRoleTexts, buildDocSpace, type DocSpace } from './doc-space.ts';
import { idOf, upsert } from './maps.ts';
import type { ConfirmedMapping, MatchIndex } from './match-index.ts';
import { type PhraseScore, phraseKeys, phraseScore, type Query } from './phrases.ts';
import { cleanTitle, compact } from './text.ts';

/** A role name confirmed for one document, by one or more enterprises. */
export interface MappingEntry extends ConfirmedMapping {
  /** How many confirmed mappings it stands for. */
  count: number;
  /** The document (职业 or work type) it maps to, and its compact role name. */
  doc: number;
  text: string;
  /** `text|doc`: what tells entries apart, and orders them where their similarity ties. */
  key: string;
}

/** An entry's phrase: its features (id, factor); its norm and mass follow the IDF, so they are computed when asked. */
interface RolePhrase {
  entry: MappingEntry;
  /** The spellings confirmed (role names as written: 焊工, 焊工 ), with their counts; the first in order is shown. */
  names: Map<string, number>;
  keys: { f: number; factor: number }[];
  factor: Map<number, number>;
  /** The version of the part its norm and mass were computed at. */
  at: number;
  norm: number;
  mass: number;
}

export interface MappingIndex {
  /** Per phrase slot (undefined: free), the entry and its features. */
  slots: (RolePhrase | undefined)[];
  /** Entry key → slot. */
  byKey: Map<string, number>;
  /** Feature → the slots having it. */
  postings: Map<number, Set<number>>;
  /** Feature → the documents whose role names have it, with how many of their entries do. */
  docsOf: Map<number, Map<number, number>>;
  /** Free slots (taken again before new ones). */
  free: number[];
  /** Live entries. */
  size: number;
  /** Bumped on each change (the phrases' norms and masses are computed again when asked). */
  version: number;
  /** Confirmed mappings per document (for the prior: how often enterprises map to it). */
  perDoc: Map<number, number>;
  /** Naive Bayes over the confirmed role names at 中类, 小类 and 职业 (rules/classifier.ts). */
  classifier: MappingClassifier;
  /** Each 职业's whole text with the role names confirmed for it, as TF-IDF vectors (rules/doc-space.ts). */
  space: DocSpace;
}

/** The mapping part without mappings (each index gets its own: updates change it in place). */
export function emptyMappingIndex(index: Pick<MatchIndex, 'segment' | 'spaceTexts'>): MappingIndex {
  return {
    slots: [],
    free: [],
    byKey: new Map(),
    postings: new Map(),
    docsOf: new Map(),
    size: 0,
    version: 0,
    perDoc: new Map(),
    classifier: buildClassifier(index.segment, []),
    space: buildDocSpace(index.spaceTexts),
  };
}

/**
 * Indexes confirmed mappings. Mappings to codes the index does not know are left out; the same role
 * name mapped to the same code by several enterprises counts once, with its count.
 */
export function buildMappingIndex(index: MatchIndex, mappings: readonly ConfirmedMapping[]): MappingIndex {
  const mi = emptyMappingIndex(index);
  updateMappingIndex(index, mi, mappings, []);
  return mi;
}

/**
 * Adds confirmed mappings to the part and takes others out (a mapping taken out that it does not hold
 * is passed over), in place: the role names' phrases, the prior, the classifier's counts and the
 * documents' texts. Costs the mappings' own features and the documents whose numbers change.
 */
export function updateMappingIndex(
  index: MatchIndex,
  mi: MappingIndex,
  added: readonly ConfirmedMapping[],
  removed: readonly ConfirmedMapping[] = [],
): void {
  const docOf = new Map<string, number>();
  index.docs.forEach((d, i) => {
    docOf.set(d.workTypeCode ?? d.occupationCode, i);
  });
  const texts: { doc: number; text: string; count: number }[] = [];
  const change = (m: ConfirmedMapping, count: 1 | -1) => {
    const doc = docOf.get(m.workTypeCode ?? m.occupationCode);
    const text = compact(cleanTitle(m.roleName).core);
    if (doc === undefined || !text) return;
    const key = `${text}|${doc}`;
    let slot = mi.byKey.get(key);
    if (count < 0) {
      const ph = slot === undefined ? undefined : mi.slots[slot];
      if (slot === undefined || !ph || !ph.names.get(m.roleName)) return;
      ph.entry.count--;
      bump(ph.names, m.roleName, -1);
      ph.entry.roleName = firstName(ph.names);
      if (!ph.entry.count) dropSlot(mi, slot);
    } else if (slot === undefined) {
      slot = addSlot(index, mi, { ...m, count: 1, doc, text, key });
    } else {
      const ph = mi.slots[slot] as RolePhrase;
      ph.entry.count++;
      bump(ph.names, m.roleName, 1);
      ph.entry.roleName = firstName(ph.names);
    }
    bump(mi.perDoc, doc, count);
    learnExample(mi.classifier, index.segment, { text, occupationCode: index.docs[doc]?.occupationCode ?? '', count });
    // The role name joins its 职业's text (a work type's, its 职业's), once per confirmed mapping.
    texts.push({ doc: index.spaceDoc[doc] ?? -1, text, count });
    mi.version++;
  };
  for (const m of removed) change(m, -1);
  for (const m of added) change(m, 1);
  addRoleTexts(mi.space, texts);
}

function bump<K>(m: Map<K, number>, key: K, by: number) {
  const v = (m.get(key) ?? 0) + by;
  if (v) m.set(key, v);
  else m.delete(key);
}

const firstName = (names: Map<string, number>) => [...names.keys()].sort()[0] ?? '';

function addSlot(index: MatchIndex, mi: MappingIndex, entry: MappingEntry): number {
  const keys = phraseKeys(index.segment, entry.text, index.weights).map((k) => ({
    f: idOf(index.ids, k.key),
    factor: k.factor,
  }));
  const ph: RolePhrase = {
    entry,
    names: new Map([[entry.roleName, 1]]),
    keys,
    factor: new Map(keys.map((k) => [k.f, k.factor])),
    at: -1,
    norm: 0,
    mass: 0,
  };
  const slot = mi.free.pop() ?? mi.slots.length;
  mi.slots[slot] = ph;
  mi.byKey.set(entry.key, slot);
  for (const { f } of keys) {
    upsert(mi.postings, f, () => new Set<number>()).add(slot);
    bump(
      upsert(mi.docsOf, f, () => new Map<number, number>()),
      entry.doc,
      1,
    );
  }
  mi.size++;
  return slot;
}

function dropSlot(mi: MappingIndex, slot: number) {
  const ph = mi.slots[slot] as RolePhrase;
  for (const { f } of ph.keys) {
    const posting = mi.postings.get(f);
    posting?.delete(slot);
    if (!posting?.size) mi.postings.delete(f);
    const docs = mi.docsOf.get(f);
    if (docs) bump(docs, ph.entry.doc, -1);
    if (!docs?.size) mi.docsOf.delete(f);
  }
  mi.slots[slot] = undefined;
  mi.free.push(slot);
  mi.byKey.delete(ph.entry.key);
  mi.size--;
}

/** The live entries, in order of their keys. */
export function mappingEntries(mi: MappingIndex): MappingEntry[] {
  return mi.slots.flatMap((ph) => (ph ? [ph.entry] : [])).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The entry of a slot that scoreRoles returned. */
export const entryAt = (mi: MappingIndex, slot: number): MappingEntry => (mi.slots[slot] as RolePhrase).entry;

/**
 * A feature's IDF over the role names and the dictionary's documents together (so that a word common
 * in either weighs little): the documents are counted once however many role names they have.
 */
export function roleIdf(index: MatchIndex, f: number): number {
  const units = index.docs.length + index.mappings.size;
  const df = (index.mappings.docsOf.get(f)?.size ?? 0) + (index.docPostings.get(f)?.length ?? 0);
  return Math.log(1 + units / Math.max(1, df));
}

/** Similarity of a title's query with every role name sharing a feature with it, by slot. */
export function scoreRoles(index: MatchIndex, q: Query): Map<number, PhraseScore> {
  const mi = index.mappings;
  const dot = new Map<number, number>();
  const l1 = new Map<number, number>();
  const pl1 = new Map<number, number>();
  for (const k of q.keys) {
    if (k.f === undefined) continue;
    const list = mi.postings.get(k.f);
    if (!list) continue;
    const idf = roleIdf(index, k.f);
    for (const p of list) {
      const pw = idf * ((mi.slots[p] as RolePhrase).factor.get(k.f) ?? 0);
      dot.set(p, (dot.get(p) ?? 0) + k.weight * pw);
      l1.set(p, (l1.get(p) ?? 0) + k.weight);
      pl1.set(p, (pl1.get(p) ?? 0) + pw);
    }
  }
  const out = new Map<number, PhraseScore>();
  for (const [p, d] of dot) {
    const ph = mi.slots[p] as RolePhrase;
    if (ph.at !== mi.version) {
      let norm = 0;
      let mass = 0;
      for (const k of ph.keys) {
        const weight = roleIdf(index, k.f) * k.factor;
        norm += weight * weight;
        mass += weight;
      }
      ph.norm = Math.sqrt(norm);
      ph.mass = mass;
      ph.at = mi.version;
    }
    out.set(p, phraseScore(q, ph.entry.text, ph.norm, ph.mass, d, l1.get(p) ?? 0, pl1.get(p) ?? 0));
  }
  return out;
}
