/**
 * Demo enterprises and their filings (备案): scope rows, narrative sections, the signed
 * commitment and every workflow transition, consistent with each filing's status.
 */
import { makeCreditCode } from '@hub/vocabulary/credit-code';
import type { enterprises, filingScopes, filings, filingTransitions } from '../schema/enterprise.ts';
import { DEMO_CONFIRMED_BY, DEMO_CONFIRMED_DAYS_AGO, DEMO_FROM } from './demo.ts';
import { timeline, type ViolationType } from './filing-timeline.ts';
import {
  brand,
  COMMON_OCCUPATIONS,
  CONTACT_TITLES,
  COUNTY_ROADS,
  INDUSTRIES,
  type Industry,
  LEGAL_FORMS,
  landline,
  mobilePhone,
  PARTNER_SCHOOLS,
  PLACES,
  type Prefecture,
  personName,
} from './names.ts';
import type { OccupationReference } from './occupations.ts';
import { addDays, addYears, apportion, maxDate, minDate, officeTime, prevWorkday, type Rng } from './random.ts';

export type EnterpriseRow = typeof enterprises.$inferInsert;
export type FilingRow = typeof filings.$inferInsert;
export type ScopeRow = typeof filingScopes.$inferInsert;
export type TransitionRow = typeof filingTransitions.$inferInsert;

type Status = NonNullable<FilingRow['status']>;
type Kind = FilingRow['kind'];
type Affiliation = NonNullable<EnterpriseRow['affiliation']>;
type Nature = EnterpriseRow['nature'];

/** What later stages (plans, certificates, cases) need to know about an enterprise. */
export interface EnterpriseFacts {
  id: string;
  name: string;
  creditCode: string;
  place: Prefecture;
  address: string;
  industry: Industry;
  affiliation: Affiliation;
  kind: Kind;
  status: Status;
  skilledWorkerCount: number;
  institutionCode: string | null;
  /** Date the filing was confirmed (CONFIRMED, SUSPENDED, REVOKED). */
  confirmedOn: string | null;
  suspendedOn: string | null;
  revokedOn: string | null;
  /** The violation behind a suspension or revocation. */
  violation: ViolationType | null;
  scopes: { occupationCode: string; occupationName: string; levels: number[] }[];
  /**
   * The story institution (the first enterprise of 长沙, 企业自主评价, confirmed): it holds a plan in
   * every state today and, from DEMO_FROM on, the demo certificate (institution code 010001).
   */
  story: boolean;
}

export interface EnterpriseData {
  enterprises: EnterpriseRow[];
  filings: FilingRow[];
  scopes: ScopeRow[];
  transitions: TransitionRow[];
  facts: EnterpriseFacts[];
}

const BODY_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'; // 0-9A-Z without I, O, S, V, Z

const NATURE_WEIGHTS: Record<Affiliation, readonly (readonly [Nature, number])[]> = {
  LOCAL: [
    ['PRIVATE', 55],
    ['STATE_OWNED', 15],
    ['MIXED', 12],
    ['FOREIGN', 8],
    ['OTHER', 10],
  ],
  PROVINCIAL: [
    ['STATE_OWNED', 70],
    ['MIXED', 30],
  ],
  CENTRAL: [
    ['STATE_OWNED', 80],
    ['MIXED', 20],
  ],
};

/** Founded between so many years before today (the older bound first). */
const FOUNDED: Record<Nature, readonly [number, number]> = {
  STATE_OWNED: [77, 14],
  PRIVATE: [39, 3],
  FOREIGN: [35, 5],
  MIXED: [32, 4],
  OTHER: [47, 3],
};

const LEVEL_SETS: readonly (readonly [number[], number])[] = [
  [[5, 4, 3], 40],
  [[5, 4, 3, 2, 1], 30],
  [[5, 4, 3, 2], 20],
  [[4, 3, 2, 1], 5],
  [[3, 2, 1], 5],
];

function uniquePush(set: Set<string>, make: () => string): string {
  for (;;) {
    const v = make();
    if (!set.has(v)) {
      set.add(v);
      return v;
    }
  }
}

