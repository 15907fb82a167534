export { HubDataSource, type SubgraphRequest } from './datasource.ts';
export * from './hub.ts';
export * from './server.ts';
