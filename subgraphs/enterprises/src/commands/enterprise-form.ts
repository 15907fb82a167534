import type { EnterpriseRow } from '../loaders.ts';
import type { EnterpriseInput } from '../rules/enterprise-input.ts';

/** 一、企业基本信息 as the enterprise commands write it: the form as entered, with its 企业性质. */
export type EnterpriseForm = EnterpriseInput & { nature: EnterpriseRow['nature'] };
