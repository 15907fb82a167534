import { builder } from '../builder.ts';

export const CaseSource = builder.enumType('CaseSource', {
  description: '案件来源: how the case came to the authorities.',
  values: {
    RANDOM_INSPECTION: { description: '随机抽查 (双随机、一公开)' },
    PERIODIC_INSPECTION: { description: '定期检查' },
    SPECIAL_INSPECTION: { description: '专项督查' },
    COMPLAINT: { description: '职工投诉' },
    MEDIA_REPORT: { description: '媒体反映' },
    RISK_SIGNAL: { description: '风险信号 raised by the hub' },
  } as const,
});

export const ViolationType = builder.enumType('ViolationType', {
  description: '违规类型 named by 湘人社发〔2024〕26号 三(四) and 工作指引 五(十).',
  values: {
    LOWERED_STANDARDS: { description: '降低标准' },
    DELEGATED_AUTHORITY: { description: '将认定权限授权或委托给其他机构' },
    TRANSFERRED_AUTHORITY: { description: '将认定权限转让给其他机构' },
    OUT_OF_SCOPE: { description: '超范围认定' },
    BROKEN_COMMITMENT: { description: '不履行工作承诺' },
    DISHONESTY: { description: '违规失信' },
    UNFAIR_COMPETITION: { description: '恶性竞争' },
    MISMANAGEMENT: { description: '管理失序' },
    IRREGULAR_CERTIFICATES: { description: '违规发放职业技能等级证书' },
  } as const,
});

export const CaseStatus = builder.enumType('CaseStatus', {
  description: '案件状态: where a supervision case stands.',
  values: {
    OPEN: { description: '已立案' },
    INVESTIGATING: { description: '调查核实中' },
    RECTIFICATION_ORDERED: { description: '责令限期整改, with a deadline' },
    RECTIFIED: { description: '已整改 (verified by the authority before the deadline)' },
    ESCALATED: {
      description:
        '升级处理: deadline passed unrectified, or 问题严重 (findings; under a rectification order, new ones)',
    },
    CLOSED: { description: '已结案' },
    QUALIFICATION_REVOKED: { description: '取消备案资质: the institution left the catalog' },
    TRANSFERRED: { description: '移交纪检监察或司法机关, with the receiving body' },
  } as const,
});

export const InspectionKind = builder.enumType('InspectionKind', {
  description: '检查类型: the three ways of 质量督导 named in 三(四).',
  values: {
    RANDOM_INSPECTION: { description: '随机抽查 (双随机、一公开)' },
    PERIODIC_INSPECTION: { description: '定期检查' },
    SPECIAL_INSPECTION: { description: '专项督查' },
  } as const,
});

export const InspectionOutcome = builder.enumType('InspectionOutcome', {
  description: '检查结果',
  values: {
    NO_ISSUES: { description: '未发现问题' },
    ISSUES_FOUND: { description: '发现问题' },
  } as const,
});
