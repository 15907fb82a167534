/**
 * Who calls the hub: the roles a caller token carries. The gateway verifies the token and passes
 * the claims on; each root field's door (the access matrix) and each record's reach are stated in
 * these words.
 */
export const ROLES = [
  'enterprise', // 企业 (its own records)
  'hr_partner', // partner HR system bound to one enterprise (machine client)
  'city_center', // 市州职业技能鉴定中心
  'province_center', // 省职业技能鉴定中心
  'ministry', // 人社部
  'inspector', // 督导 (city-level with a prefecture, province-level without)
  'dashboard', // statistics dashboards
  'admin',
] as const;

export type Role = (typeof ROLES)[number];
