/**
 * 证书查询 inputs as a verifier types them: numbers are 22 characters, letters upper-case;
 * names are compared exactly after trimming and removing inner spaces (a pasted "张 三").
 * Returns null when the input cannot match any certificate, so no query is needed. The gateway's
 * lookup budget and the assessments subgraph's verification read them the same way.
 */
export function normaliseNumber(raw: string): string | null {
  const n = raw.replace(/\s+/g, '').toUpperCase();
  return /^[YS][0-9A-Z]{21}$/.test(n) ? n : null;
}

export function normaliseHolderName(raw: string): string | null {
  const n = raw.replace(/\s+/g, '');
  return n.length > 0 && n.length <= 50 ? n : null;
}
