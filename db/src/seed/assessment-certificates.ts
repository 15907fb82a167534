/**
 * The demo seed's certificates: numbered and issued for the certified candidates, their holders'
 * resident IDs sealed as issuing seals them, and the serials issuing continues from.
 */

import { type PiiKeyring, piiKeyring, sealCertificateHolder, sealWorkerResidentId } from '../pii.ts';
import type { certificates } from '../schema/assessment.ts';
import { type Draft, REVOCATION_REASONS } from './assessment-plans.ts';
import type { CandidateRow, CertificateRow, SerialRow, UploadBatchRow, WorkerRow } from './assessments.ts';
import { DEMO_CERTIFICATE, DEMO_PLAN } from './demo.ts';
import { addDays, minDate, type Rng } from './random.ts';

/**
 * Certificates for the certified candidates, on their plan's issue day. Numbers are Y|S + 0000 + 43 +
 * institution code + year + level + a serial per (institution, year, level), given in order of issue
 * (the demo certificate first on its day).
 */
export function issue(
  rng: Rng,
  certified: { d: Draft; c: CandidateRow; w: WorkerRow }[],
  today: string,
): { certificates: CertificateRow[]; batches: UploadBatchRow[] } {
  const uploadLag = new Map<Draft, number>();
  const order = certified
    .map((x, i) => ({ ...x, i }))
    .sort((a, b) =>
      a.d.steps.issuedOn < b.d.steps.issuedOn
        ? -1
        : a.d.steps.issuedOn > b.d.steps.issuedOn
          ? 1
          : Number(b.d.demo) - Number(a.d.demo) || a.i - b.i,
    );
  const serials = new Map<string, number>();
  const out: CertificateRow[] = [];
  for (const { d, c, w } of order) {
    const e = d.e;
    const issuedOn = d.steps.issuedOn;
    const key = `${e.institutionCode}${issuedOn.slice(2, 4)}${d.level}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    if (!uploadLag.has(d)) uploadLag.set(d, rng.int(3, 30));
    const uploadedOn = d.demo ? DEMO_PLAN.uploadedOn : addDays(issuedOn, uploadLag.get(d) as number);
    out.push({
      number: `${d.qualification === 'SOCIAL_EVALUATION_ORGANIZATION' ? 'S' : 'Y'}000043${key}${String(serial).padStart(6, '0')}`,
      planId: c.planId,
      candidateId: c.id as string,
      enterpriseId: e.id,
      prefectureCode: e.place.code,
      occupationCode: d.occupationCode,
      workTypeCode: null,
      level: d.level,
      holderName: w.name,
      holderResidentId: w.residentId,
      issuedOn,
      status: 'VALID',
      revokedOn: null,
      revocationReason: null,
      revokedBy: null,
      uploadBatchId: null,
      uploadedOn: uploadedOn <= today && (d.demo || rng.chance(0.91)) ? uploadedOn : null,
    });
  }

  // 证书数据上报: what one institution uploaded on one day went as one batch.
  const batches = new Map<string, UploadBatchRow>();
  for (const c of out) {
    if (!c.uploadedOn) continue;
    const key = `${c.enterpriseId}/${c.uploadedOn}`;
    let batch = batches.get(key);
    if (!batch) {
      batch = {
        id: rng.uuid(),
        institutionId: c.enterpriseId,
        uploadedOn: c.uploadedOn,
        reference: `JNDJ-${c.number.slice(7, 13)}-${c.uploadedOn.replaceAll('-', '')}`,
        count: 0,
      };
      batches.set(key, batch);
    }
    batch.count = (batch.count as number) + 1;
    c.uploadBatchId = batch.id as string;
  }

  // ~1% revoked, at least a month after issue (never the demo certificate).
  const revocable = out.filter((c) => addDays(c.issuedOn, 30) <= today && c.number !== DEMO_CERTIFICATE.number);
  for (const c of rng.sample(revocable, Math.round(out.length * 0.01))) {
    c.status = 'REVOKED';
    c.revokedOn = minDate(addDays(c.issuedOn, rng.int(30, 400)), today);
    c.revocationReason = rng.pick(REVOCATION_REASONS);
    c.revokedBy = 'city_center:seed';
  }
  return { certificates: out, batches: [...batches.values()] };
}

/** Sealed resident IDs by clear ID: a certificate carries its holder's worker ciphertext, as issuing does. */
export type SealedIds = Map<string, { enc: Buffer; hmac: Buffer }>;

/** The row as stored: the resident ID encrypted, with its lookup hash, never in clear. */
export function sealWorker({ residentId, ...row }: WorkerRow, ring: PiiKeyring = piiKeyring(), sealed?: SealedIds) {
  const cols = sealWorkerResidentId(residentId, ring);
  sealed?.set(residentId, { enc: cols.residentIdEnc, hmac: cols.residentIdHmac });
  return { ...row, ...cols };
}

/** The row as stored: the resident ID encrypted, with its lookup hash, never in clear. */
export function sealCertificate(
  { holderResidentId, ...row }: CertificateRow,
  ring: PiiKeyring = piiKeyring(),
  sealed?: SealedIds,
): typeof certificates.$inferInsert {
  const known = sealed?.get(holderResidentId);
  return known
    ? { ...row, holderResidentIdEnc: known.enc, holderResidentIdHmac: known.hmac }
    : { ...row, ...sealCertificateHolder(holderResidentId, ring) };
}

/** The last serial per (institution, year, level) of the seeded certificates, so issuing continues after them. */
export function certificateSerialRows(certs: readonly CertificateRow[]): SerialRow[] {
  const last = new Map<string, number>();
  for (const c of certs) {
    const key = c.number.slice(7, 16);
    last.set(key, Math.max(last.get(key) ?? 0, Number(c.number.slice(16))));
  }
  return [...last]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, serial]) => ({
      institutionCode: key.slice(0, 6),
      year: 2000 + Number(key.slice(6, 8)),
      level: Number(key.slice(8, 9)),
      last: serial,
    }));
}
