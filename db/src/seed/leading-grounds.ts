/**
 * The 龙头企业 grounds of each seeded 社会评价组织 filing (#24 point 5): its industry and position,
 * the chain it leads, the evidence, and the 市州 and province centres' opinions on them on the
 * review steps that passed it. Drawn from its own random stream so the other stages stay as they were.
 */
import type { filingGroundsEvidence, filingLeadingGrounds } from '../schema/enterprise.ts';
import type { EnterpriseData } from './enterprises.ts';
import type { IndustryKey } from './names.ts';
import type { Rng } from './random.ts';

export type LeadingGroundsRow = typeof filingLeadingGrounds.$inferInsert;
export type GroundsEvidenceRow = typeof filingGroundsEvidence.$inferInsert;

/** The 湖南 产业链 an enterprise of each industry leads. */
const CHAINS: Record<IndustryKey, [industry: string, chain: string]> = {
  machinery: ['工程机械制造', '工程机械产业链'],
  rail: ['轨道交通装备制造', '先进轨道交通装备产业链'],
  aviation: ['航空装备制造', '航空航天（含北斗）产业链'],
  carbide: ['硬质合金及有色金属加工', '先进硬质材料产业链'],
  steel: ['钢铁冶炼及压延加工', '精品钢材产业链'],
  electrical: ['输变电装备制造', '电力装备产业链'],
  chemical: ['石油化工', '石化产业链'],
  electronics: ['电子信息制造', '新型显示器件产业链'],
  battery: ['新能源电池材料', '新能源与储能产业链'],
  auto: ['汽车及零部件制造', '新能源汽车产业链'],
  food: ['食品加工', '绿色食品产业链'],
  tea: ['茶叶加工', '茶叶产业链'],
  ceramics: ['陶瓷制造', '先进陶瓷产业链'],
  pharma: ['医药制造', '生物医药产业链'],
  construction: ['建筑施工', '装配式建筑产业链'],
  power: ['电力生产与供应', '新能源与电力产业链'],
  textile: ['纺织服装', '纺织服装产业链'],
  hardware: ['五金制品制造', '智能制造装备产业链'],
  logistics: ['现代物流', '现代物流产业链'],
  hospitality: ['住宿餐饮', '文化旅游产业链'],
  smart: ['智能装备制造', '智能制造装备产业链'],
  mining: ['有色金属采选', '有色金属产业链'],
  fireworks: ['烟花爆竹制造', '烟花爆竹产业链'],
};

export function generateLeadingGrounds(rng: Rng, org: EnterpriseData) {
  const grounds: LeadingGroundsRow[] = [];
  const evidence: GroundsEvidenceRow[] = [];
  org.filings.forEach((filing, i) => {
    const facts = org.facts[i];
    if (!facts || filing.kind !== 'SOCIAL_EVALUATION_ORGANIZATION') return;
    const [industry, chain] = CHAINS[facts.industry.key];
    const provincial = rng.chance(0.6);
    const rank = rng.int(1, 5);
    const share = rng.int(8, 35);
    const partners = rng.int(30, 180);
    grounds.push({
      filingId: filing.id as string,
      industry,
      positionScope: provincial ? 'PROVINCIAL' : 'PREFECTURAL',
      industryPosition: `近三年营业收入居${provincial ? '全省' : facts.place.name}同行业第 ${rank} 位，主导产品市场占有率约 ${share}%。`,
      chainName: `湖南省${chain}`,
      chainRole: `${provincial ? '省级' : '市级'}链主企业，带动上下游配套企业 ${partners} 家，与 ${rng.int(1, 4)} 所职业院校签订校企合作协议。`,
    });
    evidence.push(
      {
        id: rng.uuid(),
        filingId: filing.id as string,
        title: `${provincial ? '省级' : '市级'}产业链链主企业认定文件`,
        reference: `doc://grounds/${filing.id}/chain-leader`,
      },
      {
        id: rng.uuid(),
        filingId: filing.id as string,
        title: '行业协会出具的行业排名证明',
        reference: `doc://grounds/${filing.id}/ranking`,
      },
    );
    // The centres that passed it gave their opinion on the grounds.
    for (const t of org.transitions) {
      if (t.filingId !== filing.id) continue;
      if (t.toStatus === 'CITY_REVIEWED' || t.toStatus === 'PROVINCE_REVIEWED') {
        t.groundsAccepted = true;
        t.groundsOpinion =
          t.toStatus === 'CITY_REVIEWED'
            ? '链主企业认定文件和行业排名证明属实，龙头企业依据成立。'
            : '经复核，龙头企业依据充分，同意。';
      }
    }
  });
  return { grounds, evidence };
}
