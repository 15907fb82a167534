/**
 * Masks a person's name for public display (张*三 style): the first and last
 * characters stay, everything between becomes '*'; a two-character name keeps
 * its first character only (张*).
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.length ? '*' : '';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
