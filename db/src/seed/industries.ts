/** The industries that give invented enterprises their names, main business and occupations (seed data). */
import { words } from './pools.ts';

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
