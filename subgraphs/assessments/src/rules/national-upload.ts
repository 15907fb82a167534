import { addCalendarDays } from '@hub/vocabulary';

/**
 * 全部纳入全国证书查询系统 (#24 point 6): every certificate is uploaded to the national query system
 * within a configurable number of calendar days after issue (HUB_NATIONAL_UPLOAD_DAYS, default 30),
 * and a revocation of an uploaded certificate makes its national record wrong until the revocation
 * is uploaded too.
 */
export type NationalUploadState = 'UPLOADED' | 'PENDING' | 'OVERDUE' | 'NEEDS_CORRECTION' | 'NOT_REQUIRED';

/** The last day to upload a certificate issued on `issuedOn`. */
export const uploadDueOn = (issuedOn: string, days: number) => addCalendarDays(issuedOn, days);

/** Where a certificate stands with the national query system on `today`. */
export function nationalUploadState(
  c: {
    issuedOn: string;
    status: 'VALID' | 'REVOKED';
    uploadedOn: string | null;
    nationalCorrectionSince: string | null;
  },
  today: string,
  days: number,
): NationalUploadState {
  if (c.nationalCorrectionSince) return 'NEEDS_CORRECTION';
  if (c.uploadedOn) return 'UPLOADED';
  // Revoked before it was ever uploaded: the national system never showed it, nothing to upload.
  if (c.status === 'REVOKED') return 'NOT_REQUIRED';
  return today > uploadDueOn(c.issuedOn, days) ? 'OVERDUE' : 'PENDING';
}

/** Issued on or before this day and not uploaded: overdue on `today`. */
export const overdueIssuedOnOrBefore = (today: string, days: number) => addCalendarDays(today, -days - 1);
