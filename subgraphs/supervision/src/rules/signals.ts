import { addCalendarDays } from '@hub/vocabulary';

/**
 * 风险信号 for inspectors: anomalies computed from the assessments domain's records, each with
 * its explanation in numbers, a stable key (one click opens a case on it) and the violation it
 * suggests. Pure functions over rows the read functions return.
 */
export type SignalKind =
  | 'OUT_OF_SCOPE_CERTIFICATES'
  | 'HIGH_LEVEL_SHARE'
  | 'LATE_RESULT_SUBMISSION'
  | 'SHORT_PUBLICITY'
  | 'MISSING_EXTERNAL_SUPERVISION'
  | 'OVERDUE_NATIONAL_UPLOAD';

export type Violation = 'OUT_OF_SCOPE' | 'LOWERED_STANDARDS' | 'MISMANAGEMENT' | 'IRREGULAR_CERTIFICATES';

export interface Signal {
  key: string;
  kind: SignalKind;
  enterpriseId: string;
  prefectureCode: string;
  planId: string | null;
  occupationCode: string | null;
  level: number | null;
  /** Certificates concerned (where counted). */
  certificates: number | null;
  share: number | null;
  peerMedian: number | null;
  threshold: number | null;
  peers: number | null;
  deadline: string | null;
  submittedOn: string | null;
  daysLate: number | null;
  publicityDays: number | null;
  suggestedViolation: Violation;
  explanation: string;
}

const blank = {
  planId: null,
  occupationCode: null,
  level: null,
  certificates: null,
  share: null,
  peerMedian: null,
  threshold: null,
  peers: null,
  deadline: null,
  submittedOn: null,
  daysLate: null,
  publicityDays: null,
} as const;

const LEVEL = ['', '一级/高级技师', '二级/技师', '三级/高级工', '四级/中级工', '五级/初级工'];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function outOfScopeSignal(g: {
  enterpriseId: string;
  prefectureCode: string;
  occupationCode: string;
  workTypeCode: string | null;
  level: number;
  count: number;
  sampleNumber: string;
  firstIssuedOn: string;
  lastIssuedOn: string;
}): Signal {
  return {
    ...blank,
    key: `OUT_OF_SCOPE_CERTIFICATES:${g.enterpriseId}:${g.workTypeCode ?? g.occupationCode}:${g.level}`,
    kind: 'OUT_OF_SCOPE_CERTIFICATES',
    enterpriseId: g.enterpriseId,
    prefectureCode: g.prefectureCode,
    occupationCode: g.workTypeCode ?? g.occupationCode,
    level: g.level,
    certificates: g.count,
    suggestedViolation: 'OUT_OF_SCOPE',
    explanation: `超范围认定: ${g.count} 张有效证书（${g.workTypeCode ?? g.occupationCode}，${LEVEL[g.level] ?? g.level}，${g.firstIssuedOn} 至 ${g.lastIssuedOn}，如 ${g.sampleNumber}）发证当日不在已确认的备案范围内。`,
  };
}

/** 技师、高级技师要控制在科学合理的范围: the share compared with peers in the same occupation. */
export const HIGH_LEVEL_RULE = {
  /** Certificates an institution needs in the occupation before its share means anything. */
  minCertificates: 20,
  /** Other institutions with that many, needed for a peer median. */
  minPeers: 3,
  /** Far above: at least twice the peer median and 25 points above it. */
  factor: 2,
  margin: 0.25,
} as const;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function highLevelThreshold(peerMedian: number): number {
  return Math.min(1, Math.max(peerMedian * HIGH_LEVEL_RULE.factor, peerMedian + HIGH_LEVEL_RULE.margin));
}

/**
 * From valid-certificate counts per institution, occupation and level: institutions whose share of
 * 二级 and 一级 in an occupation is far above the median share of their peers in that occupation.
 */
export function highLevelShareSignals(
  counts: readonly {
    enterpriseId: string;
    prefectureCode: string;
    occupationCode: string;
    level: number;
    valid: number;
  }[],
): Signal[] {
  const groups = new Map<
    string,
    { enterpriseId: string; prefectureCode: string; occupationCode: string; total: number; high: number }
  >();
  for (const c of counts) {
    const key = `${c.occupationCode}|${c.enterpriseId}`;
    const g = groups.get(key) ?? {
      enterpriseId: c.enterpriseId,
      prefectureCode: c.prefectureCode,
      occupationCode: c.occupationCode,
      total: 0,
      high: 0,
    };
    g.total += c.valid;
    if (c.level <= 2) g.high += c.valid;
    groups.set(key, g);
  }
  const byOccupation = new Map<string, (typeof groups extends Map<string, infer G> ? G : never)[]>();
  for (const g of groups.values()) {
    if (g.total < HIGH_LEVEL_RULE.minCertificates) continue;
    byOccupation.set(g.occupationCode, [...(byOccupation.get(g.occupationCode) ?? []), g]);
  }
  const out: Signal[] = [];
  for (const [occupationCode, list] of byOccupation) {
    for (const g of list) {
      const peers = list.filter((p) => p.enterpriseId !== g.enterpriseId);
      if (peers.length < HIGH_LEVEL_RULE.minPeers) continue;
      const share = g.high / g.total;
      const peerMedian = median(peers.map((p) => p.high / p.total));
      const threshold = highLevelThreshold(peerMedian);
      if (share <= threshold) continue;
      out.push({
        ...blank,
        key: `HIGH_LEVEL_SHARE:${g.enterpriseId}:${occupationCode}`,
        kind: 'HIGH_LEVEL_SHARE',
        enterpriseId: g.enterpriseId,
        prefectureCode: g.prefectureCode,
        occupationCode,
        certificates: g.total,
        share,
        peerMedian,
        threshold,
        peers: peers.length,
        suggestedViolation: 'LOWERED_STANDARDS',
        explanation: `技师、高级技师占比偏高: ${occupationCode} 的 ${g.total} 张有效证书中二级、一级 ${g.high} 张，占 ${pct(share)}；同职业 ${peers.length} 家机构的中位数为 ${pct(peerMedian)}，预警阈值 ${pct(threshold)}（中位数的 ${HIGH_LEVEL_RULE.factor} 倍且至少高出 ${HIGH_LEVEL_RULE.margin * 100} 个百分点）。`,
      });
    }
  }
  return out;
}

