import { ROLES, type Role } from './auth.ts';

/**
 * The access matrix (权限矩阵): for every root field of the supergraph, what each role — and the
 * public caller without a token — may do with it. The subgraphs' root fields take their
 * `authScopes` from here (`access(...)`), the README renders it (`pnpm --filter @hub/platform run
 * access-table`) and `test/access-matrix.test.ts` sends every field as every caller through the
 * gateway and checks the door against it.
 *
 * Levels:
 * - `allowed`: any record (the province, the ministry, admins; public facts for everyone);
 * - `own_enterprise`: only the caller's enterprise's records (本企业);
 * - `own_prefecture`: only records of the caller's 市州 (属地管理); an inspector without a 市州 is
 *   province-level and reaches all;
 * - `denied`: refused at the door with FORBIDDEN (UNAUTHENTICATED without a token).
 * The door is enforced here; the reach (own enterprise / own 市州) is enforced by the resolvers
 * with `reachOf` / `canReach` and the domains' rules, and named in the same terms.
 */
export type AccessLevel = 'allowed' | 'own_enterprise' | 'own_prefecture' | 'denied';

/** Who calls: a role of the token, or `public` (no token). */
export type Caller = Role | 'public';
export const CALLERS = ['public', ...ROLES] as const satisfies readonly Caller[];

export type AccessRow = Readonly<Record<Caller, AccessLevel>>;

const NOBODY: AccessRow = {
  public: 'denied',
  enterprise: 'denied',
  hr_partner: 'denied',
  city_center: 'denied',
  province_center: 'denied',
  ministry: 'denied',
  inspector: 'denied',
  dashboard: 'denied',
  admin: 'denied',
};

/** Public facts: everyone, with or without a token. */
const OPEN: AccessRow = {
  public: 'allowed',
  enterprise: 'allowed',
  hr_partner: 'allowed',
  city_center: 'allowed',
  province_center: 'allowed',
  ministry: 'allowed',
  inspector: 'allowed',
  dashboard: 'allowed',
  admin: 'allowed',
};

/** Any caller with a token; nothing record-bound. */
const SIGNED_IN: AccessRow = { ...OPEN, public: 'denied' };

/** Records (记录): an enterprise (and its HR system) its own, a 市州 authority its 市州, the province all; dashboards read statistics only. */
const RECORDS: AccessRow = {
  ...NOBODY,
  enterprise: 'own_enterprise',
  hr_partner: 'own_enterprise',
  city_center: 'own_prefecture',
  province_center: 'allowed',
  ministry: 'allowed',
  inspector: 'own_prefecture',
  admin: 'allowed',
};

/** The evaluating institution (评价机构) acting for itself: the enterprise or its partner HR system. */
const INSTITUTION: AccessRow = { ...NOBODY, enterprise: 'own_enterprise', hr_partner: 'own_enterprise' };

/** The enterprise itself files (备案); a partner HR system may not. */
const ENTERPRISE_ONLY: AccessRow = { ...NOBODY, enterprise: 'own_enterprise' };

/** Supervision acts (督导): inspectors and centres, a city one in its 市州; the ministry and admins read only. */
const SUPERVISE: AccessRow = {
  ...NOBODY,
  inspector: 'own_prefecture',
  city_center: 'own_prefecture',
  province_center: 'allowed',
};

/** Supervision records: the supervising authorities (by 属地) plus the ministry and admins. */
const SUPERVISION_READ: AccessRow = { ...SUPERVISE, ministry: 'allowed', admin: 'allowed' };

/** The centres' reviews (审核): the city centre of the record's 市州, the province centre. */
const CENTRES: AccessRow = { ...NOBODY, city_center: 'own_prefecture', province_center: 'allowed' };

/** Keepers of the occupation dictionary (职业分类大典): the province centre and admins. */
const DICTIONARY_KEEPERS: AccessRow = { ...NOBODY, province_center: 'allowed', admin: 'allowed' };

/** Administration of the hub itself (partner credentials). */
const ADMIN_ONLY: AccessRow = { ...NOBODY, admin: 'allowed' };

