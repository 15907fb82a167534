export * from './hub.ts';
export * from './server.ts';
export { HubDataSource, type SubgraphRequest } from './datasource.ts';
