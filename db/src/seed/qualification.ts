/**
 * What the demo seed adds around each filing: catalog standing on the enterprise,
 * an approved 企业评价规范 behind every scope row based on one, and the partners a
 * 社会评价组织 serves. Drawn from its own random stream so the other stages stay as they were.
 */
import { makeCreditCode } from '@hub/vocabulary/credit-code';
import type { enterpriseSpecifications, filingServedParties } from '../schema/enterprise.ts';
import type { EnterpriseData } from './enterprises.ts';
import { PARTNER_SCHOOLS, PLACES } from './names.ts';
import type { Rng } from './random.ts';

export type SpecificationRow = typeof enterpriseSpecifications.$inferInsert;
export type ServedPartyRow = typeof filingServedParties.$inferInsert;

const BODY_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const PARTNER_WORDS = ['精工', '鑫达', '华兴', '恒通', '宏远', '顺达', '兴业', '联创', '博远', '天一', '嘉禾', '瑞丰'];
const PARTNER_TRADES = ['机械配件', '电子元件', '模具', '包装材料', '物流', '铸造', '表面处理', '线缆'];

function body(rng: Rng) {
  return Array.from({ length: 8 }, () => rng.pick([...BODY_ALPHABET])).join('');
}

export function generateFilingExtras(rng: Rng, org: EnterpriseData) {
  const specifications: SpecificationRow[] = [];
  const servedParties: ServedPartyRow[] = [];
  const usedCodes = new Set(org.enterprises.map((e) => e.creditCode));
  const newCode = (authority: string, kind: string, division: string) => {
    for (;;) {
      const code = makeCreditCode(authority, kind, division, body(rng));
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };

  org.enterprises.forEach((e, i) => {
    const facts = org.facts[i];
    const filing = org.filings[i];
    if (!facts || !filing) return;
    // Catalog standing follows the filing's history.
    e.qualification = facts.revokedOn
      ? 'REVOKED'
      : facts.suspendedOn
        ? 'SUSPENDED'
        : facts.confirmedOn
          ? 'CONFIRMED'
          : 'NONE';
    e.qualifiedAt = filing.confirmedAt ?? null;

    const filedAt = (filing.submittedAt ?? filing.createdAt) as Date;
    for (const scope of org.scopes.filter((s) => s.filingId === filing.id && s.basis === 'ENTERPRISE_SPECIFICATION')) {
      const id = rng.uuid();
      const reviewedAt = addDaysToDate(filedAt, -rng.int(10, 60));
      specifications.push({
        id,
        enterpriseId: e.id as string,
        title: `${e.name}${scope.occupationName}职业技能等级评价规范`,
        occupationCode: scope.occupationCode,
        workTypeCode: scope.workTypeCode ?? null,
        levels: scope.levels,
        documentReference: `doc://specifications/${id}`,
        status: 'APPROVED',
        reviewedBy: '湖南省职业技能鉴定中心',
        reviewOpinion: '经审核，同意备案，可作为考核评价依据。',
        reviewedAt,
        createdAt: addDaysToDate(reviewedAt, -rng.int(5, 20)),
      });
      scope.specificationId = id;
    }

    if (filing.kind === 'SOCIAL_EVALUATION_ORGANIZATION') {
      const division = PLACES.find((p) => p.code === e.prefectureCode)?.code ?? '430100';
      const partners = rng.int(2, 4);
      for (let k = 0; k < partners; k++) {
        const sme = rng.chance(0.4);
        servedParties.push({
          id: rng.uuid(),
          filingId: filing.id as string,
          creditCode: newCode('9', '1', division),
          name: `${facts.place.name.replace(/市|土家族苗族自治州/, '')}${rng.pick(PARTNER_WORDS)}${rng.pick(PARTNER_TRADES)}有限公司`,
          kind: sme ? 'SME' : 'SUPPLY_CHAIN',
        });
      }
      for (const school of rng.sample(PARTNER_SCHOOLS, rng.int(1, 2))) {
        servedParties.push({
          id: rng.uuid(),
          filingId: filing.id as string,
          creditCode: newCode('1', '2', '430000'),
          name: school,
          kind: 'SCHOOL',
        });
      }
    }
  });
  return { specifications, servedParties };
}

function addDaysToDate(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}
