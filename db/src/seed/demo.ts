/**
 * The demo certificate: one plainly named holder whose certificate the README's verification
 * example answers VALID on any demo seed of size ≥ 1 whose "today" is DEMO_FROM or later.
 *
 * A certificate number carries its issue year, so this one certificate has fixed dates where every
 * other date of the seed is relative to its "today": 张三 passed a 理论技能一体化 evaluation of
 * 三级/高级工 at the story institution (the first enterprise of 长沙, confirmed before every other
 * institution of its 市州, hence institution code 010001) in December 2024, and holds serial 000001
 * of that institution's 2025 三级 certificates. He holds no other certificate.
 */
export const DEMO_CERTIFICATE = {
  number: 'Y000043010001253000001',
  holderName: '张三',
  /** 长沙市岳麓区, born 1988-06-15, male (GB 11643 check character included). */
  holderResidentId: '430104198806150030',
  level: 3,
  issuedOn: '2025-01-02',
} as const;

/** Seeds for an earlier "today" have no demo certificate (it would be issued in their future). */
export const DEMO_FROM = '2025-03-01';

/**
 * The story institution is confirmed by this day at the latest, and at least DEMO_CONFIRMED_DAYS_AGO
 * days before "today" (every other confirmation falls within 909 days of it), so it is its 市州's first.
 */
export const DEMO_CONFIRMED_BY = '2024-09-27';
export const DEMO_CONFIRMED_DAYS_AGO = 915;

/** The evaluation behind it, step by step (working days; no holiday falls in between). */
export const DEMO_PLAN = {
  reportedOn: '2024-11-14',
  reportDeadline: '2024-11-28',
  evaluationDate: '2024-12-05',
  reviewedOn: '2024-12-09',
  publicityStartsOn: '2024-12-10',
  publicityEndsOn: '2024-12-16',
  resultsSubmittedOn: '2024-12-23',
  uploadedOn: '2025-01-10',
} as const;

/** Regular plans of the story institution come after the demo certificate, so its serial stays 000001. */
export const DEMO_NEXT_PLANS_FROM = '2025-01-06';
