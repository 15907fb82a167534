/** Helpers of the seed's data pools, written as space-separated words to keep them compact. */
import type { IndustryKey } from './industries.ts';
import type { County } from './places.ts';

export function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** `刘90 李85` → [['刘', 90], ['李', 85]] */
export function weightedWords(text: string): [string, number][] {
  return words(text).map((w) => {
    const m = /^(\D+)(\d+)$/.exec(w);
    if (!m) throw new Error(`bad weighted word ${w}`);
    return [m[1] as string, Number(m[2])];
  });
}

/** `430102芙蓉区` → { code: '430102', name: '芙蓉区' } */
export function counties(text: string): County[] {
  return words(text).map((w) => ({ code: w.slice(0, 6), name: w.slice(6) }));
}

/** `长沙经济技术开发区430121` → ['长沙经济技术开发区', '430121'] (the zone's county). */
export function parks(text: string): [string, string][] {
  return words(text).map((w) => [w.slice(0, -6), w.slice(-6)]);
}

export function industryWeights(text: string): [IndustryKey, number][] {
  return words(text).map((w) => {
    const [key, weight] = w.split(':');
    return [key as IndustryKey, Number(weight)];
  });
}
