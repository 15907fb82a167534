/**
 * Pools for the demo seed: Chinese personal names, Hunan's 14 市州 with their counties,
 * telephone area codes, roads and industrial parks, and the industries that give
 * invented enterprises their names, main business and occupations.
 * Every enterprise name built from these pools is invented.
 */
import type { Rng } from './random.ts';

// Pools are written as space-separated words to keep them compact.

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** `刘90 李85` → [['刘', 90], ['李', 85]] */
function weightedWords(text: string): [string, number][] {
  return words(text).map((w) => {
    const m = /^(\D+)(\d+)$/.exec(w);
    if (!m) throw new Error(`bad weighted word ${w}`);
    return [m[1] as string, Number(m[2])];
  });
}

/** `430102芙蓉区` → { code: '430102', name: '芙蓉区' } */
function counties(text: string): County[] {
  return words(text).map((w) => ({ code: w.slice(0, 6), name: w.slice(6) }));
}

/** `长沙经济技术开发区430121` → ['长沙经济技术开发区', '430121'] (the zone's county). */
function parks(text: string): [string, string][] {
  return words(text).map((w) => [w.slice(0, -6), w.slice(-6)]);
}

function industryWeights(text: string): [IndustryKey, number][] {
  return words(text).map((w) => {
    const [key, weight] = w.split(':');
    return [key as IndustryKey, Number(weight)];
  });
}

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

// ---------------------------------------------------------------- places

export interface County {
  code: string;
  name: string;
}

export interface Prefecture {
  code: string;
  name: string;
  /** Used as a name prefix: 长沙, 株洲 … 湘西. */
  short: string;
  areaCode: string;
  landlineDigits: 7 | 8;
  /** Relative number of enterprises. */
  weight: number;
  counties: readonly County[];
  roads: readonly string[];
  /** Development zones: [name, county code]. */
  parks: readonly (readonly [string, string])[];
  /** Industries typical of the place, by key, with weights. */
  industries: readonly (readonly [IndustryKey, number])[];
}

