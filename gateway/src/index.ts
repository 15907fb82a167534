export { HubDataSource, type SubgraphRequest } from './datasource.ts';
export * from './server.ts';
