import type { Claims, Role } from './auth.ts';

/**
 * Which records a caller may read, by the house rules: an enterprise (and its
 * partner HR systems) its own; a city centre or a city inspector its own 市州
 * (属地管理); the province, the ministry, province inspectors and admins all.
 */
export type Reach =
  | { kind: 'all' }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'prefecture'; prefecture: string }
  | { kind: 'none' };

export function reachOf(caller: Claims): Reach {
  switch (caller.role) {
    case 'enterprise':
    case 'hr_partner':
      return caller.enterpriseId ? { kind: 'enterprise', enterpriseId: caller.enterpriseId } : { kind: 'none' };
    case 'city_center':
      return caller.prefecture ? { kind: 'prefecture', prefecture: caller.prefecture } : { kind: 'none' };
    case 'inspector':
      return caller.prefecture ? { kind: 'prefecture', prefecture: caller.prefecture } : { kind: 'all' };
    case 'province_center':
    case 'ministry':
    case 'admin':
      return { kind: 'all' };
    default:
      return { kind: 'none' };
  }
}

/** True when the caller may read a record of this enterprise in this 市州. */
export function canReach(caller: Claims, record: { enterpriseId: string; prefectureCode: string }): boolean {
  const reach = reachOf(caller);
  switch (reach.kind) {
    case 'all':
      return true;
    case 'enterprise':
      return reach.enterpriseId === record.enterpriseId;
    case 'prefecture':
      return reach.prefecture === record.prefectureCode;
    default:
      return false;
  }
}

/** Roles that may read individual records at all (each within its reach); dashboards read statistics only. */
export const RECORD_READERS = [
  'enterprise',
  'hr_partner',
  'city_center',
  'province_center',
  'ministry',
  'inspector',
  'admin',
] as const satisfies readonly Role[];

/** Authorities that may see unmasked personal data of any record they can reach. */
export function isAuthority(caller: Claims): boolean {
  return ['city_center', 'province_center', 'ministry', 'inspector', 'admin'].includes(caller.role);
}
