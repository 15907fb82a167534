import { LEVEL_NAMES } from '@hub/vocabulary';
import { builder } from '../builder.ts';

export const SkillLevel = builder.enumType('SkillLevel', {
  description: '职业技能等级: the five levels of the national standard.',
  values: {
    LEVEL_5: { value: 5, description: LEVEL_NAMES[5] },
    LEVEL_4: { value: 4, description: LEVEL_NAMES[4] },
    LEVEL_3: { value: 3, description: LEVEL_NAMES[3] },
    LEVEL_2: { value: 2, description: LEVEL_NAMES[2] },
    LEVEL_1: { value: 1, description: LEVEL_NAMES[1] },
  } as const,
});

export const CertificateStatus = builder.enumType('CertificateStatus', {
  description: 'Whether a certificate stands.',
  values: {
    VALID: { description: '有效' },
    REVOKED: { description: '已撤销: revoked as irregular' },
  } as const,
});

export const EvaluationMethod = builder.enumType('EvaluationMethod', {
  description: '评价方式 (工作指引 四): how a plan evaluates its candidates.',
  values: {
    THEORY_EXAM: { description: '理论知识考试' },
    SKILL_OPERATION: { description: '技能操作考核' },
    INTEGRATED: { description: '理论技能一体化考核 (theory and skill each ≥ 60)' },
    SIMULATION: { description: '模拟操作考核' },
    ON_JOB_TRAINING: { description: '岗位练兵' },
    TECHNICAL_CONTEST: { description: '技术比武' },
    COMPETITION: { description: '竞赛选拔 (按竞赛方案实施)' },
    DIRECT_RECOGNITION: { description: '直接认定 (职业能力评分和业绩评定; 二级/一级 with 现场评审或答辩)' },
    PROCESS_ASSESSMENT: {
      description: '过程化考核: over a period (考核周期), in modules the plan declares, each scored as it is held',
    },
    MODULAR_ASSESSMENT: {
      description:
        '模块化考核: over a period (考核周期), in modules the plan declares, combined by the 工作方案’s rule',
    },
    PERFORMANCE_REVIEW: { description: '业绩评审: a stand-alone review of the worker’s 业绩 (scores PERFORMANCE)' },
  } as const,
});

export const ScorePart = builder.enumType('ScorePart', {
  description: 'A scored part of an evaluation.',
  values: {
    THEORY: { description: '理论知识' },
    SKILL: { description: '技能操作' },
    ABILITY: { description: '职业能力评分 (直接认定)' },
    PERFORMANCE: { description: '业绩评定 (直接认定, 业绩评审)' },
    REVIEW_DEFENCE: { description: '现场评审/答辩 (直接认定二级/一级)' },
  } as const,
});

export const PlanStatus = builder.enumType('PlanStatus', {
  description: 'Where an evaluation plan stands.',
  values: {
    REPORTED: { description: '已报备: reported to the centre; candidates and scores are entered' },
    REVIEWED: { description: '已审核: 评价工作委员会 reviewed the results' },
    PUBLICISED: { description: '已公示: results publicised (公示)' },
    SUBMITTED: { description: '已提交: results submitted to the centre (鉴定中心)' },
    CANCELLED: { description: '已取消: cancelled by the institution after reporting, with its reason' },
  } as const,
});

export const CandidateResult = builder.enumType('CandidateResult', {
  description: 'A candidate’s reviewed result.',
  values: {
    PASSED: { description: '合格' },
    FAILED: { description: '不合格' },
    WITHHELD: { description: '异议成立，不予认定: withheld after an upheld objection' },
  } as const,
});

export const ExceptionalGround = builder.enumType('ExceptionalGround', {
  description: '破格晋升 grounds (不受逐级认定限制).',
  values: {
    MAJOR_PROBLEM_SOLVED: { description: '解决重大工艺技术难题和重大质量问题' },
    PROVINCIAL_AWARD: { description: '技术创新成果获得省部级以上奖项' },
    OUTSTANDING_MENTORING: { description: '“师带徒”业绩突出' },
  } as const,
});

export const ObjectionStatus = builder.enumType('ObjectionStatus', {
  description: 'Where an objection (异议) stands.',
  values: {
    OPEN: { description: '待处理: awaiting the committee' },
    UPHELD: { description: '异议成立' },
    DISMISSED: { description: '异议不成立' },
  } as const,
});

export const AppointmentTitle = builder.enumType('AppointmentTitle', {
  description: 'Posts above 一级 filled by 评聘.',
  values: {
    SPECIAL_TECHNICIAN: { description: '特级技师' },
    CHIEF_TECHNICIAN: { description: '首席技师' },
  } as const,
});

export const StaffRoleRef = builder.enumType('StaffRole', {
  description: '考评人员 and 督导人员 of an institution.',
  values: {
    ASSESSOR: { description: '考评员' },
    SENIOR_ASSESSOR: { description: '高级考评员' },
    QUALITY_SUPERVISOR: { description: '内部质量督导员' },
  } as const,
});

export const NationalUploadState = builder.enumType('NationalUploadState', {
  description: '全国证书查询系统: where a certificate stands with the national query system.',
  values: {
    UPLOADED: { description: '已上报: the national record is up to date' },
    PENDING: { description: '待上报: not uploaded yet, still within the upload deadline' },
    OVERDUE: { description: '逾期未上报: not uploaded and past the upload deadline after issue' },
    NEEDS_CORRECTION: { description: '待更正: revoked after it was uploaded; upload the revocation again' },
    NOT_REQUIRED: { description: '无需上报: revoked before it was ever uploaded' },
  } as const,
});

export const NationalUploadFilter = builder.enumType('NationalUploadFilter', {
  description: 'Which certificates to list by their national upload (证书数据上报).',
  values: {
    NOT_UPLOADED: { description: '未上报: valid and never uploaded (pending and overdue)' },
    OVERDUE: { description: '逾期未上报: not uploaded and past the deadline' },
    NEEDS_CORRECTION: { description: '待更正: revoked after upload, the revocation not uploaded yet' },
  } as const,
});

export const EducationLevel = builder.enumType('EducationLevel', {
  description: '文化程度, lowest first: a 申报条件 naming one is met by it or any above it.',
  values: {
    JUNIOR_HIGH: { description: '初中' },
    SECONDARY: { description: '高中、中专、技工学校' },
    JUNIOR_COLLEGE: { description: '大专（含高级技工学校、技师学院）' },
    BACHELOR: { description: '本科' },
    POSTGRADUATE: { description: '研究生' },
  } as const,
});

export const OtherConditionKind = builder.enumType('OtherConditionKind', {
  description: '申报条件 beyond years and levels held, each with its own value.',
  values: {
    TRAINING_HOURS: { description: '经本职业正规培训达规定标准学时数 (hours)' },
    EDUCATION: { description: '文化程度 at least (education)' },
  } as const,
});

export const InstitutionKind = builder.enumType('InstitutionKind', {
  description:
    '资格类别: the qualification an evaluation plan runs under. 「地方行业龙头企业可另申请备案为社会评价组织」: an enterprise may hold both, each with its own scope and served parties.',
  values: {
    ENTERPRISE_SELF_EVALUATION: {
      description: '企业自主评价: the enterprise’s own workers only; certificates numbered Y…',
    },
    SOCIAL_EVALUATION_ORGANIZATION: {
      description:
        '社会评价组织: its own workers and those of the parties its 社会评价组织 filing serves; certificates numbered S…',
    },
  } as const,
});
