/** Hunan's 14 prefecture-level divisions (市州), by their GB/T 2260 code. */
export const PREFECTURES = [
  { code: '430100', name: '长沙市', nameEn: 'Changsha' },
  { code: '430200', name: '株洲市', nameEn: 'Zhuzhou' },
  { code: '430300', name: '湘潭市', nameEn: 'Xiangtan' },
  { code: '430400', name: '衡阳市', nameEn: 'Hengyang' },
  { code: '430500', name: '邵阳市', nameEn: 'Shaoyang' },
  { code: '430600', name: '岳阳市', nameEn: 'Yueyang' },
  { code: '430700', name: '常德市', nameEn: 'Changde' },
  { code: '430800', name: '张家界市', nameEn: 'Zhangjiajie' },
  { code: '430900', name: '益阳市', nameEn: 'Yiyang' },
  { code: '431000', name: '郴州市', nameEn: 'Chenzhou' },
  { code: '431100', name: '永州市', nameEn: 'Yongzhou' },
  { code: '431200', name: '怀化市', nameEn: 'Huaihua' },
  { code: '431300', name: '娄底市', nameEn: 'Loudi' },
  { code: '433100', name: '湘西土家族苗族自治州', nameEn: 'Xiangxi' },
] as const;

export type PrefectureCode = (typeof PREFECTURES)[number]['code'];

const byCode = new Map<string, (typeof PREFECTURES)[number]>(PREFECTURES.map((p) => [p.code, p]));

export function isPrefectureCode(code: string): code is PrefectureCode {
  return byCode.has(code);
}

export function prefectureName(code: string): string | undefined {
  return byCode.get(code)?.name;
}
