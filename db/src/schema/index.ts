export * from './assessment.ts';
export * from './audit.ts';
export * from './enterprise.ts';
export * from './feed.ts';
export * from './occupation.ts';
export * from './supervision.ts';
