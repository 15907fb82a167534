/**
 * The resident-ID scan of acceptance 4: "no resident ID (公民身份号码) appears in any log line
 * or public response". A hit is an 18-character run — 17 digits and a digit or X, not inside a
 * longer run of digits — that is a VALID GB 11643 number (birth date and ISO 7064 check
 * character), so masked IDs (430*************3X), timestamps and other long numbers do not count.
 */
import { readFileSync } from 'node:fs';
import { residentIdProblem } from '@hub/vocabulary';

const SHAPE = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g;

export interface ResidentIdHit {
  /** 1-based line number in the scanned text. */
  line: number;
  /** The ID, masked, so the report itself leaks nothing. */
  masked: string;
}

/** Every valid resident ID in `text`, by line. */
export function findResidentIds(text: string): ResidentIdHit[] {
  const hits: ResidentIdHit[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    for (const m of (lines[i] as string).matchAll(SHAPE)) {
      const id = m[0].toUpperCase();
      if (residentIdProblem(id) === null) hits.push({ line: i + 1, masked: `${id.slice(0, 3)}…${id.slice(-2)}` });
    }
  }
  return hits;
}

/** Scans a file; a missing file has no hits. */
export function scanFile(path: string): ResidentIdHit[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return findResidentIds(text);
}
