export * from './clock.ts';
export * from './methods.ts';
