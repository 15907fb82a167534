/**
 * Shop-floor words (行业俗称) and the dictionary's own terms for them. The 职业分类大典
 * says 塔式起重机 where a site says 塔吊, 焊接 where a workshop says 二保焊. A title's
 * colloquial word brings the dictionary terms in as extra, lighter evidence. Written
 * from general trade knowledge, not from the evaluation files.
 */
export const TRADE_TERMS: Readonly<Record<string, readonly string[]>> = {
  塔吊: ['塔式', '起重机', '起重'],
  吊车: ['起重机', '起重'],
  天车: ['桥式', '起重机', '起重'],
  行车工: ['桥式', '起重机', '起重'],
  铲车: ['装载机', '铲运'],
  挖机: ['挖掘机', '挖掘'],
  钩机: ['挖掘机', '挖掘'],
  勾机: ['挖掘机', '挖掘'],
  司炉: ['锅炉'],
  电焊: ['焊工', '焊接'],
  二保焊: ['焊工', '焊接'],
  气保焊: ['焊工', '焊接'],
  氩弧焊: ['焊工', '焊接'],
  点焊: ['焊工', '焊接'],
  操机: ['数控', '机床', '操作'],
  cnc: ['数控', '机床'],
  加工中心: ['数控', '多工序', '机床'],
  车床: ['车工'],
  铣床: ['铣工'],
  磨床: ['磨工'],
  刨床: ['刨插工'],
  大厨: ['厨师', '烹调'],
  厨子: ['厨师', '烹调'],
  掌勺: ['厨师', '烹调'],
  炒锅: ['厨师', '烹调'],
  炉头: ['厨师', '烹调'],
  粤菜: ['中式', '烹调', '中餐'],
  湘菜: ['中式', '烹调', '中餐'],
  川菜: ['中式', '烹调', '中餐'],
  鲁菜: ['中式', '烹调', '中餐'],
  中餐: ['中式', '烹调'],
  西餐: ['西式', '烹调'],
  白案: ['面点'],
  砌砖: ['砌筑'],
  泥瓦: ['砌筑'],
  瓦工: ['砌筑'],
  电芯: ['电池'],
  极片: ['电池'],
  锂电: ['电池'],
  化验: ['化学检验', '检验'],
  喷漆: ['涂装'],
  钣金: ['冲压'],
  注塑: ['塑料', '模具'],
  模修: ['模具', '维修'],
  保姆: ['家政'],
  月嫂: ['家政', '母婴'],
  育儿嫂: ['家政', '育婴'],
  骑手: ['网约配送员', '配送'],
  货车: ['道路货运', '驾驶员'],
  卡车: ['道路货运', '驾驶员'],
  大巴: ['客运', '驾驶员'],
  质检: ['质检员', '检验'],
  品检: ['质检员', '检验'],
  qc: ['质检员', '检验'],
  仓管: ['仓储', '仓库'],
  库管: ['仓储', '仓库'],
  // Cranes and earth-moving machines (起重机械, 铲土运输机械): the dictionary names the work, not the machine.
  龙门吊: ['门式', '起重机', '起重装卸'],
  门吊: ['门式', '起重机', '起重装卸'],
  桥吊: ['桥式', '起重机', '起重装卸'],
  岸桥: ['起重机', '起重装卸'],
  升降机: ['起重装卸', '升降'],
  叉车: ['起重装卸', '叉车'],
  司索: ['起重工'],
  装载机: ['铲运'],
  推土机: ['铲运', '挖掘'],
  皮带: ['输送机'],
  绞车: ['提升设备'],
  // Plastics and metal forming (塑料制品成型, 冲压, 电切削, 铸锻).
  吹塑: ['塑料制品成型'],
  吸塑: ['塑料制品成型'],
  挤塑: ['塑料制品成型'],
  吹瓶: ['塑料制品成型'],
  吹膜: ['塑料制品成型'],
  发泡: ['塑料制品成型'],
  折弯: ['冲压'],
  冲床: ['冲压'],
  线切割: ['电切削'],
  慢走丝: ['电切削'],
  快走丝: ['电切削'],
  火花机: ['电切削'],
  压铸: ['铸造'],
  锻压: ['锻造'],
  '3d打印': ['增材制造'],
  热轧: ['金属轧制'],
  冷轧: ['金属轧制'],
  拉丝: ['拉拔'],
  // Building finishes and site work (装饰装修, 混凝土, 筑路, 管工).
  抹灰: ['装饰装修'],
  腻子: ['装饰装修'],
  吊顶: ['装饰装修'],
  瓷砖: ['装饰装修'],
  铺贴: ['装饰装修'],
  油漆工: ['装饰装修', '涂装'],
  商砼: ['预拌混凝土'],
  搅拌站: ['预拌混凝土'],
  摊铺: ['筑路'],
  沥青: ['筑路'],
  水暖: ['管工'],
  管道安装: ['管工'],
  // Mines (井下采矿, 开掘).
  综采: ['采矿'],
  掘进: ['开掘'],
  // Acronyms of the shop floor (行业缩写) and the dictionary's words for their work.
  plc: ['可编程控制', '电气'],
  agv: ['工业机器人', '运维'],
  smt: ['电子设备装接', '贴片'],
  dip: ['电子设备装接', '插件'],
  pcb: ['印制电路'],
  fpc: ['印制电路'],
  lcd: ['液晶显示器件'],
  oled: ['显示器件'],
  led: ['电光源'],
  cob: ['半导体', '封装'],
  bms: ['电池'],
  pack: ['电池'],
  edm: ['电切削'],
  cng: ['油气', '加气'],
  lng: ['油气', '加气'],
  ups: ['动力', '电源'],
  dcs: ['总控'],
  crh: ['列车', '轨道交通'],
  ccd: ['视觉', '检测'],
  cmm: ['测量'],
  iqc: ['质检员', '检验'],
  ipqc: ['质检员', '检验'],
  fqc: ['质检员', '检验'],
  oqc: ['质检员', '检验'],
  '4s店': ['汽车维修'],
  ppr: ['管工'],
  pvc: ['塑料'],
  pet: ['塑料'],
  eva: ['塑料'],
  // Products in the 大典's words (its …装配调试工, …制造工 name the product so).
  空压机: ['压缩机'],
  电子秤: ['衡器'],
  地磅: ['衡器'],
  手机: ['通信终端'],
  耳机: ['电声器件'],
  音箱: ['电声器件'],
  光模块: ['通信系统设备'],
  基站: ['通信系统设备'],
  连接器: ['接插件'],
  呼吸机: ['医疗器械'],
  监护仪: ['医疗器械'],
  播种机: ['耕种机械'],
  收割机: ['收获机械'],
  喷灌: ['灌溉机械'],
  滴灌: ['灌溉机械'],
  发动机: ['内燃机'],
  柴油机: ['内燃机'],
  整车: ['汽车'],
  线束: ['电线电缆'],
  封装: ['半导体', '集成电路装调'],
  芯片: ['半导体芯片'],
  电动车: ['电动自行车'],
  // Service words (生活服务): what the 大典 calls the worker.
  外卖: ['网约配送员', '配送'],
  跑腿: ['网约配送员', '配送'],
  快递: ['快递员'],
  保洁: ['保洁员'],
  护工: ['医疗护理员', '护理'],
  陪护: ['医疗护理员', '护理'],
  养老院: ['养老护理员'],
  保安: ['保安员'],
  收银: ['收银员'],
  导购: ['营业员'],
  理货: ['理货员'],
  搬运: ['装卸搬运'],
  装卸工: ['装卸搬运'],
};

