import { readFileSync, writeFileSync } from 'node:fs';
import { ACCESS_TABLE_END, ACCESS_TABLE_START, accessTableMarkdown } from './access-matrix.ts';

/**
 * Prints the access matrix as markdown; with `--write README.md` replaces the table between the
 * README's markers instead (a test keeps the two equal).
 */
const at = process.argv.indexOf('--write');
if (at < 0) {
  process.stdout.write(`${accessTableMarkdown()}\n`);
} else {
  const file = process.argv[at + 1];
  if (!file) throw new Error('--write needs the README path');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(ACCESS_TABLE_START);
  const end = text.indexOf(ACCESS_TABLE_END);
  if (start < 0 || end < start) throw new Error(`${file} has no access-matrix markers`);
  const next = `${text.slice(0, start + ACCESS_TABLE_START.length)}\n\n${accessTableMarkdown()}\n\n${text.slice(end)}`;
  writeFileSync(file, next);
}