export function lateResultSignal(p: {
  planId: string;
  enterpriseId: string;
  prefectureCode: string;
  resultDeadline: string;
  resultsSubmittedOn: string | null;
  daysLate: number;
}): Signal {
  return {
    ...blank,
    key: `LATE_RESULT_SUBMISSION:${p.planId}`,
    kind: 'LATE_RESULT_SUBMISSION',
    enterpriseId: p.enterpriseId,
    prefectureCode: p.prefectureCode,
    planId: p.planId,
    deadline: p.resultDeadline,
    submittedOn: p.resultsSubmittedOn,
    daysLate: p.daysLate,
    suggestedViolation: 'MISMANAGEMENT',
    explanation: p.resultsSubmittedOn
      ? `逾期提交评价结果: 公示结束后20个工作日的期限为 ${p.resultDeadline}，实际 ${p.resultsSubmittedOn} 提交，逾期 ${p.daysLate} 天。`
      : `逾期未提交评价结果: 期限 ${p.resultDeadline} 已过 ${p.daysLate} 天，仍未提交。`,
  };
}

export const MIN_PUBLICITY_DAYS = 5;

export function shortPublicitySignal(p: {
  planId: string;
  enterpriseId: string;
  prefectureCode: string;
  publicityStartsOn: string | null;
  publicityEndsOn: string | null;
}): Signal {
  const days =
    p.publicityStartsOn && p.publicityEndsOn
      ? Math.round((Date.parse(p.publicityEndsOn) - Date.parse(p.publicityStartsOn)) / 86_400_000) + 1
      : 0;
  return {
    ...blank,
    key: `SHORT_PUBLICITY:${p.planId}`,
    kind: 'SHORT_PUBLICITY',
    enterpriseId: p.enterpriseId,
    prefectureCode: p.prefectureCode,
    planId: p.planId,
    publicityDays: days,
    suggestedViolation: 'MISMANAGEMENT',
    explanation: `公示期不足: ${p.publicityStartsOn} 至 ${p.publicityEndsOn} 共 ${days} 个自然日，少于规定的 ${MIN_PUBLICITY_DAYS} 天。`,
  };
}

/**
 * Which plans need an external quality supervisor (外部质量督导员) on record: the hub's policy is
 * every evaluation at 二级/技师 or 一级/高级技师 (the levels 工作指引 五(九) asks to keep within a
 * reasonable range).
 */
export const SUPERVISED_LEVELS = [1, 2] as const;

export function missingSupervisionSignal(p: {
  planId: string;
  enterpriseId: string;
  prefectureCode: string;
  occupationCode: string;
  level: number;
  evaluationDate: string;
  certificates: number;
}): Signal {
  return {
    ...blank,
    key: `MISSING_EXTERNAL_SUPERVISION:${p.planId}`,
    kind: 'MISSING_EXTERNAL_SUPERVISION',
    enterpriseId: p.enterpriseId,
    prefectureCode: p.prefectureCode,
    planId: p.planId,
    occupationCode: p.occupationCode,
    level: p.level,
    certificates: p.certificates,
    suggestedViolation: 'IRREGULAR_CERTIFICATES',
    explanation: `无外部质量督导记录: ${p.evaluationDate} 的 ${p.occupationCode} ${LEVEL[p.level] ?? p.level} 评价须有外部质量督导员督导，但没有派遣记录，已发证 ${p.certificates} 张。`,
  };
}

/**
 * 证书全部纳入全国证书查询系统: an institution holding valid certificates that were not uploaded within
 * `uploadDays` calendar days of issue (HUB_NATIONAL_UPLOAD_DAYS). The assessments domain shows the
 * same certificates as OVERDUE; this is the institution-level signal for inspectors.
 */
export function overdueUploadSignal(
  g: { enterpriseId: string; prefectureCode: string; count: number; oldestIssuedOn: string },
  asOf: string,
  uploadDays: number,
): Signal {
  const deadline = addCalendarDays(g.oldestIssuedOn, uploadDays);
  const daysLate = Math.round((Date.parse(asOf) - Date.parse(deadline)) / 86_400_000);
  return {
    ...blank,
    key: `OVERDUE_NATIONAL_UPLOAD:${g.enterpriseId}`,
    kind: 'OVERDUE_NATIONAL_UPLOAD',
    enterpriseId: g.enterpriseId,
    prefectureCode: g.prefectureCode,
    certificates: g.count,
    deadline,
    daysLate,
    suggestedViolation: 'MISMANAGEMENT',
    explanation: `证书逾期未上报全国证书查询系统: ${g.count} 张有效证书发证后 ${uploadDays} 天内未上报；最早一张 ${g.oldestIssuedOn} 发证，上报期限 ${deadline}，已逾期 ${daysLate} 天。`,
  };
}

/** The last issue day whose certificates are overdue on `asOf` when still not uploaded. */
export const overdueUploadCutoff = (asOf: string, uploadDays: number) => addCalendarDays(asOf, -uploadDays - 1);
