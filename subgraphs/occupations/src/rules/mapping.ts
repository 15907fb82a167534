/**
 * The job-role mapping workflow (相邻相近原则): an enterprise proposes "our role X →
 * occupation (work type) Y"; a city centre of its 市州 or the province centre confirms
 * or rejects it, with a reason when rejecting. Plain rules; the schema calls them.
 */
import type { Claims, Refusal } from '@hub/platform';
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH, normalizeText } from './text.ts';

export type MappingStatus = 'PROPOSED' | 'CONFIRMED' | 'REJECTED';
export type Decision = 'CONFIRM' | 'REJECT';

/** The roles that review mappings: a city centre (its own 市州) and the province centre. */
export const MAPPING_REVIEWERS = ['city_center', 'province_center'] as const;

/** Why this caller may not propose a mapping for this enterprise, or null. */
export function proposeRefusal(caller: Claims, enterpriseId: string): Refusal | null {
  if (caller.role !== 'enterprise' && caller.role !== 'hr_partner') {
    return {
      code: 'NOT_PROPOSER',
      message: '只有企业（或其人力资源系统）可以提出岗位映射 / only an enterprise proposes its job-role mappings',
    };
  }
  if (caller.enterpriseId !== enterpriseId) {
    return {
      code: 'NOT_OWN_ENTERPRISE',
      message: '只能为本企业提出岗位映射 / an enterprise proposes mappings for itself only',
      field: 'enterpriseId',
    };
  }
  return null;
}

/** Why a role name or description is unusable, or null. */
export function roleInputRefusal(roleName: string, description?: string | null): Refusal | null {
  const name = normalizeText(roleName);
  if (!name)
    return { code: 'ROLE_NAME_EMPTY', message: '岗位名称不能为空 / the role name is empty', field: 'roleName' };
  if ([...name].length > MAX_TITLE_LENGTH) {
    return {
      code: 'ROLE_NAME_TOO_LONG',
      message: `岗位名称最多 ${MAX_TITLE_LENGTH} 个字 / the role name has at most ${MAX_TITLE_LENGTH} characters`,
      field: 'roleName',
    };
  }
  if (description != null && [...description].length > MAX_DESCRIPTION_LENGTH) {
    return {
      code: 'DESCRIPTION_TOO_LONG',
      message: `岗位描述最多 ${MAX_DESCRIPTION_LENGTH} 个字 / the description has at most ${MAX_DESCRIPTION_LENGTH} characters`,
      field: 'roleDescription',
    };
  }
  return null;
}

/**
 * Why this caller may not decide on this mapping now, or null: only a proposed mapping is
 * decided; a city centre decides for enterprises of its own 市州 (属地管理), the province
 * centre for all; a rejection needs a reason.
 */
export function reviewRefusal(
  caller: Claims,
  mapping: { status: MappingStatus; enterprisePrefecture: string | null },
  decision: Decision,
  reason: string | null | undefined,
): Refusal | null {
  if (!(MAPPING_REVIEWERS as readonly string[]).includes(caller.role)) {
    return {
      code: 'NOT_REVIEWER',
      message: '只有市州或省鉴定中心可以审核岗位映射 / only a city or province centre reviews mappings',
    };
  }
  if (caller.role === 'city_center' && caller.prefecture !== mapping.enterprisePrefecture) {
    return {
      code: 'OUTSIDE_PREFECTURE',
      message:
        '市州鉴定中心只能审核本市州企业的岗位映射（属地管理） / a city centre reviews the enterprises of its own 市州',
    };
  }
  if (mapping.status !== 'PROPOSED') {
    const now = mapping.status === 'CONFIRMED' ? '已确认' : '已驳回';
    return {
      code: 'MAPPING_DECIDED',
      message: `该岗位映射${now}，不能再审核 / the mapping was already ${mapping.status.toLowerCase()}`,
    };
  }
  const why = reason?.trim() ?? '';
  if (decision === 'REJECT' && !why) {
    return { code: 'REASON_REQUIRED', message: '驳回须说明理由 / a rejection needs a reason', field: 'reason' };
  }
  if ([...why].length > 500) {
    return {
      code: 'REASON_TOO_LONG',
      message: '理由最多 500 个字 / the reason has at most 500 characters',
      field: 'reason',
    };
  }
  return null;
}
