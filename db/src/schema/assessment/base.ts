import { pgSchema } from 'drizzle-orm/pg-core';

/**
 * 评价计划、成绩、公示、证书: the assessments domain. Rows name enterprises by id
 * and occupations by code only; facts of those domains are read through db/src/read.
 * Resident IDs (公民身份号码) are never stored in clear: `*_resident_id_enc` holds them
 * AES-256-GCM encrypted and `*_resident_id_hmac` their keyed hash for lookups (db/src/pii.ts).
 */
export const assessmentSchema = pgSchema('assessment');

export const evaluationMethod = assessmentSchema.enum('evaluation_method', [
  'THEORY_EXAM', // 理论知识考试
  'SKILL_OPERATION', // 技能操作考核
  'INTEGRATED', // 理论技能一体化
  'SIMULATION', // 模拟操作
  'ON_JOB_TRAINING', // 岗位练兵
  'TECHNICAL_CONTEST', // 技术比武
  'COMPETITION', // 竞赛选拔
  'DIRECT_RECOGNITION', // 直接认定
  'PROCESS_ASSESSMENT', // 过程化考核 (over a period, in declared modules)
  'MODULAR_ASSESSMENT', // 模块化考核 (over a period, in declared modules)
  'PERFORMANCE_REVIEW', // 业绩评审
]);

export const certificateStatus = assessmentSchema.enum('certificate_status', ['VALID', 'REVOKED']);
