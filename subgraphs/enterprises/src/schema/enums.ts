import { builder } from '../builder.ts';

export const EnterpriseNature = builder.enumType('EnterpriseNature', {
  description: '企业性质: the ownership nature of an enterprise.',
  values: {
    STATE_OWNED: { description: '国有' },
    PRIVATE: { description: '民营' },
    FOREIGN: { description: '外资' },
    MIXED: { description: '混合所有制' },
    OTHER: { description: '其他' },
  } as const,
});

export const EnterpriseAffiliation = builder.enumType('EnterpriseAffiliation', {
  description: 'Whom the enterprise files with: its 市州 centre, or straight with the province.',
  values: {
    LOCAL: { description: '属地企业: files with the 市州 centre of its prefecture' },
    PROVINCIAL: { description: '省属企业: may file straight with the province centre, or with its 市州 centre' },
    CENTRAL: {
      description: '中央在湘企业: files with its 市州 centre, unless the province recorded otherwise (provinceRoute)',
    },
  } as const,
});

export const FilingKind = builder.enumType('FilingKind', {
  description: 'What the enterprise files to become.',
  values: {
    ENTERPRISE_SELF_EVALUATION: { description: '企业自主评价: evaluates its own workers' },
    SOCIAL_EVALUATION_ORGANIZATION: {
      description: '社会评价组织: a leading enterprise evaluating for its supply chain, SMEs and partner schools',
    },
  } as const,
});

export const FilingStatus = builder.enumType('FilingStatus', {
  description: '备案 workflow state.',
  values: {
    DRAFT: { description: '草稿: not yet submitted' },
    SUBMITTED: { description: '已提交: waiting for the reviewing centre' },
    CITY_REVIEWED: { description: '市州鉴定中心已出具意见' },
    PROVINCE_REVIEWED: { description: '省鉴定中心已出具意见' },
    CONFIRMED: { description: '人社部备案确认: in the 全省技能人才自主评价机构目录' },
    REJECTED: { description: '退回: may be amended and resubmitted' },
    SUSPENDED: { description: '暂停: suspended by a supervision decision' },
    REVOKED: { description: '取消备案资质: revoked by a supervision decision; out of the catalog' },
    WITHDRAWN: { description: '撤回: withdrawn by the enterprise before a decision; it may file again' },
    CANCELLED: { description: '注销: the enterprise gave its qualification up; out of the catalog' },
  } as const,
});

export const FilingRoute = builder.enumType('FilingRoute', {
  description: '申报途径: who gives the first opinion on a filing.',
  values: {
    CITY: { description: '经所在市州职业技能鉴定中心: the ordinary route' },
    PROVINCE: {
      description: '直接向省职业技能鉴定中心: 省属企业 (its choice), or a 中央在湘企业 the province recorded so',
    },
  } as const,
});

export const SkillLevel = builder.enumType('SkillLevel', {
  description: '职业技能等级: the five levels of the national standard.',
  values: {
    LEVEL_5: { value: 5, description: '五级/初级工' },
    LEVEL_4: { value: 4, description: '四级/中级工' },
    LEVEL_3: { value: 3, description: '三级/高级工' },
    LEVEL_2: { value: 2, description: '二级/技师' },
    LEVEL_1: { value: 1, description: '一级/高级技师' },
  } as const,
});

export const QualificationStatus = builder.enumType('QualificationStatus', {
  description: 'Standing in the 全省技能人才自主评价机构目录, whatever filing is under review.',
  values: {
    NONE: { description: '未备案: never confirmed' },
    CONFIRMED: { description: '已备案: in the catalog, may evaluate within its confirmed scope' },
    SUSPENDED: { description: '暂停: listed, but may not evaluate until reinstated' },
    REVOKED: { description: '取消备案资质: out of the catalog' },
    CANCELLED: { description: '注销: given up by the enterprise; out of the catalog, may file again' },
  } as const,
});

export const EvaluationBasis = builder.enumType('EvaluationBasis', {
  description: '评价依据 of a scope row.',
  values: {
    NATIONAL_STANDARD: { description: '国家职业技能标准' },
    ENTERPRISE_SPECIFICATION: { description: '企业评价规范 (filed with and approved by the authorities first)' },
  } as const,
});

export const ReviewDecision = builder.enumType('ReviewDecision', {
  description: 'A reviewing authority’s decision on a filing or specification.',
  values: {
    APPROVE: { description: '同意: pass it on (or confirm, at the last step)' },
    REJECT: { description: '退回: send it back with reasons' },
  } as const,
});

export const ServedPartyKind = builder.enumType('ServedPartyKind', {
  description: 'Whom a 社会评价组织 serves (湘人社发〔2024〕26号 一(二)).',
  values: {
    SUPPLY_CHAIN: { description: '产业链供应链上下游企业' },
    SME: { description: '中小微企业' },
    SCHOOL: { description: '已签订校企合作协议的院校' },
  } as const,
});

export const SpecificationStatus = builder.enumType('SpecificationStatus', {
  description: '企业评价规范 review state.',
  values: {
    SUBMITTED: { description: '已报备, awaiting review' },
    APPROVED: { description: '已备案: may be the basis of a scope row' },
    REJECTED: { description: '退回' },
  } as const,
});

export const LeadingPositionScope = builder.enumType('LeadingPositionScope', {
  description: '龙头企业依据: how far the enterprise’s leading position in its industry reaches.',
  values: {
    NATIONAL: { description: '全国行业龙头' },
    PROVINCIAL: { description: '全省行业龙头' },
    PREFECTURAL: { description: '市州行业龙头' },
  } as const,
});
