/** Hunan's 14 市州 with their counties, telephone area codes, roads and industrial parks (seed data). */
import type { IndustryKey } from './industries.ts';
import { counties, industryWeights, parks, words } from './pools.ts';

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
