/**
 * 评价计划、成绩、公示、证书: the assessments domain's tables, one file per part (assessment/):
 * the pg schema and its shared enums, the official calendar, people, announcements and plans,
 * candidates and results, certificates and what follows them. Rows name enterprises by id and
 * occupations by code only; facts of those domains are read through db/src/read. Resident IDs
 * (公民身份号码) are never stored in clear: `*_resident_id_enc` holds them AES-256-GCM encrypted
 * and `*_resident_id_hmac` their keyed hash for lookups (db/src/pii.ts).
 */
export * from './assessment/base.ts';
export * from './assessment/calendar.ts';
export * from './assessment/certificates.ts';
export * from './assessment/modules.ts';
export * from './assessment/people.ts';
export * from './assessment/plans.ts';
export * from './assessment/results.ts';
