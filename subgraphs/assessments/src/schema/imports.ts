import { access } from '@hub/platform';
import { builder } from '../builder.ts';
import type { ImportResult } from '../commands/import.ts';
import { importCandidates } from '../commands/import-candidates.ts';
import { importModuleScores } from '../commands/import-module-scores.ts';
import { importScores } from '../commands/import-scores.ts';
import { importWorkers } from '../commands/import-workers.ts';
import { MAX_IMPORT_ROWS, type RowProblem } from '../rules/import.ts';
import { EducationLevel, ExceptionalGround, ScorePart } from './enums.ts';
import { payloadType } from './payload.ts';

/**
 * 批量导入: the bulk mutations behind Excel 导入 (the gateway's POST /uploads/<kind> reads a sheet
 * and calls one of them with the caller's token), open to any GraphQL client as well. A row's
 * values are as typed into a sheet and each may be missing — resident IDs, credit codes and dates
 * are text — so that every problem is reported on its row instead of refusing the whole request.
 */

const ROW_NUMBER = 'The row’s number in the caller’s sheet, named in the report; default its place in `rows`, from 1.';

const ImportProblem = builder.objectRef<RowProblem>('ImportProblem').implement({
  description: 'One problem of one row of an import: which row, which field, the rule’s code and words.',
  fields: (t) => ({
    row: t.exposeInt('row', {
      description: 'The row’s number (as given in the row, else its place in `rows` from 1).',
    }),
    field: t.exposeString('field', { nullable: true, description: 'The row’s field at fault (residentId, name …).' }),
    code: t.exposeString('code', {
      description: 'The rule’s stable code: the single-row command’s where one applies (WORKER_ALREADY_RECORDED …).',
    }),
    message: t.exposeString('message', { description: 'What is wrong, for the person who fills the sheet.' }),
  }),
});

const ImportPayload = payloadType<ImportResult>(
  'ImportPayload',
  'What a bulk import did: every row written (imported = checked), or none (errors holds IMPORT_REFUSED and problems names each row).',
  (t) => ({
    imported: t.exposeInt('imported', { description: 'Rows written: all of them, or 0.' }),
    checked: t.exposeInt('checked', { description: 'Rows checked.' }),
    dryRun: t.exposeBoolean('dryRun', { description: 'True when only checked, as asked: nothing was written.' }),
    problems: t.field({
      type: [ImportProblem],
      description: 'Every problem of every row, by row; empty when the rows are all right.',
      resolve: (p) => p.problems,
    }),
  }),
);

const ImportWorkerRow = builder.inputType('ImportWorkerRow', {
  description: '职工名单 row: registerWorker’s input as typed into a sheet.',
  fields: (t) => ({
    row: t.int({ required: false, description: ROW_NUMBER }),
    name: t.string({ required: false, description: '姓名' }),
    residentId: t.string({ required: false, description: '公民身份号码 (checked by its GB 11643 check character)' }),
    employedSince: t.string({
      required: false,
      description: '入职日期: 2020-03-01 (also 2020/3/1, 2020.3.1, 2020年3月1日)',
    }),
    dispatched: t.boolean({ required: false, description: '劳务派遣人员 (default false)' }),
    employerCreditCode: t.string({
      required: false,
      description: '用人单位统一社会信用代码 (GB 32100); omit for the institution’s own worker',
    }),
    employerName: t.string({ required: false, description: '用人单位名称; omit for the institution’s own worker' }),
  }),
});

const ImportCandidateRow = builder.inputType('ImportCandidateRow', {
  description: '参评人员 row: a worker of the institution by resident ID, with 破格 grounds when any.',
  fields: (t) => ({
    row: t.int({ required: false, description: ROW_NUMBER }),
    residentId: t.string({ required: false, description: '公民身份号码 of a worker the institution recorded' }),
    name: t.string({ required: false, description: '姓名, checked against the worker’s record' }),
    exceptionalGround: t.field({ type: ExceptionalGround, required: false, description: '破格条件' }),
    exceptionalDetail: t.string({ required: false, description: '破格理由 (with a 破格条件; at least 10 characters)' }),
    tradeYears: t.float({ required: false, description: '申报信息: 从事本职业（工种）工作年限 (whole years, 0–60)' }),
    trainingHours: t.float({ required: false, description: '申报信息: 本职业培训学时 (whole hours, 0–10000)' }),
    education: t.field({ type: EducationLevel, required: false, description: '申报信息: 文化程度' }),
    overrideReason: t.string({
      required: false,
      description: '破例参评理由: admits a worker who does not meet the 工作方案’s 申报条件 (at least 10 characters)',
    }),
  }),
});