/**
 * The kind of work a title's verb names, whatever the product (the 大典 files a worker by the work:
 * assembling a machine is 装配, keeping it running is 维修, checking goods at any stage is 质检).
 * Written from the 大典's own naming (…装配调试工, …维修工, 质检员), not from evaluation titles.
 */
export const WORK_RULES: readonly { pattern: RegExp; terms: readonly string[] }[] = [
  { pattern: /总装|组装|装配|装调/, terms: ['装配', '装调'] },
  { pattern: /维保|保养|检修|维修|保全|机修/, terms: ['维修'] },
  {
    pattern: /(机|设备|装置|机组|产线|生产线)(的)?(维保|保养|检修|维修|保全)|设备维护/,
    terms: ['机电设备维修', '机修'],
  },
  { pattern: /来料|进料|进货|过程检|制程|巡检|首检|终检|成品检|出货检|出厂检|目检|品保/, terms: ['质检员', '检验'] },
];

/** Verbs that make a title's work maintenance, assembly or inspection whatever the product or process. */
const VERBS = /维保|保养|检修|维修|修理|保全|总装|组装|装配|装调|检验|质检|品检/;

const MACHINES = '(挖掘机|挖机|钩机|装载机|铲车|叉车|推土机|压路机|起重机|吊车|塔吊|泵车|盾构|摊铺机|平地机)';

