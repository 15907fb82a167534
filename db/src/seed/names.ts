/**
 * Pools for the demo seed: Chinese personal names, Hunan's 14 市州 with their counties,
 * telephone area codes, roads and industrial parks, and the industries that give
 * invented enterprises their names, main business and occupations.
 * Every enterprise name built from these pools is invented.
 */
import type { Prefecture } from './places.ts';
import { weightedWords, words } from './pools.ts';
import type { Rng } from './random.ts';

export * from './industries.ts';
export * from './places.ts';

// ---------------------------------------------------------------- people

/** Common surnames with rough weights (Hunan has many 刘, 李, 陈, 彭, 谭, 曾, 唐, 邓, 罗). */
const SURNAMES = weightedWords(`
  刘90 李85 王80 陈80 张75 周50 彭45 罗45 唐42 谭40 曾40 邓38 杨38 黄36
  胡34 肖30 吴30 赵28 欧阳8 徐24 蒋24 文20 朱20 贺20 廖20 龙18 谢18 何18
  易16 段14 向14 卢14 郭14 孙12 马12 高12 林12 梁10 宋10 许10 邹10 田10
  袁10 熊10 雷10 姚8 石8 汤8 颜8 钟8 夏8 尹8 戴8 伍8 黎8 付6 方6 万6 江6 严6
  莫6 阳6 晏4 符4 匡4 聂4 邱4 喻4 舒4 左4 滕3 覃3 粟3 瞿3 湛2
`);

const MALE_CHARS = [
  ...'伟强军磊勇杰涛斌超明刚平辉鹏华飞波林浩宇俊峰建文志海亮兵凯龙晨旭东鑫阳坤健锋宏国永庆德湘翔振博昊天成彬良武新春洪雄泽轩睿哲铭毅骏锐松青胜金立清',
];

const FEMALE_CHARS = [
  ...'芳娜敏静丽艳娟霞燕玲婷雪慧红琴兰颖倩洁莉萍丹梅欣璐佳琳月婧瑶雯晶蓉蕾玉秀英华凤桂湘妍怡萱悦思媛娇露琼春芬莹岚',
];

const SURNAME_LIST = SURNAMES.map((s) => s[0]);
const SURNAME_WEIGHTS = SURNAMES.map((s) => s[1]);

/** A Chinese personal name of 2 or 3 characters (3 when the surname is compound). */
export function personName(rng: Rng, male = rng.chance(0.6)): string {
  const surname = rng.weighted(SURNAME_LIST, SURNAME_WEIGHTS);
  const pool = male ? MALE_CHARS : FEMALE_CHARS;
  if (surname.length === 2) return surname + rng.pick(pool);
  if (rng.chance(0.3)) return surname + rng.pick(pool);
  return surname + rng.pick(pool) + rng.pick(pool);
}

const MOBILE_PREFIXES = words(
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 175 176 177 180 181 182 183 185 186 187 188 189 191 193 198 199',
);

export function mobilePhone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

export function landline(rng: Rng, place: Prefecture): string {
  const first = String(rng.int(2, 8));
  return `${place.areaCode}-${first}${rng.digits(place.landlineDigits - 1)}`;
}

// ---------------------------------------------------------------- enterprise names