const ImportScoreRow = builder.inputType('ImportScoreRow', {
  description: '评分 row: one assessor’s score of one part for one candidate of the plan.',
  fields: (t) => ({
    row: t.int({ required: false, description: ROW_NUMBER }),
    residentId: t.string({ required: false, description: '公民身份号码 of a candidate of the plan' }),
    name: t.string({ required: false, description: '姓名, checked against the worker’s record when given' }),
    assessorName: t.string({
      required: false,
      description: '考评员 of the plan: their name, or their id when two share it',
    }),
    part: t.field({ type: ScorePart, required: false, description: '评分项目' }),
    score: t.float({ required: false, description: '分数 (0–100)' }),
  }),
});

const ImportModuleScoreRow = builder.inputType('ImportModuleScoreRow', {
  description: '模块评分 row: one assessor’s score of one module for one candidate of a 过程化/模块化考核 plan.',
  fields: (t) => ({
    row: t.int({ required: false, description: ROW_NUMBER }),
    residentId: t.string({ required: false, description: '公民身份号码 of a candidate of the plan' }),
    name: t.string({ required: false, description: '姓名, checked against the worker’s record when given' }),
    assessorName: t.string({
      required: false,
      description: '考评员 of the plan: their name, or their id when two share it',
    }),
    module: t.string({ required: false, description: '考核模块: its name on the plan' }),
    score: t.float({ required: false, description: '分数 (0–100)' }),
    assessedOn: t.string({
      required: false,
      description:
        '考核日期 (2027-06-25, 2027/6/25 or 2027年6月25日): within the plan’s period, not after today; empty: today',
    }),
  }),
});

const ROWS = `The rows (at most ${MAX_IMPORT_ROWS}).`;
const DRY_RUN = 'Only check the rows and report; write nothing (default false).';

builder.mutationFields((t) => ({
  importWorkers: t.field({
    type: ImportPayload,
    description:
      '职工名单导入: registerWorker for many rows in one transaction — every row checked first (resident IDs, credit codes, dates, the same person twice in the file or already recorded), then all written, or none with a report by row.',
    authScopes: access('Mutation.importWorkers'),
    args: {
      rows: t.arg({ type: [ImportWorkerRow], required: true, description: ROWS }),
      dryRun: t.arg.boolean({ required: false, description: DRY_RUN }),
    },
    resolve: (_r, args, ctx) => importWorkers(ctx, args),
  }),
  importCandidates: t.field({
    type: ImportPayload,
    description:
      '参评人员导入: addCandidate for many workers of the institution (by resident ID) in one transaction — addCandidate’s rules on every row, the same worker twice or already on the plan named — all written, or none with a report by row.',
    authScopes: access('Mutation.importCandidates'),
    args: {
      planId: t.arg.id({ required: true, description: 'The plan (reported, before its report deadline)' }),
      rows: t.arg({ type: [ImportCandidateRow], required: true, description: ROWS }),
      dryRun: t.arg.boolean({ required: false, description: DRY_RUN }),
    },
    resolve: (_r, args, ctx) => importCandidates(ctx, args),
  }),
  importScores: t.field({
    type: ImportPayload,
    description:
      '评分导入: recordScores for many rows in one transaction — candidates by resident ID, 考评员 by name or id, recordScores’ rules on every row — all written (a part already scored by the same assessor is replaced), or none with a report by row.',
    authScopes: access('Mutation.importScores'),
    args: {
      planId: t.arg.id({ required: true, description: 'The plan (from its evaluation date, before review)' }),
      rows: t.arg({ type: [ImportScoreRow], required: true, description: ROWS }),
      dryRun: t.arg.boolean({ required: false, description: DRY_RUN }),
    },
    resolve: (_r, args, ctx) => importScores(ctx, args),
  }),
  importModuleScores: t.field({
    type: ImportPayload,
    description:
      '模块评分导入 (过程化/模块化考核): recordModuleScores for many rows in one transaction — candidates by resident ID, 考评员 by name or id, modules by name, each assessed within the period and not after today — all written (a module already scored by the same assessor is replaced), or none with a report by row.',
    authScopes: access('Mutation.importModuleScores'),
    args: {
      planId: t.arg.id({ required: true, description: 'The 过程化/模块化考核 plan (before review)' }),
      rows: t.arg({ type: [ImportModuleScoreRow], required: true, description: ROWS }),
      dryRun: t.arg.boolean({ required: false, description: DRY_RUN }),
    },
    resolve: (_r, args, ctx) => importModuleScores(ctx, args),
  }),
}));