/** Machines of construction (工程机械): assembling or repairing them is its own 职业. */
const MACHINE_RULES: readonly { pattern: RegExp; terms: readonly string[] }[] = [
  { pattern: new RegExp(`${MACHINES}.*(总装|组装|装配|装调)`), terms: ['工程机械装配调试'] },
  { pattern: new RegExp(`${MACHINES}.*(维保|保养|检修|维修|修理)`), terms: ['工程机械维修'] },
];

/**
 * Work the 大典 names outright (a 职业 or 工种 name, exactly as in the dictionary): a title doing it
 * ranks that name first, after an equal name (ruleRank). The operator of any crane is 起重装卸机械操作工,
 * its signaller 起重工; a rider delivering orders 网约配送员; checking goods at a stage of production
 * (来料, 过程, 成品 …) 质检员. From the 大典 2022's definitions, not from evaluation titles.
 */
export const NAMED_WORK: readonly { pattern: RegExp; name: string; unless?: RegExp }[] = [
  { pattern: new RegExp(`${MACHINES}.*(总装|组装|装配|装调)`), name: '工程机械装配调试工' },
  { pattern: new RegExp(`${MACHINES}.*(维保|保养|检修|维修|修理)`), name: '工程机械维修工' },
  { pattern: /电梯.*(维保|保养|维修|安装)/, name: '电梯安装维修工' },
  {
    pattern: /(机|设备|装置|机组|产线|生产线|机械)(维保|保养|检修|维修|修理|保全)|保全工|设备维护/,
    name: '机电设备维修工',
    // A more specific 维修 职业 names these (计算机维修工, 汽车维修工, 电梯安装维修工, 工程机械维修工 …).
    unless: new RegExp(`计算机|电脑|手机|打印机|复印机|汽车|电梯|飞机|家电|空调|${MACHINES.slice(1, -1)}`),
  },
  { pattern: /smt|dip|插件工|贴片/, name: '电子设备装接工', unless: VERBS },
  { pattern: /pcb|fpc|线路板|电路板/, name: '印制电路制作工', unless: VERBS },
  { pattern: /lcd|oled|液晶|显示屏|显示模组/, name: '液晶显示器件制造工', unless: VERBS },
  { pattern: /edm|火花机|线切割|慢走丝|快走丝|中走丝/, name: '电切削工', unless: VERBS },
  { pattern: /注塑|吹塑|吸塑|挤塑|吹瓶|吹膜|滚塑/, name: '塑料制品成型制作工', unless: VERBS },
  { pattern: /电芯|pack线|bms|极片|锂电池(涂布|卷绕|注液|化成|分容)/, name: '电池制造工', unless: /维修|维保|保养/ },
  { pattern: /内操|dcs/, name: '化工总控工' },
  { pattern: /外操/, name: '化工单元操作工' },
  { pattern: /商砼|搅拌站/, name: '预拌混凝土生产工' },
  { pattern: /抹灰|腻子|吊顶|瓷砖|铺贴|墙纸|油漆工/, name: '装饰装修工' },
  { pattern: /管道安装|水暖|ppr/, name: '管工' },
  { pattern: /(皮带|输送带|输送机)(司机|操作|工)/, name: '输送机操作工' },
  { pattern: /绞车|提升机司机/, name: '矿山提升设备操作工' },
  { pattern: /综采/, name: '井下采矿工' },
  { pattern: /综掘|井下掘进|巷道掘进/, name: '矿井开掘工' },
  { pattern: /热轧|冷轧|轧钢/, name: '金属轧制工', unless: VERBS },
  { pattern: /压铸/, name: '铸造工', unless: VERBS },
  { pattern: /锻压/, name: '锻造工', unless: VERBS },
  { pattern: /折弯|冲床/, name: '冲压工', unless: VERBS },
  { pattern: /3d打印/, name: '增材制造设备操作员', unless: VERBS },
  { pattern: /摊铺/, name: '筑路工', unless: VERBS },
  { pattern: /装卸工|搬运工/, name: '装卸搬运工' },
  {
    pattern: /(塔吊|塔机|吊车|龙门吊|门吊|桥吊|岸桥|行车|天车|叉车|升降机|起重机|门机)(司机|操作|驾驶)/,
    name: '起重装卸机械操作工',
  },
  { pattern: /司索|(塔吊|吊装|起重)(指挥|信号)/, name: '起重工' },
  { pattern: /骑手|外卖|跑腿|送餐员/, name: '网约配送员' },
  { pattern: /快递|揽收|派件|收派员/, name: '快递员' },
  { pattern: /保洁|清扫|环卫|清洁工/, name: '保洁员' },
  { pattern: /护工|陪护/, name: '医疗护理员' },
  { pattern: /月嫂|育儿嫂|母婴护理/, name: '母婴护理员' },
  { pattern: /保姆|家政/, name: '家政服务员' },
  { pattern: /保安|门卫|安保员/, name: '保安员' },
  { pattern: /收银/, name: '收银员' },
  {
    pattern: /(来料|进料|进货|过程|制程|首件|巡回|成品|出货|出厂|终)(检验|检查|质检|品检)|iqc|ipqc|fqc|oqc|巡检员|目检/,
    name: '质检员',
  },
  // Trades by the work's everyday word (the 大典's names: 司炉 is 锅炉操作工's work, 砌砖 砌筑工's …).
  { pattern: /司炉/, name: '锅炉操作工', unless: VERBS },
  { pattern: /砌砖|砌墙|砌块工|瓦工/, name: '砌筑工' },
  { pattern: /喷漆|喷涂|喷粉|喷塑|油漆(?!工)/, name: '涂装工', unless: /汽车|维修|装修|装饰/ },
  { pattern: /车缝|缝纫(?!机)|平车工|缝制工/, name: '缝纫工' },
  { pattern: /加工中心/, name: '多工序数控机床操作调整工', unless: VERBS },
  { pattern: /摇臂钻|钻床/, name: '钻床工', unless: VERBS },
  { pattern: /(挖掘机|挖机|钩机|装载机|铲车|推土机|旋挖|打桩)(司机|操作|驾驶|手)/, name: '挖掘铲运和桩工机械司机' },
  { pattern: /卷烟|卷接|卷包|制丝|烟机/, name: '烟机设备操作工', unless: VERBS },
  { pattern: /制茶|茶叶加工|揉捻|杀青|黑茶|红茶|绿茶/, name: '茶叶加工工' },
  { pattern: /腊肉|卤味|卤制|香肠|火腿|酱板鸭|熟食/, name: '肉制品加工工' },
  { pattern: /屠宰|分割工/, name: '畜禽屠宰加工工' },
  { pattern: /光刻|刻蚀|晶圆|外延/, name: '半导体芯片制造工', unless: VERBS },
  { pattern: /(芯片|集成电路|ic|cob|半导体)(封装|封测)/, name: '半导体分立器件和集成电路装调工' },
  { pattern: /化验/, name: '化学检验员' },
  { pattern: /仓库保管|库管员|仓管员/, name: '仓储管理员' },
  { pattern: /光伏电站|光伏运维/, name: '光伏发电运维值班员' },
  { pattern: /风电场|风电运维/, name: '风力发电运维值班员' },
  { pattern: /地铁站务|站务员/, name: '城市轨道交通服务员' },
  { pattern: /列车员|乘务员(?!.*(航空|飞机|船))/, name: '铁路列车乘务员', unless: /空乘|航空|飞机|船/ },
  { pattern: /接触网/, name: '牵引电力线路安装维护工' },
  { pattern: /爆破/, name: '爆破工', unless: /器材|雷管|炸药/ },
  { pattern: /(公路|高速|路面|桥梁|道路)养护/, name: '公路养护工' },
  { pattern: /(铜|铅|锌|镍|锡)(冶炼|熔炼)/, name: '重冶火法冶炼工' },
  { pattern: /(黄金|白银|贵金属|金银)(冶炼|精炼|提纯)/, name: '贵金属冶炼工' },
  { pattern: /(钨|钼)(冶炼|制取)/, name: '钨钼冶炼工' },
  { pattern: /防腐工|防腐施工/, name: '腐蚀控制工' },
  { pattern: /冷冻站|制冷机组|制冷站/, name: '制冷工', unless: VERBS },
  { pattern: /制氧|空分/, name: '气体深冷分离工', unless: VERBS },
];

/** The 大典 names of the work a title names outright (NAMED_WORK). */
export function namedWorkIn(text: string): string[] {
  const lower = text.toLowerCase();
  return NAMED_WORK.filter((r) => r.pattern.test(lower) && !r.unless?.test(lower)).map((r) => r.name);
}

/** Dictionary terms a text's shop-floor words and work verbs stand for (each once). */
export function tradeTermsIn(text: string): string[] {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  for (const [word, terms] of Object.entries(TRADE_TERMS)) {
    if (lower.includes(word)) for (const t of terms) out.add(t);
  }
  for (const rule of [...WORK_RULES, ...MACHINE_RULES]) {
    if (rule.pattern.test(lower)) for (const t of rule.terms) out.add(t);
  }
  for (const name of namedWorkIn(lower)) out.add(name);
  return [...out];
}
