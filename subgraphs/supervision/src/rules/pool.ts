import { type Claims, type Refusal, refuse } from '@hub/platform';
import { actRefusal } from './access.ts';

/** The pool is kept by the centres: a city centre for its 市州, the province centre for all. */
export function poolRefusal(caller: Claims, prefecture: string | null): Refusal | null {
  if (caller.role !== 'city_center' && caller.role !== 'province_center') {
    return refuse('NOT_A_POOL_KEEPER', '督导队伍由市州和省职业技能鉴定中心管理');
  }
  if (prefecture === null && caller.role !== 'province_center') {
    return refuse('PROVINCE_SCOPE_ONLY', '省级督导人员由省职业技能鉴定中心登记', 'prefecture');
  }
  return prefecture ? actRefusal(caller, prefecture, '该督导人员') : null;
}
