/**
 * 受理编号 of a complaint or media report: `TS` (投诉), the day of receipt as yyyymmdd and the
 * day's sequence, at least 4 digits — TS202612070001 — short enough to read out on the phone,
 * unique by construction. The supervision subgraph numbers new complaints; the demo seed numbers
 * its own the same way.
 */
export function receiptNumber(receivedOn: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`bad receipt sequence ${sequence}`);
  return `TS${receivedOn.replaceAll('-', '')}${String(sequence).padStart(4, '0')}`;
}

/** The receipt number as typed: spaces and hyphens dropped, upper case; null when it cannot be one. */
export function normaliseReceiptNumber(typed: string): string | null {
  const s = typed.replace(/[\s-]/g, '').toUpperCase();
  return /^TS\d{8}\d{4,6}$/.test(s) ? s : null;
}

/**
 * 办理期限 by default: 30 calendar days from receipt (`HUB_COMPLAINT_HANDLING_DAYS`). The notice asks
 * for 「及时调查核实处理」 and sets no number; a month lets the authority check a complaint against the
 * records and either dismiss it with reasons or open a case, and natural days are what a
 * complainant can count on the receipt without a holiday calendar.
 */
export const DEFAULT_COMPLAINT_HANDLING_DAYS = 30;