export const PLACES: readonly Prefecture[] = [
  {
    code: '430100',
    name: '长沙市',
    short: '长沙',
    areaCode: '0731',
    landlineDigits: 8,
    weight: 30,
    counties: counties(
      '430102芙蓉区 430103天心区 430104岳麓区 430105开福区 430111雨花区 430112望城区 430121长沙县 430181浏阳市 430182宁乡市',
    ),
    roads: words(
      '麓谷大道 岳麓大道 桐梓坡路 东二线 星沙大道 万家丽路 芙蓉中路 韶山北路 金洲大道 雷锋大道 黄兴大道 人民东路',
    ),
    parks: parks(
      '长沙经济技术开发区430121 长沙高新技术产业开发区430104 宁乡经济技术开发区430182 浏阳经济技术开发区430181 望城经济技术开发区430112',
    ),
    industries: industryWeights(
      'machinery:14 smart:10 electronics:10 auto:8 battery:7 pharma:6 food:6 construction:6 logistics:5 hospitality:4 fireworks:3 electrical:4',
    ),
  },
  {
    code: '430200',
    name: '株洲市',
    short: '株洲',
    areaCode: '0731',
    landlineDigits: 8,
    weight: 12,
    counties: counties(
      '430202荷塘区 430203芦淞区 430204石峰区 430211天元区 430212渌口区 430223攸县 430224茶陵县 430225炎陵县 430281醴陵市',
    ),
    roads: words('栗雨路 株洲大道 田心大道 车站路 珠江北路 长江北路 新华西路 红旗中路 建设北路'),
    parks: parks('株洲高新技术产业开发区430211 株洲经济开发区430204 醴陵经济开发区430281'),
    industries: industryWeights(
      'rail:16 aviation:8 carbide:8 ceramics:6 smart:5 electronics:4 auto:4 textile:3 fireworks:3 construction:3',
    ),
  },
  {
    code: '430300',
    name: '湘潭市',
    short: '湘潭',
    areaCode: '0731',
    landlineDigits: 8,
    weight: 9,
    counties: counties('430302雨湖区 430304岳塘区 430321湘潭县 430381湘乡市 430382韶山市'),
    roads: words('芙蓉大道 吉利东路 建设北路 韶山东路 书院路 晓塘路 钢城路 沿江北路'),
    parks: parks('湘潭经济技术开发区430304 湘潭高新技术产业开发区430302'),
    industries: industryWeights('steel:12 electrical:10 machinery:8 auto:6 chemical:4 smart:4 construction:3'),
  },
  {
    code: '430400',
    name: '衡阳市',
    short: '衡阳',
    areaCode: '0734',
    landlineDigits: 7,
    weight: 9,
    counties: counties(
      '430405珠晖区 430406雁峰区 430407石鼓区 430408蒸湘区 430412南岳区 430421衡阳县 430422衡南县 430423衡山县 430424衡东县 430426祁东县 430481耒阳市 430482常宁市',
    ),
    roads: words('解放大道 蒸湘北路 船山大道 白沙大道 衡州大道 雁城路 先锋路'),
    parks: parks('衡阳高新技术产业开发区430408 衡阳白沙洲工业园区430406'),
    industries: industryWeights(
      'electrical:10 steel:6 mining:6 chemical:5 machinery:5 electronics:4 food:3 construction:3',
    ),
  },
  {
    code: '430500',
    name: '邵阳市',
    short: '邵阳',
    areaCode: '0739',
    landlineDigits: 7,
    weight: 4,
    counties: counties(
      '430502双清区 430503大祥区 430511北塔区 430522新邵县 430523邵阳县 430524隆回县 430525洞口县 430527绥宁县 430528新宁县 430529城步苗族自治县 430581武冈市 430582邵东市',
    ),
    roads: words('宝庆路 邵石路 敏州路 红旗路 双坡路 建设路'),
    parks: parks('邵阳经济开发区430502 邵东经济开发区430582'),
    industries: industryWeights('hardware:10 textile:5 pharma:4 food:4 ceramics:3 construction:3'),
  },
  {
    code: '430600',
    name: '岳阳市',
    short: '岳阳',
    areaCode: '0730',
    landlineDigits: 7,
    weight: 8,
    counties: counties(
      '430602岳阳楼区 430603云溪区 430611君山区 430621岳阳县 430623华容县 430624湘阴县 430626平江县 430681汨罗市 430682临湘市',
    ),
    roads: words('巴陵中路 岳阳大道 金鹗路 云港路 青年中路 东茅岭路 八字门路'),
    parks: parks('岳阳经济技术开发区430602 岳阳绿色化工高新技术产业开发区430603 城陵矶新港区430602'),
    industries: industryWeights('chemical:14 food:5 logistics:5 electronics:3 textile:3 construction:3 power:3'),
  },
  {
    code: '430700',
    name: '常德市',
    short: '常德',
    areaCode: '0736',
    landlineDigits: 7,
    weight: 7,
    counties: counties(
      '430702武陵区 430703鼎城区 430721安乡县 430722汉寿县 430723澧县 430724临澧县 430725桃源县 430726石门县 430781津市市',
    ),
    roads: words('武陵大道 人民路 洞庭大道 朗州路 桃花源路 柳叶大道'),
    parks: parks('常德经济技术开发区430702 常德高新技术产业开发区430702'),
    industries: industryWeights('machinery:6 food:6 tea:3 textile:4 auto:3 pharma:3 construction:3'),
  },
  {
    code: '430800',
    name: '张家界市',
    short: '张家界',
    areaCode: '0744',
    landlineDigits: 7,
    weight: 2,
    counties: counties('430802永定区 430811武陵源区 430821慈利县 430822桑植县'),
    roads: words('大庸路 迎宾路 天门路 回龙路 子午路'),
    parks: parks('张家界经济开发区430802'),
    industries: industryWeights('hospitality:10 tea:4 food:3 power:2'),
  },
  {
    code: '430900',
    name: '益阳市',
    short: '益阳',
    areaCode: '0737',
    landlineDigits: 7,
    weight: 4,
    counties: counties('430902资阳区 430903赫山区 430921南县 430922桃江县 430923安化县 430981沅江市'),
    roads: words('桃花仑路 康富路 龙洲路 银城大道 梓山路 迎宾路'),
    parks: parks('益阳高新技术产业开发区430903 长春经济开发区430902'),
    industries: industryWeights('tea:6 electronics:5 battery:4 food:4 machinery:3 textile:3'),
  },
  {
    code: '431000',
    name: '郴州市',
    short: '郴州',
    areaCode: '0735',
    landlineDigits: 7,
    weight: 5,
    counties: counties(
      '431002北湖区 431003苏仙区 431021桂阳县 431022宜章县 431023永兴县 431024嘉禾县 431025临武县 431026汝城县 431027桂东县 431028安仁县 431081资兴市',
    ),
    roads: words('郴州大道 五岭大道 国庆北路 青年大道 苏仙大道 燕泉路'),
    parks: parks('郴州高新技术产业开发区431003 郴州有色金属产业园区431003'),
    industries: industryWeights('mining:10 carbide:5 electronics:5 power:3 food:2 construction:2'),
  },
  {
    code: '431100',
    name: '永州市',
    short: '永州',
    areaCode: '0746',
    landlineDigits: 7,
    weight: 3,
    counties: counties(
      '431102零陵区 431103冷水滩区 431122东安县 431123双牌县 431124道县 431125江永县 431126宁远县 431127蓝山县 431128新田县 431129江华瑶族自治县 431181祁阳市',
    ),
    roads: words('零陵中路 凤凰路 冷水滩大道 潇湘大道 逸云路'),
    parks: parks('永州经济技术开发区431103 湖南永州高新技术产业开发区431103'),
    industries: industryWeights('electronics:6 auto:4 food:4 textile:3 pharma:2'),
  },
  {
    code: '431200',
    name: '怀化市',
    short: '怀化',
    areaCode: '0745',
    landlineDigits: 7,
    weight: 3,
    counties: counties(
      '431202鹤城区 431221中方县 431222沅陵县 431223辰溪县 431224溆浦县 431225会同县 431226麻阳苗族自治县 431227新晃侗族自治县 431228芷江侗族自治县 431229靖州苗族侗族自治县 431230通道侗族自治县 431281洪江市',
    ),
    roads: words('迎丰路 锦溪路 鹤洲路 舞阳大道 人民南路'),
    parks: parks('怀化高新技术产业开发区431202'),
    industries: industryWeights('pharma:5 logistics:4 power:4 ceramics:2 food:3 construction:2'),
  },
  {
    code: '431300',
    name: '娄底市',
    short: '娄底',
    areaCode: '0738',
    landlineDigits: 7,
    weight: 5,
    counties: counties('431302娄星区 431321双峰县 431322新化县 431381冷水江市 431382涟源市'),
    roads: words('长青街 乐坪大道 氐星路 湘中大道 涟钢路'),
    parks: parks('娄底经济技术开发区431302 娄底高新技术产业开发区431302'),
    industries: industryWeights('steel:12 mining:5 ceramics:3 machinery:3 electronics:2'),
  },
  {
    code: '433100',
    name: '湘西土家族苗族自治州',
    short: '湘西',
    areaCode: '0743',
    landlineDigits: 7,
    weight: 2,
    counties: counties(
      '433101吉首市 433122泸溪县 433123凤凰县 433124花垣县 433125保靖县 433126古丈县 433127永顺县 433130龙山县',
    ),
    roads: words('人民北路 世纪大道 武陵山大道 乾州路'),
    parks: parks('湘西经济开发区433101'),
    industries: industryWeights('hospitality:6 tea:5 mining:4 pharma:3 food:2'),
  },
];

