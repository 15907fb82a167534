import { date, type InputBounds, text } from '@hub/platform/rules/bounds';

/**
 * 输入边界 of the enterprises subgraph: every free text and date its mutations take (kit's
 * rules/bounds.ts; checked before the mutation runs, refused by name with nothing written). Where
 * a form rule already limits a field (enterprise-input.ts, filing-input.ts, the specification and
 * credential checks) the bound is that limit, or wider where the rule has a code of its own, so
 * the rule still answers first; so are dates whose future the rule refuses.
 */
export const INPUT_BOUNDS: InputBounds = {
  // 备案申报表 一、企业基本信息 (the same limits as enterpriseInputRefusals)
  'EnterpriseInput.name': text(100, '企业名称'),
  'EnterpriseInput.legalRepresentative': text(50, '法定代表人'),
  'EnterpriseInput.address': text(200, '企业地址'),
  'EnterpriseInput.phone': text(30, '电话'),
  'EnterpriseInput.registrationAuthority': text(100, '注册登记机构'),
  // The form rule refuses a future day itself (FOUNDED_IN_FUTURE, with the form's other problems).
  'EnterpriseInput.foundedOn': date('1900-01-01', { years: 100 }, '成立时间'),
  'EnterpriseInput.mainBusiness': text(500, '主营业务'),
  'EnterpriseInput.headName': text(50, '企业负责人'),
  'EnterpriseInput.headPhone': text(30, '企业负责人联系电话'),
  'EnterpriseInput.contactName': text(50, '联系人'),
  'EnterpriseInput.contactPhone': text(30, '联系人联系电话'),
  'EnterpriseInput.contactTitle': text(50, '联系人职务'),
  'EnterpriseInput.email': text(200, '企业电子邮箱'),
  'EnterpriseInput.prefectureCode': text(20, '所在市州'),
  // 备案 (filingContentRefusals)
  'FilingInput.teamDescription': text(5000, '评价团队'),
  'FilingInput.facilitiesDescription': text(5000, '评价场地、设备设施'),
  'FilingInput.systemsDescription': text(5000, '评价和薪酬制度'),
  'FilingInput.planDescription': text(5000, '下阶段工作计划'),
  'FilingInput.serves': text(5000, '服务对象'),
  'FilingInput.commitmentSigner': text(50, '承诺人'),
  // The form rule refuses a future day itself (SIGNED_IN_FUTURE).
  'FilingInput.commitmentSignedOn': date('2000-01-01', { years: 100 }, '承诺日期'),
  'FilingScopeRowInput.jobRoleName': text(100, '岗位名称'),
  'ServedPartyInput.name': text(200, '服务单位名称'),
  'FilingAttachmentInput.title': text(400, '附件名称'),
  'FilingAttachmentInput.reference': text(1000, '附件地址'),
  'Mutation.reviewFiling.opinion': text(2000, '意见'),
  // 龙头企业依据 (leading-grounds.ts refuses beyond its limits with its own codes)
  'LeadingGroundsInput.industry': text(200, '所属行业'),
  'LeadingGroundsInput.industryPosition': text(4000, '行业地位'),
  'LeadingGroundsInput.chainName': text(400, '牵头的产业链'),
  'LeadingGroundsInput.chainRole': text(4000, '在产业链中的作用'),
  'GroundsEvidenceInput.title': text(400, '证明材料名称'),
  'GroundsEvidenceInput.reference': text(1000, '证明材料地址'),
  'GroundsOpinionInput.opinion': text(4000, '依据审核意见'),
  'Mutation.withdrawFiling.reason': text(2000, '撤回理由'),
  // 注销, 暂停, 恢复 (lifecycle.ts refuses a blank reason and a period outside 1–366 days)
  'Mutation.giveUpQualification.reason': text(2000, '注销理由'),
  'Mutation.suspendInstitution.reason': text(2000, '暂停理由'),
  'Mutation.suspendInstitution.reference': text(200, '决定文号'),
  'Mutation.resumeInstitution.reason': text(2000, '恢复理由'),
  'Mutation.resumeInstitution.reference': text(200, '决定文号'),
  // 企业评价规范
  'Mutation.fileSpecification.title': text(400, '名称'),
  'Mutation.fileSpecification.documentReference': text(1000, '文件地址'),
  'Mutation.reviewSpecification.opinion': text(2000, '意见'),
  // 合作HR系统 API 凭证
  'IssuePartnerCredentialInput.name': text(200, '系统名称'),
  'Mutation.revokePartnerCredential.reason': text(500, '撤销理由'),
};
