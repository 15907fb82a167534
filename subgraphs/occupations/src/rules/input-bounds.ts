import { type InputBounds, text } from '@hub/platform/rules/bounds';
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from './text.ts';

/**
 * 输入边界 of the occupations subgraph: every free text its mutations and queries take (kit's rules/bounds.ts;
 * checked before the mutation runs, refused by name with nothing written). The domain's rules
 * (work-type.ts, mapping.ts) count characters by code point and answer with codes of their own:
 * the bounds are twice their limits in UTF-16 units, so the rules still answer first.
 */
export const INPUT_BOUNDS: InputBounds = {
  'Mutation.addWorkType.name': text(60, '工种名称'),
  'Mutation.proposeJobRoleMapping.roleName': text(2 * MAX_TITLE_LENGTH, '岗位名称'),
  'Mutation.proposeJobRoleMapping.roleDescription': text(2 * MAX_DESCRIPTION_LENGTH, '岗位描述'),
  'Mutation.confirmJobRoleMapping.reason': text(1000, '理由'),
  'Mutation.rejectJobRoleMapping.reason': text(1000, '理由'),
  'Mutation.setSkillMark.reason': text(1000, '理由'),
  // 职业匹配 and the dictionary search (queries)
  'Query.matchOccupations.title': text(2 * MAX_TITLE_LENGTH, '岗位名称'),
  'Query.matchOccupations.description': text(2 * MAX_DESCRIPTION_LENGTH, '岗位描述'),
};
