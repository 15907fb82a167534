import { describe, expect, it } from 'vitest';
import { nationalUploadState, overdueIssuedOnOrBefore, uploadDueOn } from '../src/rules/national-upload.ts';

const c = (
  issuedOn: string,
  uploadedOn: string | null = null,
  nationalCorrectionSince: string | null = null,
  status: 'VALID' | 'REVOKED' = 'VALID',
) => ({
  issuedOn,
  status,
  uploadedOn,
  nationalCorrectionSince,
});

describe('every certificate reaches the national query system (#24 point 6)', () => {
  it('gives a certificate until the configured number of days after issue, then calls it overdue', () => {
    expect(uploadDueOn('2026-11-01', 30)).toBe('2026-12-01');
    expect(nationalUploadState(c('2026-11-01'), '2026-12-01', 30)).toBe('PENDING');
    expect(nationalUploadState(c('2026-11-01'), '2026-12-02', 30)).toBe('OVERDUE');
    expect(nationalUploadState(c('2026-11-01'), '2026-12-02', 31)).toBe('PENDING');
    expect(overdueIssuedOnOrBefore('2026-12-02', 30)).toBe('2026-11-01');
  });

  it('counts an uploaded certificate as uploaded, and a revoked one as needing correction until re-uploaded', () => {
    expect(nationalUploadState(c('2026-01-01', '2026-01-05'), '2026-12-02', 30)).toBe('UPLOADED');
    expect(nationalUploadState(c('2026-01-01', '2026-01-05', '2026-12-01'), '2026-12-02', 30)).toBe('NEEDS_CORRECTION');
  });

  it('asks no upload of a certificate revoked before it was ever uploaded', () => {
    expect(nationalUploadState(c('2026-01-01', null, null, 'REVOKED'), '2026-12-02', 30)).toBe('NOT_REQUIRED');
  });
});
