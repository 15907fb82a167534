import { date, each, type InputBounds, text } from '@hub/platform/rules/bounds';
import { MAX_COMPLAINT_LENGTH } from './complaint.ts';

/**
 * 输入边界 of the supervision subgraph: every free text and date its mutations take (kit's
 * rules/bounds.ts; checked before the mutation runs, refused by name with nothing written). The
 * complaint rules (complaint.ts) answer with codes of their own: those bounds are wider, so the
 * rules still answer first. Dates of the work (检查期间, 整改期限) lie within ten years of today.
 */
const WORK = date({ years: -10 }, { years: 10 });

export const INPUT_BOUNDS: InputBounds = {
  // 投诉, 媒体报道
  'ComplaintInput.content': text(2 * MAX_COMPLAINT_LENGTH, '投诉内容'),
  'ComplaintInput.complainantName': text(100, '投诉人'),
  'ComplaintInput.complainantContact': text(100, '联系方式'),
  'MediaReportInput.mediaOutlet': text(100, '媒体'),
  'MediaReportInput.mediaReference': text(500, '报道链接'),
  'MediaReportInput.publishedOn': date('1990-01-01', { years: 0 }, '报道日期'),
  'MediaReportInput.content': text(5000, '报道内容'),
  'Mutation.triageComplaint.note': text(2000, '分办意见'),
  'Mutation.openCaseFromComplaint.summary': text(2000, '案情摘要'),
  'Mutation.openCaseFromSignal.key': text(200, '线索'),
  'Query.complaintStatus.receiptNumber': text(40, '受理编号'),
  'Query.complaintStatus.checkCode': text(40, '查询码'),
  // 案件
  'OpenCaseInput.summary': text(2000, '案情摘要'),
  'CaseFindingInput.description': text(2000, '违规事实'),
  'CaseFindingInput.evidence': text(2000, '证据'),
  'Mutation.startInvestigation.note': text(2000, '调查说明'),
  'Mutation.orderRectification.requirements': text(5000, '整改要求'),
  'Mutation.orderRectification.dueOn': { ...WORK, label: '整改期限' },
  'Mutation.recordRectification.report': text(5000, '整改报告'),
  'Mutation.escalateCase.reason': text(2000, '理由'),
  'Mutation.revokeQualification.reason': text(2000, '理由'),
  'Mutation.closeCase.conclusion': text(5000, '结案意见'),
  'Mutation.transferCase.receivingBody': text(200, '移送机关'),
  'Mutation.transferCase.reason': text(2000, '移送理由'),
  'Mutation.orderCertificateRevocation.numbers': each(1000, text(30, '证书编号')),
  'Mutation.orderCertificateRevocation.reason': text(2000, '理由'),
  'Mutation.decideCertificatesAfterRevocation.reason': text(2000, '理由'),
  // 双随机检查, 外部督导
  'InspectionCampaignInput.title': text(200, '检查名称'),
  'InspectionCampaignInput.prefecture': text(20, '市州'),
  'InspectionCampaignInput.periodStartsOn': { ...WORK, label: '检查开始日期' },
  'InspectionCampaignInput.periodEndsOn': { ...WORK, label: '检查结束日期' },
  'InspectionCampaignInput.seed': text(200, '随机种子'),
  'Mutation.recordInspectionResult.summary': text(5000, '检查结果'),
  'InspectorInput.name': text(50, '姓名'),
  'InspectorInput.prefecture': text(20, '市州'),
  'InspectorInput.qualifications': each(50, text(100, '资质')),
  'InspectorInput.occupationCodes': each(200, text(20, '职业编码')),
  'Mutation.dispatchExternalSupervisors.seed': text(200, '随机种子'),
  'Mutation.recordSupervisionFindings.findings': text(5000, '督导发现'),
  'Mutation.recordSupervisionFindings.evidence': text(5000, '证据'),
};
