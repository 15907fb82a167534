/**
 * Text rules of the nearest-match mapping (相邻相近原则): how a job title is
 * cleaned before it is compared with the dictionary. Plain functions, no I/O.
 */

/** Longest title or description the matcher accepts (a posting title is short; this leaves room for a description). */
export const MAX_TITLE_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 2000;

/** Unicode-normalizes (full-width → half-width), lower-cases Latin letters and folds runs of spaces. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Phrases of job postings that say nothing about the work itself: hiring words, pay and perks,
 * seniority. Found by reading job-titles-dev.csv; removed before matching.
 */
const NOISE = [
  /(?:诚聘|急聘|急招|高薪|直招|招募|招工|聘请|长期招|热招|加入我们)/g,
  /(?:[五六七]险一金|五险|社保|双休|单休|大小周|包吃住|包住|包吃|管吃住|提供住宿|有住宿|食宿|可住宿|住宿)/g,
  /(?:底薪|无责任?底薪|无责任?|保底|月薪|年薪|日结|周结|月结|提成|高提成|分红|年终奖|奖金|补贴|绩效|待遇优厚?|薪资面议|面议)/g,
  /(?:月入|年入|日入|月均|综合)?\d+(?:\.\d+)?\s*(?:[kKwW万千元块]|w\+|k\+)(?:\s*[-~至到]\s*\d+(?:\.\d+)?\s*[kKwW万千元块]?)*(?:\/?[月年天日])?(?:以上)?/g,
  /(?:无经验要求|无需经验|无经验|经验不限|不限经验|零基础|小白|可培训|带薪培训|包培训|可实习|接受实习|应届生?|欢迎有志之士加入|欢迎加入|不限学历|学历不限)/g,
  /(?:资深|高级|中级|初级|骨干|优秀|储备|实习|兼职|全职|急需)/g,
  // Bare numbers of three or more digits: pay, posting ids, dates.
  /\d{3,}\+?/g,
];

/**
 * Negated phrases: what the work is not ("无销售性质", "非销售类", "不外出", "无需坐班"). Dropped before
 * anything else, brackets included, so that 销售 in "客服（无销售）" does not read as a sales role (南非销售 is
 * a place, not a negation).
 */
const NEGATED =
  /(?:无需|无须|不需要?|不用|不做|不是|无|(?<!南)非|不)(?:销售|推销|电销|营销|外出|外跑|跑业务|出差|坐班|加班|装卸|露脸|任务)(?:性质|压力|任务|类)?/g;

/** A normalized text without its negated phrases (see NEGATED). */
export const dropNegated = (text: string): string => text.replace(NEGATED, ' ');

const BRACKETS = /[([{【〔（「『<《][^)\]}】〕）」』>》]*[)\]}】〕）」』>》]?/g;

export interface CleanTitle {
  /** The title without bracketed asides and hiring noise: what is matched first. */
  core: string;
  /** Bracketed asides (often a place or a perk, sometimes the real role): matched with a lower weight. */
  asides: string;
}

/**
 * Cleans a job title: normalizes it, takes the bracketed asides apart, cuts a
 * "<company or place>…招聘<role>" prefix down to the role, and drops hiring noise.
 * Falls back to the plain normalized text when cleaning would leave nothing.
 */
export function cleanTitle(raw: string): CleanTitle {
  const text = dropNegated(normalizeText(raw));
  const asideParts = (text.match(BRACKETS) ?? []).map((b) => b.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  let core = text.replace(BRACKETS, ' ');
  // "青岛汗沽建材招聘油漆工": the role follows 招聘 when something stands before it.
  const hire = /^(.{2,}?)(?:招聘|诚聘|急聘|急招|直招)(.{2,})$/.exec(core.replace(/\s+/g, ''));
  if (hire?.[1] && hire[2] && !/^(?:专员|助理|文员|主管|经理|顾问|负责人|总监)/.test(hire[2])) {
    // The company or place before 招聘 says something of the trade (a resort's 服务员): keep it aside.
    asideParts.push(hire[1].replace(/\.+$/, ''));
    core = hire[2];
  }
  const asides = asideParts.filter(Boolean).join(' ');
  for (const n of NOISE) core = core.replace(n, ' ');
  core = core
    .replace(/[^\p{L}\p{N}#+/]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(core)) core = asides || text;
  return { core, asides };
}

/** The characters a title is made of, without punctuation or spaces (for exact and substring tests). */
export function compact(s: string): string {
  return s.replace(/[^\p{L}\p{N}#+]+/gu, '');
}

/** Overlapping character bigrams of each run of letters or digits (a one-character run stands for itself). */
export function charBigrams(s: string): string[] {
  const out: string[] = [];
  for (const run of s.split(/[^\p{L}\p{N}#+]+/u)) {
    const chars = [...run];
    if (chars.length === 1) out.push(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** Heads of job names: the part of a name that says what kind of worker (工程师, 经理, 工 …), longest first. */
const HEADS = [
  '工程师',
  '技术员',
  '设计师',
  '分析师',
  '操作员',
  '操作工',
  '经理',
  '主管',
  '专员',
  '助理',
  '总监',
  '顾问',
  '主任',
  '组长',
  '领班',
  '老师',
  '教师',
  '司机',
  '设计',
  '师',
  '员',
  '工',
  '长',
  '手',
];

function headOf(s: string): string | undefined {
  return HEADS.find((h) => s.endsWith(h) && s.length > h.length);
}

/**
 * The phrases an alias stands for, its slashes read as alternatives: "质量/品质经理" → 质量经理,
 * 品质经理; "物流专员/助理" → 物流专员, 物流助理; "配/理/拣/发货" → 配货, 理货, 拣货, 发货.
 * Phrases shorter than two characters are dropped.
 */
export function aliasPhrases(alias: string): string[] {
  const a = normalizeText(alias);
  const out = new Set<string>();
  const whole = compact(a);
  const parts = a
    .split(/[/、,，]/)
    .map((p) => compact(p.replace(/\([^)]*\)/g, '')))
    .filter(Boolean);
  if (parts.length <= 1) out.add(whole);
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const lastHead = headOf(last);
  for (const inner of a.matchAll(/\(([^)]*)\)/g)) {
    const p = compact(inner[1] ?? '');
    if ([...p].length >= 2) out.add(p);
  }
  parts.forEach((p, i) => {
    if (/^[a-z0-9#+.]+$/.test(p)) {
      out.add(p);
      return;
    }
    if (i === 0 && parts.length > 1 && p.length < last.length && !headOf(p)) {
      // A prefix alternative: borrow the head of the last part ("铸造/锻造工程师" → 铸造工程师).
      out.add(lastHead ? p + lastHead : p + last.slice(Math.min(p.length, last.length - 1)));
      return;
    }
    if (i > 0 && i < parts.length - 1 && !headOf(p) && p.length < last.length) {
      out.add(lastHead ? p + lastHead : p + last.slice(Math.min(p.length, last.length - 1)));
      return;
    }
    if (i > 0 && HEADS.includes(p)) {
      // A suffix alternative: swap the head of the first part ("物流专员/助理" → 物流助理).
      const h = headOf(first);
      out.add(h ? first.slice(0, first.length - h.length) + p : first + p);
      return;
    }
    out.add(p);
  });
  return [...out].filter((p) => [...p].length >= 2);
}
