export * from './classifier.ts';
export * from './levels.ts';
export * from './lexicon.ts';
export * from './mapping.ts';
export * from './match.ts';
export * from './segment.ts';
export * from './text.ts';
export * from './work-type.ts';
