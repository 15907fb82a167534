export * from './client.ts';
export * from './loaders.ts';
export * from './migrate.ts';
export * from './paging.ts';
export * from './pii.ts';
export * from './prepared.ts';
export * from './read/assessment.ts';
export * from './read/assessment-signals.ts';
export * from './read/calendar.ts';
export * from './read/dictionary.ts';
export * from './read/enterprise.ts';
export * from './read/enterprise-catalog.ts';
export * from './read/occupation.ts';
export * from './read/scope.ts';
export * from './read/statistics.ts';
export * from './read/supervision.ts';
export { relations } from './relations.ts';
export * from './replica.ts';
export * from './schema/index.ts';
export { DictionaryFileError, type DictionaryRow, parseDictionary } from './seed/dictionary.ts';
export * from './seed/index.ts';
export {
  bumpIndexRevision,
  type ImportSummary,
  importDictionary,
  type WorkTypeReference,
  workTypeReference,
} from './seed/occupations.ts';
export * from './standalone.ts';
export * from './tx.ts';
export * from './write/audit.ts';
export * from './write/feed.ts';
export * from './write/partner-credentials.ts';
export * from './write/pii-keys.ts';
export * from './write/qualification.ts';
export * from './write/webhooks.ts';
