/**
 * The licence gate (`pnpm run licences`, first step of `pnpm test`): every package in the production
 * dependency closure of the workspace (`pnpm licenses list --prod --json`, read from the installed
 * tree: offline, well under a second) must carry a licence on the allow list, or be allowed there
 * by name (scripts/licences-allowed.json: Apollo's Elastic-2.0 packages). Copyleft — GPL, LGPL, AGPL,
 * SSPL, EUPL — is refused whatever the list says; an `OR` passes when one of its sides is allowed
 * (the hub takes that licence) — and, when another side is copyleft, only for a package whose
 * election is written in the list (`elections`) — an `AND` when both are. An unknown or non-SPDX licence
 * (`SEE LICENSE IN …`, none at all) fails unless the package is listed by name under it.
 *
 *   node --import tsx scripts/licences.ts                 # checks the installed tree
 *   node --import tsx scripts/licences.ts --report f.json # checks a saved `pnpm licenses list --prod --json`
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface AllowList {
  /** SPDX ids allowed for any package. */
  licences: string[];
  /** Licences allowed for the named packages only, each with why. */
  packages: Record<string, { why: string; names: string[] }>;
  /** Dual-licensed packages with a copyleft side: package → the licence the hub takes (and why). */
  elections?: { why: string; names: Record<string, string> };
}

/** One package of `pnpm licenses list --json`. */
export interface LicensedPackage {
  name: string;
  versions?: string[];
  license?: string;
  paths?: string[];
}

/** `pnpm licenses list --json`: licence → the packages under it. */
export type LicenceReport = Record<string, LicensedPackage[]>;

export interface Refused {
  name: string;
  versions: string[];
  licence: string;
  why: 'copyleft' | 'not allowed';
}

/** GPL-2.0, LGPL-3.0-or-later, AGPL-3.0, "GPL3.0", SSPL-1.0, EUPL-1.2 … */
const COPYLEFT = /GPL|SSPL|EUPL/i;

export const isCopyleft = (id: string) => COPYLEFT.test(id);

type Node = { leaf: string } | { op: 'AND' | 'OR'; of: Node[] };

/** An SPDX expression as a tree; null when it is not one (then the text is judged whole). */
export function parseSpdx(text: string): Node | null {
  const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const atom = (): Node | null => {
    const t = tokens[i++];
    if (t === undefined || t === ')' || /^(AND|OR|WITH)$/i.test(t)) return null;
    if (t === '(') {
      const inner = or();
      return tokens[i++] === ')' ? inner : null;
    }
    // A licence with an exception: judged as the licence (GPL-2.0 WITH Classpath-exception-2.0 stays GPL).
    if (/^WITH$/i.test(tokens[i] ?? '')) i += 2;
    return { leaf: t.replace(/\+$/, '') };
  };
  const chain = (op: 'AND' | 'OR', next: () => Node | null) => (): Node | null => {
    const of: Node[] = [];
    for (;;) {
      const n = next();
      if (!n) return null;
      of.push(n);
      if ((tokens[i] ?? '').toUpperCase() !== op) break;
      i++;
    }
    return of.length === 1 ? (of[0] as Node) : { op, of };
  };
  const and = chain('AND', atom);
  const or = chain('OR', and);
  const tree = or();
  return tree && i === tokens.length ? tree : null;
}

/** Whether `name` may be used under `licence` (an SPDX expression or any other text). */
export function judge(allow: AllowList, name: string, licence: string): { ok: boolean; copyleft: boolean } {
  const byName = (id: string) => Object.entries(allow.packages).some(([l, p]) => l === id && p.names.includes(name));
  const leaf = (id: string) => ({
    ok: !isCopyleft(id) && (allow.licences.includes(id) || byName(id)),
    copyleft: isCopyleft(id),
  });
  const walk = (n: Node): { ok: boolean; copyleft: boolean } => {
    if ('leaf' in n) return leaf(n.leaf);
    const parts = n.of.map(walk);
    if (n.op === 'AND') return { ok: parts.every((p) => p.ok), copyleft: parts.some((p) => p.copyleft) };
    // A copyleft side beside the allowed one: the hub's choice must be on record for this package.
    const elected = !parts.some((p) => p.copyleft) || name in (allow.elections?.names ?? {});
    return { ok: parts.some((p) => p.ok) && elected, copyleft: parts.every((p) => p.copyleft) };
  };
  const tree = parseSpdx(licence.trim());
  return tree ? walk(tree) : leaf(licence.trim() || 'UNKNOWN');
}

/** The packages of a report that may not ship, by name. */
export function refusals(report: LicenceReport, allow: AllowList): Refused[] {
  const out: Refused[] = [];
  for (const [key, packages] of Object.entries(report)) {
    for (const p of packages) {
      const licence = p.license ?? key;
      const j = judge(allow, p.name, licence);
      if (!j.ok)
        out.push({ name: p.name, versions: p.versions ?? [], licence, why: j.copyleft ? 'copyleft' : 'not allowed' });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export const readAllowList = (file = path.join(here, 'licences-allowed.json')): AllowList =>
  JSON.parse(readFileSync(file, 'utf8')) as AllowList;

/** `pnpm licenses list --prod --json` of the workspace, as installed. */
function installedReport(): LicenceReport {
  const out = execFileSync('pnpm', ['licenses', 'list', '--prod', '--json'], {
    cwd: path.resolve(here, '..'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).trim();
  return out.startsWith('{') ? (JSON.parse(out) as LicenceReport) : {};
}

function main(): number {
  const at = process.argv.indexOf('--report');
  const report: LicenceReport =
    at > 0 ? JSON.parse(readFileSync(process.argv[at + 1] ?? '', 'utf8')) : installedReport();
  const allow = readAllowList();
  const count = Object.values(report).reduce((s, list) => s + list.length, 0);
  if (!count) {
    console.error('licences: pnpm listed no production packages (run pnpm install first)');
    return 1;
  }
  const refused = refusals(report, allow);
  if (!refused.length) {
    const byLicence = Object.entries(report)
      .map(([l, list]) => `${l} ${list.length}`)
      .join(', ');
    console.log(`licences: ${count} production packages, every licence allowed (${byLicence})`);
    return 0;
  }
  console.error(`licences: ${refused.length} of ${count} production packages may not ship:`);
  for (const r of refused) {
    const what = r.why === 'copyleft' ? 'copyleft, refused' : 'not on the allow list (scripts/licences-allowed.json)';
    console.error(`  ${r.name}@${r.versions.join(',')}: ${r.licence} — ${what}`);
  }
  console.error('  `pnpm why <name>` shows what brings it in.');
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
