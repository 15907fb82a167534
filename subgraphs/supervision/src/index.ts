export { schema } from './schema/index.ts';
export { DEFAULT_PORT, startSupervision as start } from './server.ts';
