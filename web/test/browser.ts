import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';

export const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
export const DIST = path.join(WEB_DIR, 'dist');
export const SCREENSHOTS = fileURLToPath(new URL('../../.data/screenshots/', import.meta.url));

/** Builds the pages the gateway will serve, from the source as it is now (never a stale dist). */
export async function buildPages(): Promise<void> {
  await build({ root: WEB_DIR, configFile: path.join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
}

/** Debian's Chromium (apt-get install -y chromium); playwright cannot download a browser here. */
export async function launch(): Promise<Browser> {
  // The browser keeps the real date: a faketime'd run shifts the hub's clock, not Chromium's.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k, v]) => v !== undefined && !/^(LD_PRELOAD|FAKETIME)/.test(k)),
  ) as Record<string, string>;
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** Script bytes (gzip) an HTML entry loads: its module scripts and everything they import, once each. */
export function scriptBytesGzip(htmlFile: string): { files: string[]; bytes: number } {
  const html = readFileSync(path.join(DIST, htmlFile), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[\w.-]+\.js)"/g)].map((m) => m[1] as string);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(path.join(DIST, file), 'utf8');
    for (const m of text.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) queue.push(`assets/${m[1]}`);
  }
  const files = [...seen];
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(DIST, f))).length, 0);
  return { files, bytes };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it stands (WCAG 2 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) stays on.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    return (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] };
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