const BRAND_CHARS: readonly (readonly [string, string])[] = [
  ['华', 'hua'],
  ['湘', 'xiang'],
  ['楚', 'chu'],
  ['恒', 'heng'],
  ['宏', 'hong'],
  ['兴', 'xing'],
  ['瑞', 'rui'],
  ['鼎', 'ding'],
  ['博', 'bo'],
  ['创', 'chuang'],
  ['德', 'de'],
  ['嘉', 'jia'],
  ['凯', 'kai'],
  ['隆', 'long'],
  ['明', 'ming'],
  ['启', 'qi'],
  ['盛', 'sheng'],
  ['泰', 'tai'],
  ['通', 'tong'],
  ['伟', 'wei'],
  ['星', 'xing'],
  ['旭', 'xu'],
  ['云', 'yun'],
  ['正', 'zheng'],
  ['卓', 'zhuo'],
  ['汇', 'hui'],
  ['宇', 'yu'],
  ['力', 'li'],
  ['永', 'yong'],
  ['信', 'xin'],
  ['达', 'da'],
  ['晟', 'sheng'],
  ['昊', 'hao'],
  ['骏', 'jun'],
  ['锐', 'rui'],
  ['峰', 'feng'],
  ['岳', 'yue'],
  ['麓', 'lu'],
  ['潇', 'xiao'],
  ['沅', 'yuan'],
  ['澧', 'li'],
  ['衡', 'heng'],
  ['浩', 'hao'],
  ['金', 'jin'],
  ['捷', 'jie'],
  ['诚', 'cheng'],
  ['科', 'ke'],
  ['远', 'yuan'],
  ['中', 'zhong'],
  ['天', 'tian'],
  ['新', 'xin'],
  ['光', 'guang'],
  ['贝', 'bei'],
  ['驰', 'chi'],
  ['拓', 'tuo'],
  ['睿', 'rui'],
];

/** Pairs that would read like real Hunan companies; never generated. */
const REAL_BRANDS = new Set([
  '中联',
  '三一',
  '华菱',
  '山河',
  '远大',
  '蓝思',
  '中车',
  '楚天',
  '长丰',
  '泰富',
  '铁建',
  '旗滨',
  '金杯',
  '华曙',
  '湘电',
  '湘钢',
  '涟钢',
  '衡钢',
  '岳化',
  '长城',
  '景嘉',
  '威胜',
  '科力',
  '中科',
  '海利',
  '华自',
  '天易',
  '金龙',
  '华升',
  '长高',
  '中伟',
  '金博',
  '博云',
  '南方',
  '华天',
  '九芝',
  '千金',
  '湘佳',
  '中南',
  '金健',
  '克明',
  '唐人',
  '华联',
  '金瑞',
  '兴湘',
  '湘江',
  '华泰',
  '中兴',
  '华为',
  '恒大',
  '天通',
  '中通',
  '华达',
  '华星',
  '华锐',
  '通达',
  '宏达',
  '金达',
  '正泰',
  '德力',
  '力达',
  '中信',
  '华信',
  '中天',
  '华中',
  '永信',
  '中达',
  '金信',
  '鼎信',
  '中正',
]);

/** An invented two-character brand and its pinyin (for e-mail domains). */
export function brand(rng: Rng): { name: string; pinyin: string } {
  for (;;) {
    const a = rng.pick(BRAND_CHARS);
    const b = rng.pick(BRAND_CHARS);
    const name = a[0] + b[0];
    if (a[0] === b[0] || REAL_BRANDS.has(name)) continue;
    return { name, pinyin: a[1] + b[1] };
  }
}

export const LEGAL_FORMS = words('有限公司 有限公司 有限公司 股份有限公司 有限责任公司 集团有限公司');

export const CONTACT_TITLES = words(
  '人力资源部部长 人力资源部副部长 培训中心主任 技能评价办公室主任 人力资源部培训主管 人力资源专员 党群工作部部长 综合管理部经理 教育培训科科长',
);

export const PARTNER_SCHOOLS = words(
  '湖南工业职业技术学院 湖南机电职业技术学院 湖南铁道职业技术学院 湖南化工职业技术学院 长沙航空职业技术学院 湖南汽车工程职业学院 湖南有色金属职业技术学院 湖南电气职业技术学院 湖南交通职业技术学院 湖南石油化工职业技术学院 湖南生物机电职业技术学院 湖南食品药品职业学院 湖南工程职业技术学院 湖南安全技术职业学院',
);

export const SITE_SUFFIXES = words(
  '技能人才评价基地 职工培训中心 实训基地实操考核区 技能大师工作室 理论考试机房 一号厂房实操考核区',
);
