/** Chinese names of the API's enum values, as the notice and the forms write them. */

export const LEVEL_NAMES: Record<string, string> = {
  LEVEL_5: '五级/初级工',
  LEVEL_4: '四级/中级工',
  LEVEL_3: '三级/高级工',
  LEVEL_2: '二级/技师',
  LEVEL_1: '一级/高级技师',
};

export const METHOD_NAMES: Record<string, string> = {
  THEORY_EXAM: '理论知识考试',
  SKILL_OPERATION: '技能操作考核',
  INTEGRATED: '理论技能一体化考核',
  SIMULATION: '模拟操作考核',
  ON_JOB_TRAINING: '岗位练兵',
  TECHNICAL_CONTEST: '技术比武',
  COMPETITION: '竞赛选拔',
  DIRECT_RECOGNITION: '直接认定',
  PROCESS_ASSESSMENT: '过程化考核',
  MODULAR_ASSESSMENT: '模块化考核',
  PERFORMANCE_REVIEW: '业绩评审',
};

export const NATURE_NAMES: Record<string, string> = {
  STATE_OWNED: '国有',
  PRIVATE: '民营',
  FOREIGN: '外资',
  MIXED: '混合所有制',
  OTHER: '其他',
};

export const FILING_STATUS_NAMES: Record<string, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交，待市州审核',
  CITY_REVIEWED: '市州已审核，待省审核',
  PROVINCE_REVIEWED: '省已审核，待备案确认',
  CONFIRMED: '已备案',
  REJECTED: '未通过',
  SUSPENDED: '暂停',
  REVOKED: '取消备案资质',
  WITHDRAWN: '已撤回',
  CANCELLED: '已注销',
};

export const FILING_KIND_NAMES: Record<string, string> = {
  ENTERPRISE_SELF_EVALUATION: '企业自主评价',
  SOCIAL_EVALUATION_ORGANIZATION: '社会培训评价组织',
};

export const BASIS_NAMES: Record<string, string> = {
  NATIONAL_STANDARD: '国家职业技能标准',
  ENTERPRISE_SPECIFICATION: '企业评价规范',
};

export const SERVED_NAMES: Record<string, string> = {
  SUPPLY_CHAIN: '产业链供应链上下游企业',
  SME: '中小微企业',
  SCHOOL: '校企合作院校',
};

export const POSITION_SCOPE_NAMES: Record<string, string> = {
  NATIONAL: '全国行业龙头',
  PROVINCIAL: '全省行业龙头',
  PREFECTURAL: '市州行业龙头',
};

export const PLAN_STATUS_NAMES: Record<string, string> = {
  REPORTED: '已报备',
  REVIEWED: '已审核',
  PUBLICISED: '公示中',
  SUBMITTED: '结果已提交',
  CANCELLED: '已取消',
};

export const CASE_STATUS_NAMES: Record<string, string> = {
  OPEN: '已立案',
  INVESTIGATING: '调查中',
  RECTIFICATION_ORDERED: '责令整改',
  RECTIFIED: '已整改',
  ESCALATED: '升级处理',
  CLOSED: '已结案',
  QUALIFICATION_REVOKED: '取消备案资质',
  TRANSFERRED: '已移送',
};

export const CASE_SOURCE_NAMES: Record<string, string> = {
  RANDOM_INSPECTION: '随机抽查',
  PERIODIC_INSPECTION: '定期检查',
  SPECIAL_INSPECTION: '专项督查',
  COMPLAINT: '职工投诉',
  MEDIA_REPORT: '媒体反映',
  RISK_SIGNAL: '风险信号',
};

export const VIOLATION_NAMES: Record<string, string> = {
  LOWERED_STANDARDS: '降低标准',
  DELEGATED_AUTHORITY: '授权或委托其他机构认定',
  TRANSFERRED_AUTHORITY: '转让认定权限',
  OUT_OF_SCOPE: '超范围认定',
  BROKEN_COMMITMENT: '不履行工作承诺',
  DISHONESTY: '违规失信',
  UNFAIR_COMPETITION: '恶性竞争',
  MISMANAGEMENT: '管理失序',
  IRREGULAR_CERTIFICATES: '违规发放证书',
};

export const SIGNAL_NAMES: Record<string, string> = {
  OUT_OF_SCOPE_CERTIFICATES: '超范围发证',
  HIGH_LEVEL_SHARE: '高等级证书占比异常',
  LATE_RESULT_SUBMISSION: '逾期提交评价结果',
  SHORT_PUBLICITY: '公示期不足',
  MISSING_EXTERNAL_SUPERVISION: '缺少外派督导',
  OVERDUE_NATIONAL_UPLOAD: '证书逾期未上报全国系统',
};

export const COMPLAINT_STATUS_NAMES: Record<string, string> = {
  RECEIVED: '待受理',
  ACCEPTED: '已受理',
  DISMISSED: '不予受理',
  CONVERTED: '已立案',
};

export const CAMPAIGN_KIND_NAMES: Record<string, string> = {
  RANDOM_INSPECTION: '随机抽查',
  PERIODIC_INSPECTION: '定期检查',
  SPECIAL_INSPECTION: '专项督查',
};

export const OUTCOME_NAMES: Record<string, string> = { NO_ISSUES: '未发现问题', ISSUES_FOUND: '发现问题' };

export const QUALIFICATION_NAMES: Record<string, string> = {
  NONE: '未备案',
  CONFIRMED: '已备案',
  SUSPENDED: '暂停',
  REVOKED: '取消备案资质',
  CANCELLED: '已注销',
};

export const name = (names: Record<string, string>, code: string | null | undefined) =>
  code ? (names[code] ?? code) : '—';
