export { schema } from './schema/index.ts';
export { DEFAULT_PORT, startAssessments as start } from './server.ts';
