export * from './client.ts';
export * from './migrate.ts';
export * from './paging.ts';
export * from './read/enterprise.ts';
export * from './read/scope.ts';
export { relations } from './relations.ts';
export * from './schema/index.ts';
export * from './seed/index.ts';
export * from './standalone.ts';
