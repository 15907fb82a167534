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
    PROVINCIAL: { description: '省属企业: files straight with the province centre' },
    CENTRAL: { description: '中央在湘企业: files straight with the province centre' },
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
  } as const,
});
