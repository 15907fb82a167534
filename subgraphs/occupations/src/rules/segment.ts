import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Splits a text into words (search mode: a compound and its parts). */
export type Segmenter = (text: string) => string[];

/**
 * Chinese word segmentation by jieba (@node-rs/jieba, the jieba-rs port with its
 * stock dictionary), search mode: a compound yields its parts too (锂电池 → 锂电, 电池, 锂电池).
 * `extraWords` (occupation names and aliases) are added to the dictionary so that
 * the dictionary's own terms come out whole.
 */
export function createSegmenter(extraWords: Iterable<string> = []): Segmenter {
  const jieba = Jieba.withDict(dict);
  const lines: string[] = [];
  for (const w of extraWords) if (/^[\p{Script=Han}]{2,12}$/u.test(w)) lines.push(`${w} 50 n`);
  if (lines.length) jieba.loadDict(Buffer.from(lines.join('\n')));
  const keep = (words: string[]) => {
    const out: string[] = [];
    for (const w of words) {
      const t = w.trim();
      if (t && /[\p{L}\p{N}]/u.test(t)) out.push(t);
    }
    return out;
  };
  return (text: string) => keep(jieba.cutForSearch(text, true));
}