/** Hunan 县级 codes for resident IDs (birthplaces). */
export const ALL_COUNTIES: readonly County[] = PLACES.flatMap((p) => p.counties);

/** Road names for a county seat (县, 县级市), where the city's own roads would be out of place. */
export const COUNTY_ROADS = words('建设路 人民路 解放路 迎宾大道 工业园路 新华路 城南路 创业大道 经开大道 园区大道');

// ---------------------------------------------------------------- industries

export type IndustryKey =
  | 'machinery'
  | 'rail'
  | 'aviation'
  | 'carbide'
  | 'steel'
  | 'electrical'
  | 'chemical'
  | 'electronics'
  | 'battery'
  | 'auto'
  | 'food'
  | 'tea'
  | 'ceramics'
  | 'pharma'
  | 'construction'
  | 'power'
  | 'textile'
  | 'hardware'
  | 'logistics'
  | 'hospitality'
  | 'smart'
  | 'mining'
  | 'fireworks';

export interface Industry {
  key: IndustryKey;
  /** Middle part of the enterprise name. */
  cores: readonly string[];
  /** For e-mail domains. */
  abbr: string;
  business: string;
  /** Occupation names (职业) as in the dictionary, in order of how often they are filed. */
  occupations: readonly string[];
  /** Equipment named in the filing's facilities section. */
  equipment: string;
}

