import type http from 'node:http';
import { SHEETS, type SheetKind, sheetOf } from './kinds.ts';
import { templateBytes, XLSX_TYPE } from './templates.ts';
import { answerUpload, type RunOperation } from './uploads.ts';

/**
 * Excel 导入 on the gateway's own origin: `GET /templates/<kind>.xlsx` (open to anyone: a template
 * holds no record) and `POST /uploads/<kind>` (uploads.ts; `run` sends the rows through the
 * gateway's own GraphQL pipeline). The handler for `ServeOptions.requests`: true when it answered.
 */
export function sheetRoutes(run: RunOperation) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    const kind = /^\/uploads\/([a-z]+)$/.exec(url.pathname)?.[1];
    if (kind !== undefined && Object.hasOwn(SHEETS, kind) && req.method === 'POST') {
      await answerUpload(SHEETS[kind as SheetKind], req, res, url, run);
      return true;
    }
    const template = /^\/templates\/([a-z]+\.xlsx)$/.exec(url.pathname)?.[1];
    if (template === undefined) return false;
    const spec = sheetOf(template);
    if (!spec || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const bytes = await templateBytes(spec.kind);
    res.writeHead(200, {
      'content-type': XLSX_TYPE,
      'content-length': bytes.length,
      // RFC 6266: an ASCII name for old clients, the Chinese one for the rest.
      'content-disposition': `attachment; filename="${spec.kind}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${spec.title}.xlsx`)}`,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
    return true;
  };
}
