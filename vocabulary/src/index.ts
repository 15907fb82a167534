export * from './clock.ts';
export * from './credit-code.ts';
export * from './levels.ts';
export * from './mask.ts';
export * from './methods.ts';
export * from './prefectures.ts';
export * from './resident-id.ts';
export * from './roles.ts';
