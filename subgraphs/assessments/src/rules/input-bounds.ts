import { date, each, type InputBounds, text } from '@hub/platform/rules/bounds';
import { MAX_URL_LENGTH, SECRET_LENGTH } from './webhooks.ts';

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
  // 批量导入 (rules/import.ts): only the absurd is refused here, for the whole request; each row is
  // then held to the single-row bound above (姓名 ≤ 50 …) and reported on its row.
  'ImportWorkerRow.name': text(200, '姓名'),
  'ImportWorkerRow.residentId': text(50, '公民身份号码'),
  'ImportWorkerRow.employedSince': text(50, '入职日期'),
  'ImportWorkerRow.employerCreditCode': text(50, '用人单位统一社会信用代码'),
  'ImportWorkerRow.employerName': text(400, '用人单位名称'),
  'ImportCandidateRow.residentId': text(50, '公民身份号码'),
  'ImportCandidateRow.name': text(200, '姓名'),
  'ImportCandidateRow.exceptionalDetail': text(8000, '破格理由'),
  'ImportCandidateRow.overrideReason': text(4000, '破例参评理由'),
  'ImportScoreRow.residentId': text(50, '公民身份号码'),
  'ImportScoreRow.name': text(200, '姓名'),
  'ImportScoreRow.assessorName': text(200, '考评员'),
  'ImportModuleScoreRow.residentId': text(50, '公民身份号码'),
  'ImportModuleScoreRow.name': text(200, '姓名'),
  'ImportModuleScoreRow.assessorName': text(200, '考评员'),
  'ImportModuleScoreRow.module': text(200, '考核模块'),
  'ImportModuleScoreRow.assessedOn': text(50, '考核日期'),
  // 评价公告, 评价计划, 破格
  'PublishAnnouncementInput.title': text(200, '公告标题'),
  'PublishAnnouncementInput.conditions': text(5000, '申报条件'),
  'PublishAnnouncementInput.process': text(5000, '评价流程'),
  'PublishAnnouncementInput.useOfResults': text(2000, '结果使用'),
  'ReportEvaluationPlanInput.site': text(200, '评价地点'),
  'ReportEvaluationPlanInput.evaluationDate': { ...WORK, label: '评价日期' },
  'ReportEvaluationPlanInput.periodEndsOn': { ...WORK, label: '考核周期最后一天' },
  'PlanModuleInput.name': text(50, '考核模块名称'),
  'ContestRuleInput.scheme': text(200, '竞赛方案名称或文号'),
  'RecordModuleScoresInput.assessedOn': { ...WORK, label: '考核日期' },
  'ExceptionalPromotionInput.detail': text(2000, '破格理由'),
  'AddCandidateInput.overrideReason': text(1000, '破例参评理由'),
  'AdoptWorkSchemeInput.title': text(200, '工作方案名称'),
  'RecordExaminedMaterialInput.reference': text(200, '试卷、题库或评价表编号'),
  'RecordExaminedMaterialInput.version': text(50, '版本'),
  'DirectRecognitionEvidenceInput.title': text(200, '佐证材料名称'),
  'DirectRecognitionEvidenceInput.attachment': text(500, '附件'),
  'RecordReviewDefenceInput.heldOn': { ...WORK, label: '现场评审或答辩日期' },
  'RecordReviewDefenceInput.note': text(1000, '评审意见'),
  // 评价工作委员会
  'AppointCommitteeMemberInput.name': text(50, '姓名'),
  'AppointCommitteeMemberInput.organization': text(100, '单位及职务'),
  'AppointCommitteeMemberInput.joinedOn': { ...WORK, label: '任职日期' },
  'Mutation.removeCommitteeMember.reason': text(1000, '离任理由'),
  'Mutation.removeCommitteeMember.leftOn': { ...WORK, label: '离任日期' },
  // 报备后变更
  'Mutation.reschedulePlan.evaluationDate': { ...WORK, label: '新的评价日期' },
  'Mutation.reschedulePlan.reason': text(1000, '改期理由'),
  'Mutation.cancelPlan.reason': text(1000, '取消理由'),
  'Mutation.withdrawCandidate.reason': text(1000, '退出理由'),
  'Mutation.replacePlanStaff.reason': text(1000, '更换理由'),
  // 职工信息变更
  'UpdateWorkerRecordInput.reason': text(1000, '变更理由'),
  'UpdateWorkerRecordInput.name': text(50, '姓名'),
  'UpdateWorkerRecordInput.employerName': text(100, '用人单位名称'),
  'UpdateWorkerRecordInput.employedSince': { ...PAST, label: '入职日期' },
  'UpdateWorkerRecordInput.employmentEndedOn': { ...PAST, label: '离职日期' },
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
  // 推送地址 (webhooks.ts decides within these: an https URL, a 32–256 character secret)
  'RegisterWebhookInput.url': text(MAX_URL_LENGTH, '推送地址'),
  'RegisterWebhookInput.secret': text(SECRET_LENGTH.max, '签名密钥'),
  'RegisterWebhookInput.description': text(200, '说明'),
  'RegisterWebhookInput.after': text(200, '变更流游标'),
  // 节假日安排
  'LoadHolidayNoticeInput.notice': text(100, '通知文号'),
  'NoticeDayInput.day': date('2004-01-01', { years: 5 }, '日期'),
  'NoticeDayInput.name': text(50, '节日名称'),
};