export const ACCESS_MATRIX = {
  // ── assessments: 评价计划、成绩、公示、证书 ──
  'Query.planReportDeadline': OPEN, // 报备截止日
  'Query.resultSubmissionDeadline': OPEN, // 结果提交截止日
  'Query.holidayCalendar': OPEN, // 节假日
  'Query.certificate': RECORDS, // 证书
  'Query.certificates': RECORDS,
  'Query.worker': RECORDS, // 职工
  'Query.evaluationPlan': RECORDS, // 评价计划
  'Query.evaluationPlans': RECORDS,
  'Query.verifyCertificate': OPEN, // 证书查询 (masked)
  'Query.verifyCertificatesByIdentity': OPEN,
  'Query.assessmentStatistics': {
    // 评价统计
    ...NOBODY,
    dashboard: 'allowed',
    city_center: 'own_prefecture',
    province_center: 'allowed',
    ministry: 'allowed',
    admin: 'allowed',
  },
  'Mutation.loadHolidayNotice': { ...NOBODY, province_center: 'allowed', ministry: 'allowed', admin: 'allowed' },
  'Mutation.registerWorker': INSTITUTION,
  'Mutation.registerAssessor': INSTITUTION, // 考评员
  'Mutation.publishAnnouncement': INSTITUTION, // 评价公告
  'Mutation.reportEvaluationPlan': INSTITUTION, // 报备评价计划
  'Mutation.addCandidate': INSTITUTION, // 参评人员
  'Mutation.recordScores': INSTITUTION, // 评分
  'Mutation.recordModuleScores': INSTITUTION, // 模块评分 (过程化/模块化考核)
  'Mutation.recordContestPlacing': INSTITUTION, // 竞赛名次或奖项
  'Mutation.importWorkers': INSTITUTION, // 批量导入 (Excel 导入)
  'Mutation.importCandidates': INSTITUTION,
  'Mutation.importScores': INSTITUTION,
  'Mutation.importModuleScores': INSTITUTION, // 模块评分导入
  'Mutation.reviewResults': ENTERPRISE_ONLY, // 评价工作委员会审核签署: never a partner HR system
  'Mutation.startPublicity': INSTITUTION, // 公示
  'Mutation.raiseObjection': INSTITUTION, // 异议
  'Mutation.resolveObjection': INSTITUTION,
  'Mutation.submitResults': INSTITUTION, // 提交结果
  'Mutation.reschedulePlan': INSTITUTION, // 改期
  'Mutation.cancelPlan': INSTITUTION, // 取消计划
  'Mutation.withdrawCandidate': INSTITUTION, // 参评人员退出
  'Mutation.replacePlanStaff': INSTITUTION, // 更换考评员或内部质量督导员
  'Mutation.updateWorkerRecord': INSTITUTION, // 职工信息变更: 离职, 姓名更正
  'Mutation.adoptWorkScheme': INSTITUTION, // 工作方案
  'Mutation.recordExaminedMaterial': INSTITUTION, // 评价内容: 试卷、题库、评价表
  'Mutation.recordCandidateEvidence': INSTITUTION, // 直接认定佐证材料
  'Mutation.recordReviewDefence': INSTITUTION, // 现场评审或答辩记录
  'Mutation.appointCommitteeMember': ENTERPRISE_ONLY, // 评价工作委员会委员任命
  'Mutation.removeCommitteeMember': ENTERPRISE_ONLY, // 委员离任
  'Mutation.issueCertificates': INSTITUTION, // 发证
  'Mutation.issueCertificate': INSTITUTION,
  'Mutation.recordUpload': INSTITUTION, // 上报
  'Mutation.revokeCertificate': RECORDS, // 撤销证书
  'Mutation.appointTechnician': INSTITUTION, // 评聘
  'Mutation.destroyPlanRecords': INSTITUTION, // 档案销毁
  'Query.certificateEvents': INSTITUTION, // 变更推送: the institution's own feed, for its partner HR systems
  'Query.planEvents': INSTITUTION,
  'Query.candidateResultEvents': INSTITUTION,
  'Query.webhooks': INSTITUTION, // 推送地址 and their delivery logs
  'Mutation.registerWebhook': INSTITUTION, // a partner registers its endpoint (a read-only credential may not)
  'Mutation.pauseWebhook': INSTITUTION,
  'Mutation.resumeWebhook': INSTITUTION,
  'Mutation.removeWebhook': INSTITUTION,

  // ── enterprises: 企业与备案 ──
  'Query.enterprise': RECORDS,
  'Query.enterprises': RECORDS,
  'Query.catalog': OPEN, // 全省技能人才自主评价机构目录
  'Query.filing': RECORDS, // 备案
  'Query.filings': RECORDS,
  'Mutation.registerEnterprise': { ...CENTRES, enterprise: 'own_enterprise', admin: 'allowed' },
  'Mutation.updateEnterprise': { ...CENTRES, enterprise: 'own_enterprise', admin: 'allowed' },
  'Mutation.createFiling': ENTERPRISE_ONLY,
  'Mutation.updateFiling': ENTERPRISE_ONLY,
  'Mutation.submitFiling': ENTERPRISE_ONLY,
  'Mutation.reviewFiling': { ...CENTRES, ministry: 'allowed' }, // 市州 → 省 → 人社部备案确认
  'Mutation.withdrawFiling': ENTERPRISE_ONLY, // 撤回, before a decision
  'Mutation.giveUpQualification': ENTERPRISE_ONLY, // 注销
  'Mutation.suspendInstitution': CENTRES, // 暂停, a 市州 centre in its 市州
  'Mutation.resumeInstitution': CENTRES, // 恢复
  'Mutation.setProvinceRoute': { ...NOBODY, province_center: 'allowed', admin: 'allowed' }, // 中央在湘 straight to the province
  'Mutation.fileSpecification': ENTERPRISE_ONLY, // 企业评价规范
  'Mutation.reviewSpecification': CENTRES,
  'Query.partnerCredentials': { ...NOBODY, enterprise: 'own_enterprise', admin: 'allowed' }, // 合作HR系统 API 凭证
  'Mutation.issuePartnerCredential': ADMIN_ONLY,
  'Mutation.revokePartnerCredential': ADMIN_ONLY,

  // ── occupations: 职业分类大典 and 岗位映射 ──
  'Query.occupation': OPEN,
  'Query.occupations': OPEN,
  'Query.workType': OPEN, // 工种
  'Query.skillLadder': OPEN,
  'Query.matchOccupations': SIGNED_IN, // 相邻相近原则
  'Query.jobRoleMapping': RECORDS,
  'Query.jobRoleMappings': RECORDS,
  'Mutation.addWorkType': DICTIONARY_KEEPERS,
  'Mutation.setStandardLevels': DICTIONARY_KEEPERS,
  'Mutation.setSkillMark': DICTIONARY_KEEPERS, // 技能类职业: the province centre corrects a 职业's mark
  'Mutation.proposeJobRoleMapping': INSTITUTION,
  'Mutation.confirmJobRoleMapping': CENTRES,
  'Mutation.rejectJobRoleMapping': CENTRES,

  // ── supervision: 督导与案件 ──
  'Query.supervisionCase': RECORDS, // 案件
  'Query.supervisionCases': SUPERVISION_READ,
  'Query.inspectors': SUPERVISION_READ, // 督导队伍
  'Query.inspectionCampaigns': { ...OPEN, city_center: 'own_prefecture', inspector: 'own_prefecture' }, // 双随机、一公开
  'Query.inspectionCampaign': { ...OPEN, city_center: 'own_prefecture', inspector: 'own_prefecture' },
  'Query.complaints': SUPERVISION_READ, // 投诉
  'Query.complaintStatus': OPEN, // 投诉进度查询: by 受理编号 and 查询码
  'Query.riskSignals': SUPERVISION_READ, // 风险信号
  'Query.externalSupervision': RECORDS, // 外部质量督导
  'Mutation.openCase': SUPERVISE, // 立案
  'Mutation.startInvestigation': SUPERVISE,
  'Mutation.recordFinding': SUPERVISE,
  'Mutation.orderRectification': SUPERVISE, // 责令整改
  'Mutation.recordRectification': SUPERVISE,
  'Mutation.escalateCase': SUPERVISE,
  'Mutation.revokeQualification': SUPERVISE, // 取消备案资质
  'Mutation.closeCase': SUPERVISE,
  'Mutation.transferCase': SUPERVISE, // 移交
  'Mutation.registerInspector': CENTRES,
  'Mutation.setInspectorActive': CENTRES,
  'Mutation.createInspectionCampaign': SUPERVISE,
  'Mutation.drawInspectionCampaign': SUPERVISE,
  'Mutation.publishInspectionCampaign': SUPERVISE,
  'Mutation.recordInspectionResult': SUPERVISE,
  'Mutation.submitComplaint': OPEN, // 职工投诉
  'Mutation.recordMediaReport': SUPERVISE, // 媒体反映
  'Mutation.triageComplaint': SUPERVISE, // 受理 / 不予受理
  'Mutation.openCaseFromComplaint': SUPERVISE,
  'Mutation.openCaseFromSignal': SUPERVISE,
  'Mutation.dispatchExternalSupervisors': SUPERVISE, // 派遣外部质量督导员
  'Mutation.recordSupervisionFindings': SUPERVISE,
  'Mutation.orderCertificateRevocation': SUPERVISE,
  'Mutation.decideCertificatesAfterRevocation': CENTRES, // 取消资质后的证书
  'Query.auditEvents': { ...NOBODY, province_center: 'allowed', admin: 'allowed' }, // 审计日志
} as const satisfies Record<`${'Query' | 'Mutation'}.${string}`, AccessRow>;