export const INDUSTRIES: Record<IndustryKey, Industry> = {
  machinery: {
    key: 'machinery',
    cores: words('重工机械 工程机械 重工 机械制造 起重机械'),
    abbr: 'hi',
    business: '工程机械、混凝土机械、起重机械的研发、制造、销售及售后服务',
    occupations: words(
      '焊工 工程机械装配调试工 装配钳工 车工 铣工 涂装工 多工序数控机床操作调整工 电工 机修钳工 工程机械维修工 铆工 起重工',
    ),
    equipment: '数控车床、加工中心、机器人焊接工作站、喷涂线',
  },
  rail: {
    key: 'rail',
    cores: words('轨道交通装备 电力机车 轨道交通设备 轨道科技'),
    abbr: 'rail',
    business: '轨道交通车辆及牵引、制动系统等核心部件的研发、制造与检修服务',
    occupations: words(
      '铁路机车制修工 铁路车辆制修工 动车组制修师 焊工 装配钳工 电工 轨道交通通信信号设备制造工 电机制造工 铁路机车车辆制动钳工 车工',
    ),
    equipment: '转向架装配线、牵引电机试验台、数控落轮镟床、焊接机器人',
  },
  aviation: {
    key: 'aviation',
    cores: words('航空动力 航空装备 通用航空 航空科技'),
    abbr: 'aero',
    business: '中小型航空发动机、航空零部件的研制、生产与维修',
    occupations: words('航空发动机装配工 飞机装配工 航空附件装配工 车工 磨工 无损检测员 金属热处理工 无人机装调检修工'),
    equipment: '五轴加工中心、发动机试车台、荧光渗透检测线',
  },
  carbide: {
    key: 'carbide',
    cores: words('硬质合金 新材料 精密合金 钨业'),
    abbr: 'cc',
    business: '硬质合金、钨钼制品及精密刀具的研发、生产与销售',
    occupations: words('硬质合金混合料工 硬质合金成型工 硬质合金烧结工 硬质合金精加工工 钨钼冶炼工 化学检验员 磨工'),
    equipment: '压力烧结炉、自动压机、数控工具磨床',
  },
  steel: {
    key: 'steel',
    cores: words('钢铁 特钢 钢管 冶金'),
    abbr: 'steel',
    business: '钢铁冶炼、轧制及钢材深加工产品的生产与销售',
    occupations: words('炼钢工 高炉炼铁工 金属轧制工 金属材热处理工 焊管机组操作工 电工 起重装卸机械操作工 化学检验员'),
    equipment: '转炉、连铸机、热连轧生产线、理化检测中心',
  },
  electrical: {
    key: 'electrical',
    cores: words('电气 输变电设备 电工装备 电机'),
    abbr: 'elec',
    business: '变压器、互感器、高低压成套电气设备及电机的研发与制造',
    occupations: words(
      '变压器互感器制造工 高低压电器及成套设备装配工 电机制造工 电线电缆制造工 电工 绝缘制品制造工 电机检修工',
    ),
    equipment: '绕线机、真空干燥罐、局放试验室、成套设备装配线',
  },
  chemical: {
    key: 'chemical',
    cores: words('石油化工 化工 精细化工 新材料'),
    abbr: 'chem',
    business: '石油炼制、基础化工原料及精细化学品的生产与销售',
    occupations: words('化工总控工 化工单元操作工 催化裂化工 原油蒸馏工 化学检验员 工业废水处理工 仪器仪表维修工'),
    equipment: 'DCS仿真培训系统、化工单元操作实训装置、分析化验室',
  },
  electronics: {
    key: 'electronics',
    cores: words('电子科技 电子信息 光电科技 精密电子'),
    abbr: 'tech',
    business: '电子元器件、显示模组及智能终端的研发、制造与销售',
    occupations: words(
      '电子设备装接工 电子设备调试工 半导体芯片制造工 液晶显示器件制造工 计算机及外部设备装配调试员 印制电路制作工 智能硬件装调员 电子电气产品检验员',
    ),
    equipment: 'SMT贴片线、回流焊炉、自动光学检测设备',
  },
  battery: {
    key: 'battery',
    cores: words('新能源 储能科技 锂电科技 电池材料'),
    abbr: 'energy',
    business: '锂离子电池、正极材料及储能系统的研发、生产与销售',
    occupations: words('电池制造工 锂冶炼工 化学检验员 光伏组件制造工 电子设备装接工'),
    equipment: '涂布机、辊压机、化成分容设备、干燥房',
  },
  auto: {
    key: 'auto',
    cores: words('汽车 汽车零部件 汽车部件 专用汽车'),
    abbr: 'auto',
    business: '汽车整车及零部件的研发、制造与销售',
    occupations: words('汽车生产线操作工 汽车装调工 焊工 涂装工 冲压工 汽车饰件制造工 汽车维修工'),
    equipment: '冲压线、焊装机器人、总装线、四轮定位仪',
  },
  food: {
    key: 'food',
    cores: words('食品 粮油 食品科技 农产品'),
    abbr: 'food',
    business: '粮油、调味品及休闲食品的生产、加工与销售',
    occupations: words(
      '制米工 制油工 肉制品加工工 酱腌菜制作工 糕点面包烘焙师 农产品食品检验员 饮料制作工 酱油酱类制作工 白酒酿造工',
    ),
    equipment: '食品生产线、检验检测中心、中央厨房',
  },
  tea: {
    key: 'tea',
    cores: words('茶业 黑茶 茶叶'),
    abbr: 'tea',
    business: '茶叶种植、加工、销售及茶文化推广',
    occupations: words('茶叶加工工 评茶师 茶艺师'),
    equipment: '揉捻机、烘干机、审评室、茶艺实训室',
  },
  ceramics: {
    key: 'ceramics',
    cores: words('陶瓷 建材 新型建材 瓷业'),
    abbr: 'cera',
    business: '日用陶瓷、电瓷及新型建筑材料的生产与销售',
    occupations: words('陶瓷成型施釉工 陶瓷烧成工 陶瓷装饰工 陶瓷原料准备工 预拌混凝土生产工 水泥生产工'),
    equipment: '梭式窑、隧道窑、滚压成型机',
  },
  pharma: {
    key: 'pharma',
    cores: words('制药 生物医药 药业'),
    abbr: 'pharm',
    business: '中成药、化学药品制剂及医药中间体的研发、生产与销售',
    occupations: words('药物制剂工 中药炮制工 化学合成制药工 药物检验员 生化药品制造工'),
    equipment: 'GMP实训车间、固体制剂生产线、高效液相色谱仪',
  },
  construction: {
    key: 'construction',
    cores: words('建工 建设工程 路桥建设 建筑工程'),
    abbr: 'cons',
    business: '房屋建筑、市政公用及公路桥梁工程施工',
    occupations: words('钢筋工 混凝土工 架子工 砌筑工 装配式建筑施工员 电气设备安装工 筑路工 桥隧工 管工'),
    equipment: '建筑工人实训基地、装配式构件实训区、BIM实训室',
  },
  power: {
    key: 'power',
    cores: words('电力 能源 水电开发'),
    abbr: 'power',
    business: '水力、风力和光伏发电及配电网建设运维',
    occupations: words(
      '变配电运行值班员 送配电线路工 继电保护员 电力电缆安装运维工 水力发电运行值班员 光伏发电运维值班员 风力发电运维值班员',
    ),
    equipment: '变电站仿真系统、带电作业实训场、继电保护实训室',
  },
  textile: {
    key: 'textile',
    cores: words('纺织 服饰 制衣 麻纺'),
    abbr: 'tex',
    business: '纺纱、织造及服装的生产与销售',
    occupations: words('缝纫工 纺纱工 织布工 裁剪工 服装制版师'),
    equipment: '自动络筒机、喷气织机、智能吊挂缝制线',
  },
  hardware: {
    key: 'hardware',
    cores: words('五金 工具制造 箱包'),
    abbr: 'tools',
    business: '五金工具、箱包及日用五金制品的生产与销售',
    occupations: words('工具五金制作工 日用五金制品制作工 冲压工 磨工 缝纫工'),
    equipment: '冲压机、热处理炉、自动抛光线',
  },
  logistics: {
    key: 'logistics',
    cores: words('物流 供应链 港务'),
    abbr: 'log',
    business: '仓储配送、多式联运及供应链管理服务',
    occupations: words('仓储管理员 物流服务师 供应链管理师 起重装卸机械操作工 装卸搬运工 快件处理员'),
    equipment: '自动化立体仓库、智能分拣线、岸桥模拟器',
  },
  hospitality: {
    key: 'hospitality',
    cores: words('旅游发展 酒店管理 文旅'),
    abbr: 'travel',
    business: '酒店经营、旅游景区运营及餐饮服务',
    occupations: words('中式烹调师 中式面点师 餐厅服务员 前厅服务员 客房服务员 导游 茶艺师'),
    equipment: '烹饪实训厨房、客房实训室、餐厅实训区',
  },
  smart: {
    key: 'smart',
    cores: words('智能装备 智能制造 数控科技 精密机械'),
    abbr: 'im',
    business: '数控机床、工业机器人及智能产线的研发、制造与系统集成',
    occupations: words(
      '多工序数控机床操作调整工 工业机器人系统操作员 工业机器人系统运维员 机床装调维修工 电切削工 增材制造设备操作员 工业视觉系统运维员 车工 铣工',
    ),
    equipment: '五轴加工中心、工业机器人实训平台、3D打印设备',
  },
  mining: {
    key: 'mining',
    cores: words('矿业 有色矿业 锰业 锑业'),
    abbr: 'mining',
    business: '有色金属矿产的采选、冶炼及综合回收利用',
    occupations: words('井下采矿工 选矿工 矿山安全防护工 凿岩工 爆破工 矿井通风工 重冶湿法冶炼工'),
    equipment: '井下实训巷道、浮选实训装置、通风安全实训室',
  },
  fireworks: {
    key: 'fireworks',
    cores: words('花炮 烟花 烟花制造'),
    abbr: 'fw',
    business: '烟花爆竹的研发、生产、燃放及出口贸易',
    occupations: words('烟花爆竹工 火工品管理工 安全员'),
    equipment: '防爆药物混合工房、自动化装药生产线、安全检测中心',
  },
};

/** Occupations most manufacturers also certify. */
export const COMMON_OCCUPATIONS = words('电工 机修钳工 质检员 焊工 安全员 设备点检员 仓储管理员 企业人力资源管理师');

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