/** Occupations an enterprise files: from its industry first, some shared ones, now and then anything skilled. */
function chooseScopes(rng: Rng, industry: Industry, ref: OccupationLookup): EnterpriseFacts['scopes'] {
  const count = rng.weightedPairs([
    [1, 25],
    [2, 35],
    [3, 25],
    [4, 15],
  ] as const);
  const own = industry.occupations.filter((n) => ref.byName.has(n));
  const common = COMMON_OCCUPATIONS.filter((n) => ref.byName.has(n));
  const chosen: string[] = [];
  for (let guard = 0; chosen.length < count && guard < 50; guard++) {
    let name: string;
    const r = rng.float();
    if (r < 0.72 && own.length)
      name = rng.weighted(
        own,
        own.map((_, i) => 1 / (1 + i * 0.35)),
      );
    else if (r < 0.95 && common.length) name = rng.pick(common);
    else name = rng.pick(ref.skillNames);
    if (!chosen.includes(name)) chosen.push(name);
  }
  return chosen.map((name) => ({
    occupationCode: ref.byName.get(name) as string,
    occupationName: name,
    levels: rng.weightedPairs(LEVEL_SETS).slice(),
  }));
}

export interface OccupationLookup {
  byName: Map<string, string>;
  skillNames: string[];
}

/** Skill occupations (职业, codes 4-, 5-, 6-) by name; the first code wins where a name repeats. */
export function occupationLookup(reference: readonly OccupationReference[]): OccupationLookup {
  const byName = new Map<string, string>();
  for (const o of reference) {
    if (o.level === 4 && /^[456]-/.test(o.code) && !byName.has(o.name)) byName.set(o.name, o.code);
  }
  return { byName, skillNames: [...byName.keys()] };
}

function enterpriseName(rng: Rng, place: Prefecture, industry: Industry, affiliation: Affiliation, b: string): string {
  const core = rng.pick(industry.cores);
  if (affiliation === 'CENTRAL') {
    return rng.chance(0.5) ? `中国${b}${core}集团${place.short}有限公司` : `中${b}${core}（湖南）有限公司`;
  }
  if (affiliation === 'PROVINCIAL') return `湖南${rng.chance(0.4) ? '省' : ''}${b}${core}集团有限公司`;
  const region = rng.chance(0.45) ? '湖南' : place.short;
  return `${region}${b}${core}${rng.pick(LEGAL_FORMS)}`;
}

function registrationAuthority(place: Prefecture, division: string, affiliation: Affiliation): string {
  if (affiliation !== 'LOCAL') return '湖南省市场监督管理局';
  const county = place.counties.find((c) => c.code === division);
  if (!county) return `${place.name}市场监督管理局`;
  return county.name.endsWith('区') ? `${place.name}${county.name}市场监督管理局` : `${county.name}市场监督管理局`;
}

function narratives(rng: Rng, industry: Industry, scopes: EnterpriseFacts['scopes'], skilled: number) {
  const assessors = rng.int(8, 60);
  const senior = rng.int(2, Math.max(2, Math.floor(assessors / 3)));
  const supervisors = rng.int(2, 8);
  const occNames = scopes.map((s) => s.occupationName).join('、');
  const area = rng.int(8, 120) * 100;
  const allowance = rng.pick([200, 300, 400, 500, 600, 800, 1000, 1200, 1500]);
  const batches = rng.int(2, 6);
  return {
    teamDescription:
      `组建由${assessors}名考评员（其中高级考评员${senior}名）和${supervisors}名内部质量督导员组成的评价团队，` +
      `考评人员均具有相应职业三级/高级工及以上职业技能等级或相关专业中级及以上职称，经省职业技能鉴定中心培训合格；` +
      `每个职业（工种）考评员不少于3名，并从行业专家库中外聘部分考评员。`,
    facilitiesDescription:
      `建有${area}平方米的技能人才评价基地，设理论考试机房（${rng.int(40, 200)}个机位）和${rng.int(2, 12)}个实操考核区，` +
      `配备${industry.equipment}等设施设备，全程视频监控并留存影像资料，满足${occNames}等职业（工种）的评价需要。`,
    systemsDescription:
      '制定《职业技能等级认定工作管理办法》《考评人员管理制度》《评价质量督导办法》《证书管理制度》和《评价档案管理制度》，' +
      `建立技能等级与薪酬待遇挂钩机制：取得高级工及以上等级的职工每月享受${allowance}元至${allowance * 3}元技能津贴，` +
      '技师、高级技师比照工程师、高级工程师享受相应待遇。',
    planDescription:
      `下一阶段计划每年开展${batches}批次职业技能等级认定，覆盖职工约${Math.max(30, Math.round((skilled * rng.int(10, 40)) / 100))}人次；` +
      '落实“新八级”职业技能等级制度，推进技能人才与专业技术人才职业发展贯通，将评价结果与岗位聘任、薪酬分配和评优评先紧密衔接。',
  };
}

