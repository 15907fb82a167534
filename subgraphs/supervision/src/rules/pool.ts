import { type Claims, type Refusal, refuse } from '@hub/platform';
import { actRefusal } from './access.ts';

/** The pool is kept by the centres: a city centre for its 市州, the province centre for all. */
export function poolRefusal(caller: Claims, prefecture: string | null): Refusal | null {
  if (caller.role !== 'city_center' && caller.role !== 'province_center') {
    return refuse('NOT_A_POOL_KEEPER', 'the pool is kept by the city and province appraisal centres');
  }
  if (prefecture === null && caller.role !== 'province_center') {
    return refuse('PROVINCE_SCOPE_ONLY', 'province-level members are registered by the province centre', 'prefecture');
  }
  return prefecture ? actRefusal(caller, prefecture, 'this pool member') : null;
}
