export { schema } from './schema/index.ts';
export { DEFAULT_PORT, startEnterprises as start } from './server.ts';