const FIRST_CONFIRMED_FIRST = (a: EnterpriseFacts, b: EnterpriseFacts, ia: number, ib: number) =>
  (a.confirmedOn ?? '') < (b.confirmedOn ?? '') ? -1 : (a.confirmedOn ?? '') > (b.confirmedOn ?? '') ? 1 : ia - ib;

/**
 * Builds `count` enterprises (at least 2 in each 市州), one filing each, with scopes and transitions,
 * their history in the years before `today`. The first enterprise of 长沙 is the story institution:
 * 企业自主评价, confirmed, and from DEMO_FROM on confirmed before any other of its 市州 (code 010001).
 */
export function generateEnterprises(rng: Rng, count: number, ref: OccupationLookup, today: string): EnterpriseData {
  const n = Math.max(count, PLACES.length * 2);
  // Enterprises per 市州: 2 each, the rest by weight; then in random order.
  const perPlace = apportion(
    n,
    PLACES.map((p) => p.weight),
    2,
  );
  const places = rng.shuffle(PLACES.flatMap((p, i) => Array<Prefecture>(perPlace[i] ?? 0).fill(p)));

  // Affiliation: ~8% 省属, ~4% 中央在湘.
  const order = rng.shuffle(places.map((_, i) => i));
  const affiliation = new Array<Affiliation>(n).fill('LOCAL');
  const provincial = Math.max(1, Math.round(n * 0.08));
  const central = Math.max(1, Math.round(n * 0.04));
  for (let k = 0; k < provincial + central; k++)
    affiliation[order[k] as number] = k < provincial ? 'PROVINCIAL' : 'CENTRAL';

  // Filing status: one confirmed institution in every 市州 first, then ~80% confirmed overall,
  // 2–3 suspended, 1–2 revoked, and the rest spread over the open workflow states.
  const suspended = n >= 100 ? 3 : 2;
  const revoked = n >= 100 ? 2 : 1;
  const confirmed = Math.round(n * 0.8);
  const firstOfPlace = PLACES.map((p) => places.indexOf(p));
  const storyIdx = firstOfPlace[0] as number; // 长沙, confirmed below like every first of its 市州
  const confirmedBy =
    today >= DEMO_FROM ? prevWorkday(minDate(DEMO_CONFIRMED_BY, addDays(today, -DEMO_CONFIRMED_DAYS_AGO))) : null;
  const rest = rng.shuffle(places.map((_, i) => i).filter((i) => !firstOfPlace.includes(i)));
  const statusOrder = [...firstOfPlace, ...rest];
  const openStates: Status[] = ['DRAFT', 'SUBMITTED', 'CITY_REVIEWED', 'PROVINCE_REVIEWED', 'REJECTED'];
  const status = new Array<Status>(n);
  statusOrder.forEach((idx, k) => {
    let s: Status;
    if (k < confirmed) s = 'CONFIRMED';
    else if (k < confirmed + suspended) s = 'SUSPENDED';
    else if (k < confirmed + suspended + revoked) s = 'REVOKED';
    else s = openStates[(k - confirmed - suspended - revoked) % openStates.length] as Status;
    // The seed's 省属 and 中央在湘 filings go straight to the province centre (省属: its choice).
    if (s === 'CITY_REVIEWED' && affiliation[idx] !== 'LOCAL') s = 'SUBMITTED';
    status[idx] = s;
  });

  // ~10% are 社会评价组织 (leading enterprises serving their supply chain).
  const social = new Set(
    rng.sample(
      order.slice(provincial + central).filter((i) => i !== storyIdx),
      Math.max(1, Math.round(n * 0.1)),
    ),
  );

  const creditCodes = new Set<string>();
  const names = new Set<string>();
  const out: EnterpriseData = { enterprises: [], filings: [], scopes: [], transitions: [], facts: [] };

  for (let i = 0; i < n; i++) {
    const place = places[i] as Prefecture;
    const aff = affiliation[i] as Affiliation;
    const st = status[i] as Status;
    const kind: Kind = social.has(i) ? 'SOCIAL_EVALUATION_ORGANIZATION' : 'ENTERPRISE_SELF_EVALUATION';
    const industry = INDUSTRIES[rng.weightedPairs(place.industries)];
    const nature = rng.weightedPairs(NATURE_WEIGHTS[aff]);

    let b = brand(rng);
    const name = uniquePush(names, () => {
      b = brand(rng);
      return enterpriseName(rng, place, industry, aff, b.name);
    });
    const county = rng.pick(place.counties);
    const division = rng.chance(0.3) ? place.code : county.code;
    const creditCode = uniquePush(creditCodes, () => makeCreditCode('9', '1', division, rng.chars(BODY_ALPHABET, 8)));
    const addrCounty = place.counties.find((c) => c.code === division) ?? county;
    const park = place.parks.find((p) => p[1] === addrCounty.code && rng.chance(0.6));
    const roads = addrCounty.name.endsWith('区') || addrCounty.code.endsWith('01') ? place.roads : COUNTY_ROADS;
    const address = `湖南省${place.name}${addrCounty.name}${park ? park[0] : ''}${rng.pick(roads)}${rng.int(1, 999)}号`;

    const big = aff !== 'LOCAL' || kind === 'SOCIAL_EVALUATION_ORGANIZATION';
    const employeeCount = big ? rng.logInt(1500, 20000) : rng.logInt(50, 12000);
    const skilledWorkerCount = Math.max(10, Math.round(employeeCount * (0.35 + rng.float() * 0.5)));
    const legalRepresentative = personName(rng, rng.chance(0.85));
    const contactName = personName(rng);
    const headName = personName(rng, rng.chance(0.75));
    const domain = `${b.pinyin}${industry.abbr}.${rng.chance(0.6) ? 'com' : 'com.cn'}`;
    const email = rng.chance(0.8)
      ? `${rng.pick(['hr', 'rlzyb', 'jnpj', 'pxzx', 'hrd', 'training'])}@${domain}`
      : `${rng.int(10000, 2999999999)}@${rng.pick(['qq.com', '163.com', '126.com'])}`;

    const violation: ViolationType | null =
      st === 'SUSPENDED' || st === 'REVOKED'
        ? rng.pick([
            'LOWERED_STANDARDS',
            'OUT_OF_SCOPE',
            'IRREGULAR_CERTIFICATES',
            'DELEGATED_AUTHORITY',
            'BROKEN_COMMITMENT',
          ] as const)
        : null;
    const t = timeline(rng, st, aff === 'LOCAL', violation, today, i === storyIdx ? confirmedBy : null);
    const scopes = chooseScopes(rng, industry, ref);

    const id = rng.uuid();
    const filingId = rng.uuid();
    const enterpriseCreated = officeTime(rng, addDays(t.draftOn, -rng.int(0, 10)));
    const stepTimes = t.steps.map((s) => officeTime(rng, s.on));
    // Keep a filing's transitions in strictly increasing time even when two fall on one day.
    for (let k = 1; k < stepTimes.length; k++) {
      const prev = stepTimes[k - 1] as Date;
      if ((stepTimes[k] as Date) <= prev) stepTimes[k] = new Date(prev.getTime() + 17 * 60_000);
    }
    const filingUpdated = stepTimes[stepTimes.length - 1] ?? enterpriseCreated;
    const submittedIdx = t.steps.findLastIndex((s) => s.to === 'SUBMITTED');
    const confirmedIdx = t.steps.findIndex((s) => s.to === 'CONFIRMED');

    out.enterprises.push({
      id,
      creditCode,
      name,
      legalRepresentative,
      address,
      phone: landline(rng, place),
      registrationAuthority: registrationAuthority(place, division, aff),
      foundedOn: rng.date(
        addYears(today, -FOUNDED[nature][0]),
        minDate(addYears(today, -FOUNDED[nature][1]), addYears(t.draftOn, -1)),
      ),
      employeeCount,
      skilledWorkerCount: Math.min(skilledWorkerCount, employeeCount),
      nature,
      mainBusiness: industry.business,
      headName,
      headPhone: mobilePhone(rng),
      contactName,
      contactPhone: rng.chance(0.7) ? mobilePhone(rng) : landline(rng, place),
      contactTitle: rng.pick(CONTACT_TITLES),
      email,
      prefectureCode: place.code,
      affiliation: aff,
      // The seed's 中央在湘 enterprises file with the province, as the province has recorded for them.
      provinceRoute: aff === 'CENTRAL',
      institutionCode: null, // assigned below, in order of confirmation
      createdAt: enterpriseCreated,
      updatedAt: new Date(Math.max(filingUpdated.getTime(), enterpriseCreated.getTime())),
    });

    const drafting = st === 'DRAFT';
    const text = narratives(rng, industry, scopes, skilledWorkerCount);
    const sections = drafting && rng.chance(0.5) ? { ...text, systemsDescription: '', planDescription: '' } : text;
    const signed = !drafting || rng.chance(0.3);
    out.filings.push({
      id: filingId,
      enterpriseId: id,
      kind,
      status: st,
      route: aff === 'LOCAL' ? 'CITY' : 'PROVINCE',
      serves:
        kind === 'SOCIAL_EVALUATION_ORGANIZATION'
          ? `面向产业链上下游${rng.int(8, 120)}家配套企业、${rng.int(5, 60)}家中小微企业及${rng.sample(PARTNER_SCHOOLS, 2).join('、')}等合作院校开展职业技能等级认定。`
          : null,
      ...sections,
      commitmentSigner: signed ? legalRepresentative : null,
      commitmentSignedOn: signed ? maxDate(t.draftOn, addDays(t.steps[1]?.on ?? t.draftOn, -rng.int(0, 3))) : null,
      submittedAt: submittedIdx >= 0 ? (stepTimes[submittedIdx] as Date) : null,
      confirmedAt: confirmedIdx >= 0 ? (stepTimes[confirmedIdx] as Date) : null,
      version: t.steps.length,
      createdAt: stepTimes[0] as Date,
      updatedAt: filingUpdated,
    });
    for (const s of scopes) {
      out.scopes.push({
        id: rng.uuid(),
        filingId,
        occupationCode: s.occupationCode,
        occupationName: s.occupationName,
        workTypeCode: null,
        workTypeName: null,
        levels: s.levels,
        basis: rng.chance(0.85) ? 'NATIONAL_STANDARD' : 'ENTERPRISE_SPECIFICATION',
      });
    }
    t.steps.forEach((s, k) => {
      const actor =
        s.role === 'enterprise'
          ? contactName
          : s.role === 'city_center'
            ? `${personName(rng)}（${place.name}职业技能鉴定中心）`
            : s.role === 'province_center'
              ? `${personName(rng)}（湖南省职业技能鉴定中心）`
              : s.role === 'ministry'
                ? '人力资源社会保障部职业技能鉴定中心'
                : `${personName(rng)}（${aff === 'LOCAL' ? `${place.name}人力资源和社会保障局` : '湖南省人力资源和社会保障厅'}督导组）`;
      out.transitions.push({
        filingId,
        fromStatus: s.from,
        toStatus: s.to,
        actor,
        actorRole: s.role,
        opinion: s.opinion ?? (s.to === 'SUBMITTED' ? '提交备案申报材料。' : null),
        at: stepTimes[k] as Date,
      });
    });

    out.facts.push({
      id,
      name,
      creditCode,
      place,
      address,
      industry,
      affiliation: aff,
      kind,
      status: st,
      skilledWorkerCount,
      institutionCode: null,
      confirmedOn: t.confirmedOn,
      suspendedOn: t.suspendedOn,
      revokedOn: t.revokedOn,
      violation,
      scopes,
      story: i === storyIdx,
    });
  }

  // Institution codes: 市州 digits (长沙 01 … 湘西 31) + a 4-digit serial in order of confirmation.
  const serials = new Map<string, number>();
  const confirmedIdx = out.facts
    .map((f, i) => [f, i] as const)
    .filter(([f]) => f.confirmedOn)
    .sort(([a, ia], [b, ib]) => FIRST_CONFIRMED_FIRST(a, b, ia, ib));
  for (const [f, i] of confirmedIdx) {
    const serial = (serials.get(f.place.code) ?? 0) + 1;
    serials.set(f.place.code, serial);
    const code = `${f.place.code.slice(2, 4)}${String(serial).padStart(4, '0')}`;
    f.institutionCode = code;
    (out.enterprises[i] as EnterpriseRow).institutionCode = code;
  }
  return out;
}
