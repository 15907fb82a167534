export * from './hub.ts';
export * from './server.ts';
