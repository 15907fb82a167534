import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The web front (web/, built by Vite to web/dist) on the gateway's own origin: no second server,
 * no CORS. Each page is an HTML entry; its scripts and styles are hashed files under /assets/.
 */

/** The pages by path; one HTML file each in the build. */
export const WEB_PAGES: Record<string, string> = {
  '/': 'index.html',
  '/verify': 'verify.html',
  '/dashboard': 'dashboard.html',
  '/workbench': 'workbench.html',
  '/inspect': 'inspect.html',
};

/**
 * No inline script or style, nothing from another origin: the pages call /graphql on this origin
 * and nothing else. frame-ancestors keeps 证书查询 from being framed by a look-alike site.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);

/** Where the build is: web/dist beside the gateway's source (or beside its bundled dist/). */
export function defaultWebRoot(): string {
  const candidates = ['../../web/dist', '../../../web/dist'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  return candidates.find((c) => existsSync(c)) ?? (candidates[0] as string);
}

interface Prepared {
  mtimeMs: number;
  raw: Buffer;
  gz: Buffer | undefined;
}

/** The handler for `ServeOptions.pages`: true when it answered. */
export function webPages(root: string = defaultWebRoot()) {
  const cache = new Map<string, Prepared>();

  const load = async (file: string): Promise<Prepared | undefined> => {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const known = cache.get(file);
    if (known && known.mtimeMs === info.mtimeMs) return known;
    const raw = await readFile(file);
    const prepared = {
      mtimeMs: info.mtimeMs,
      raw,
      gz: COMPRESSIBLE.has(path.extname(file)) && raw.length > 1024 ? gzipSync(raw) : undefined,
    };
    cache.set(file, prepared);
    return prepared;
  };

  const send = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    file: Prepared,
    type: string,
    cacheControl: string,
  ) => {
    const gzip = file.gz && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? (file.gz as Buffer) : file.raw;
    res.writeHead(status, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': cacheControl,
      'content-security-policy': WEB_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    const page = WEB_PAGES[url.pathname.replace(/(.)\/$/, '$1')];
    if (page) {
      const file = await load(path.join(root, page));
      if (!file) {
        if (existsSync(root)) return false;
        // Installed without the build (its `prepare` script did not run): say how to make it.
        const text = 'The web pages are not built: run `pnpm --filter @hub/web build`.\n';
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
        res.end(req.method === 'HEAD' ? undefined : text);
        return true;
      }
      // Always revalidated: a new build names new asset files.
      send(req, res, 200, file, TYPES['.html'] as string, 'no-cache');
      return true;
    }
    const asset = /^\/assets\/([\w.-]+)$/.exec(url.pathname)?.[1];
    const type = asset ? TYPES[path.extname(asset)] : undefined;
    if (!asset || !type) return false;
    const file = await load(path.join(root, 'assets', asset));
    if (!file) return false;
    // The file name holds a hash of its content: it never changes under the same name.
    send(req, res, 200, file, type, 'public, max-age=31536000, immutable');
    return true;
  };
}