export type Operation = keyof typeof ACCESS_MATRIX;

/** What a row leaves open beyond its level: shown with the table. */
export const ACCESS_NOTES: Partial<Record<Operation, string>> = {
  'Query.enterprise': 'listed institutions (目录) to every signed-in caller',
  'Query.supervisionCase': 'an enterprise: its own cases once notified',
  'Query.inspectionCampaigns': 'published campaigns (一公开) to everyone',
  'Query.inspectionCampaign': 'published campaigns (一公开) to everyone',
  'Query.verifyCertificate': 'names masked',
  'Query.verifyCertificatesByIdentity': 'names masked',
  'Mutation.reviewFiling': 'each authority at its own step',
  'Mutation.registerEnterprise': 'an enterprise: itself only, signed in with its legal-person identity (法人认证)',
  'Mutation.withdrawFiling': 'before a decision',
  'Query.catalog': 'confirmed and suspended institutions only',
  'Mutation.submitComplaint': 'returns a receipt only',
};

/** The level of one caller for one operation. */
export const accessLevel = (operation: Operation, caller: Caller): AccessLevel => ACCESS_MATRIX[operation][caller];

/** The callers the door lets through (every level but `denied`). */
export function admittedCallers(operation: Operation): Caller[] {
  const row: AccessRow = ACCESS_MATRIX[operation];
  return CALLERS.filter((c) => row[c] !== 'denied');
}

