export { schema } from './schema/index.ts';
export { DEFAULT_PORT, startOccupations as start } from './server.ts';
