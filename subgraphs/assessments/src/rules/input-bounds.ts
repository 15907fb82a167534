import { date, each, type InputBounds, text } from '@hub/platform/rules/bounds';

/**
 * 输入边界 of the assessments subgraph: every free text and date its mutations take (kit's
 * rules/bounds.ts; checked before the mutation runs, refused by name with nothing written). The
 * domain's own rules (plan.ts, publicity.ts …) still decide within these bounds. Dates a person
 * lived (入职, 发证) lie between 1950 and today; dates of the work (评价, 公示, 聘期) within ten years
 * either side of today.
 */
const PAST = date('1950-01-01', { years: 0 });
const WORK = date({ years: -10 }, { years: 10 });

export const INPUT_BOUNDS: InputBounds = {
  // 职工 (registerWorker)
  'RegisterWorkerInput.name': text(50, '姓名'),
  'RegisterWorkerInput.employerName': text(100, '用人单位名称'),
  'RegisterWorkerInput.employedSince': { ...PAST, label: '入职日期' },
  'DeclaredCredentialInput.number': text(50, '证书编号'),
  'DeclaredCredentialInput.issuer': text(100, '发证机构'),
  'DeclaredCredentialInput.issuedOn': { ...PAST, label: '发证日期' },
  'RegisterAssessorInput.name': text(50, '姓名'),
  // 评价公告, 评价计划, 破格
  'PublishAnnouncementInput.title': text(200, '公告标题'),
  'PublishAnnouncementInput.conditions': text(5000, '申报条件'),
  'PublishAnnouncementInput.process': text(5000, '评价流程'),
  'PublishAnnouncementInput.useOfResults': text(2000, '结果使用'),
  'ReportEvaluationPlanInput.site': text(200, '评价地点'),
  'ReportEvaluationPlanInput.evaluationDate': { ...WORK, label: '评价日期' },
  'ExceptionalPromotionInput.detail': text(2000, '破格理由'),
  'AdoptWorkSchemeInput.title': text(200, '工作方案名称'),
  // 报备后变更
  'Mutation.reschedulePlan.evaluationDate': { ...WORK, label: '新的评价日期' },
  'Mutation.reschedulePlan.reason': text(1000, '改期理由'),
  'Mutation.cancelPlan.reason': text(1000, '取消理由'),
  'Mutation.withdrawCandidate.reason': text(1000, '退出理由'),
  // 成绩, 公示, 异议
  'Mutation.reviewResults.note': text(1000, '审核意见'),
  'Mutation.startPublicity.startsOn': { ...WORK, label: '公示开始日期' },
  'Mutation.startPublicity.endsOn': { ...WORK, label: '公示结束日期' },
  'Mutation.raiseObjection.raisedBy': text(50, '异议人'),
  'Mutation.raiseObjection.content': text(2000, '异议内容'),
  'Mutation.resolveObjection.resolution': text(2000, '处理结果'),
  // 证书
  'Mutation.recordUpload.numbers': each(10_000, text(30, '证书编号')),
  'Mutation.recordUpload.batchReference': text(100, '上传批次号'),
  'Mutation.revokeCertificate.number': text(30, '证书编号'),
  'Mutation.revokeCertificate.reason': text(1000, '撤销理由'),
  // 技能人才评聘, 档案
  'AppointTechnicianInput.termStartsOn': { ...WORK, label: '聘期开始' },
  'AppointTechnicianInput.termEndsOn': { ...WORK, label: '聘期结束' },
  'Mutation.destroyPlanRecords.entry': text(500, '销毁登记'),
  // 节假日安排
  'LoadHolidayNoticeInput.notice': text(100, '通知文号'),
  'NoticeDayInput.day': date('2004-01-01', { years: 5 }, '日期'),
  'NoticeDayInput.name': text(50, '节日名称'),
};