/**
 * The Pothos `authScopes` of a root field, from the matrix: `authScopes: access('Mutation.submitFiling')`.
 * An operation missing from the matrix is a type error.
 */
export const access = (operation: Operation) => ({ callers: admittedCallers(operation) });

const SHORT: Record<AccessLevel, string> = {
  allowed: 'yes',
  own_enterprise: 'own enterprise',
  own_prefecture: 'own 市州',
  denied: '—',
};

/** The matrix as a markdown table (README "Access matrix"), in the matrix's order. */
export function accessTableMarkdown(): string {
  const head = `| operation | ${CALLERS.join(' | ')} | note |`;
  const rule = `| --- | ${CALLERS.map(() => '---').join(' | ')} | --- |`;
  const rows = (Object.keys(ACCESS_MATRIX) as Operation[]).map((op) => {
    const row: AccessRow = ACCESS_MATRIX[op];
    return `| \`${op}\` | ${CALLERS.map((c) => SHORT[row[c]]).join(' | ')} | ${ACCESS_NOTES[op] ?? ''} |`;
  });
  return [head, rule, ...rows].join('\n');
}

/**
 * Compares the root fields of a schema (`Query.x`, `Mutation.y`) with the matrix: a field without a
 * row (a new field nobody decided on) and a row without a field (a renamed or removed one) are both
 * problems.
 */
export function matrixCoverage(
  rootFields: readonly string[],
  matrix: Readonly<Record<string, unknown>> = ACCESS_MATRIX,
) {
  const rows = new Set(Object.keys(matrix));
  const fields = new Set(rootFields);
  return {
    missing: rootFields.filter((f) => !rows.has(f)).sort(),
    unknown: [...rows].filter((r) => !fields.has(r)).sort(),
  };
}

/** README markers around the generated table. */
export const ACCESS_TABLE_START =
  '<!-- access-matrix:start (generated: pnpm --filter @hub/platform run access-table) -->';
export const ACCESS_TABLE_END = '<!-- access-matrix:end -->';
