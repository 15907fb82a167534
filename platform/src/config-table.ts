import { readFileSync, writeFileSync } from 'node:fs';
import { CONFIG_TABLE_END, CONFIG_TABLE_START, renderConfigTable } from './config.ts';

/**
 * Prints the configuration table as markdown; with `--write ../docs/operations.md` replaces the
 * table between that page's markers instead (platform/test/config.test.ts keeps the two equal).
 */
const at = process.argv.indexOf('--write');
if (at < 0) {
  process.stdout.write(`${renderConfigTable()}\n`);
} else {
  const file = process.argv[at + 1];
  if (!file) throw new Error('--write needs the page path');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(CONFIG_TABLE_START);
  const end = text.indexOf(CONFIG_TABLE_END);
  if (start < 0 || end < start) throw new Error(`${file} has no config-table markers`);
  writeFileSync(
    file,
    `${text.slice(0, start + CONFIG_TABLE_START.length)}\n\n${renderConfigTable()}\n\n${text.slice(end)}`,
  );
}
