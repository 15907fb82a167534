/**
 * 文书 (paperwork) on the gateway's origin: files made from GraphQL data — the electronic
 * certificate (PDF), the 公示名单 and 成绩汇总表 of a plan, a centre's lists (xlsx). Each route
 * runs its GraphQL operations as the caller (run.ts): the door, the object rules and every limit
 * are the API's own. A refusal is JSON, `{ errors: [{ message, extensions: { code } }] }`, with the
 * status of the refusal (401, 403, 404, 409, 429). docs/paperwork.md lists the routes.
 */
import type http from 'node:http';
import {
  accessLogger,
  inRequestScope,
  logError,
  REQUEST_ID_HEADER,
  type RequestScope,
  requestIdFrom,
} from '@hub/platform';
import { CERTIFICATE_QUERY, type CertificateData, certificatePdf } from './certificate.ts';
import { attachment, originOf } from './layout.ts';
import { centreList } from './lists.ts';
import {
  isRefusal,
  type Outcome,
  type Paper,
  type PaperRefusal,
  type PaperworkOptions,
  type RouteContext,
  refusalOf,
} from './paper.ts';
import { PDF_TYPE } from './pdf.ts';
import { publicityPdf, publicityWorkbook, resultsWorkbook } from './plan-papers.ts';

interface Route {
  /** The route as the log and the docs name it (no number or id of a record in a log line). */
  name: string;
  pattern: RegExp;
  make(ctx: RouteContext, params: string[]): Promise<Outcome>;
}

const certificateRoute: Route = {
  name: '/certificates/:number.pdf',
  pattern: /^\/certificates\/([^/]{1,64})\.pdf$/,
  async make(ctx, [raw]) {
    const number = segment(raw);
    const answer = await ctx.run<{ certificate: CertificateData | null }>(ctx.req, CERTIFICATE_QUERY, { number });
    const refused = refusalOf(answer);
    if (refused) return refused;
    const c = answer.data?.certificate;
    if (!c) {
      // The API answers null both for a number it does not know and for a certificate the caller
      // may not see (another institution's, another 市州's): the route answers alike, so it tells
      // nobody which numbers exist.
      return {
        status: 404,
        code: 'CERTIFICATE_NOT_FOUND',
        message: '查无此证书：编号不存在，或证书不属于本机构、本辖区',
      };
    }
    if (c.status === 'REVOKED') {
      return {
        status: 409,
        code: 'CERTIFICATE_REVOKED',
        message: '证书已撤销，不再出具电子证书（撤销情况可在证书查询中核验）',
      };
    }
    const origin = originOf(ctx.publicOrigin, ctx.req.headers, ctx.trustProxy ?? false);
    const bytes = await certificatePdf(c, { origin, created: ctx.clock.now() });
    return {
      type: PDF_TYPE,
      fileName: `certificate-${c.number}.pdf`,
      utf8Name: `职业技能等级证书-${c.number}.pdf`,
      bytes,
      disposition: 'inline',
    };
  },
};

/** A path segment as the caller wrote it ('' when it does not decode). */
function segment(raw: string | undefined): string {
  try {
    return decodeURIComponent(raw ?? '');
  } catch {
    return '';
  }
}

export const PAPERWORK_ROUTES: Route[] = [
  certificateRoute,
  {
    name: '/plans/:id/publicity.xlsx',
    pattern: /^\/plans\/([^/]{1,64})\/publicity\.xlsx$/,
    make: (ctx, [id]) => publicityWorkbook(ctx, segment(id)),
  },
  {
    name: '/plans/:id/publicity.pdf',
    pattern: /^\/plans\/([^/]{1,64})\/publicity\.pdf$/,
    make: (ctx, [id]) => publicityPdf(ctx, segment(id)),
  },
  {
    name: '/plans/:id/results.xlsx',
    pattern: /^\/plans\/([^/]{1,64})\/results\.xlsx$/,
    make: (ctx, [id]) => resultsWorkbook(ctx, segment(id)),
  },
  {
    name: '/lists/:name.xlsx',
    pattern: /^\/lists\/([^/]{1,64})\.xlsx$/,
    make: (ctx, [name]) => centreList(ctx, segment(name)),
  },
];

function sendRefusal(req: http.IncomingMessage, res: http.ServerResponse, r: PaperRefusal) {
  const text = JSON.stringify({
    errors: [{ message: r.message, extensions: { code: r.code, ...(r.reason ? { reason: r.reason } : {}) } }],
  });
  res.writeHead(r.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...(r.status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

function sendPaper(req: http.IncomingMessage, res: http.ServerResponse, p: Paper) {
  const disposition =
    p.disposition === 'inline'
      ? attachment(p.fileName, p.utf8Name).replace(/^attachment/, 'inline')
      : attachment(p.fileName, p.utf8Name);
  res.writeHead(200, {
    'content-type': p.type,
    'content-length': p.bytes.length,
    'content-disposition': disposition,
    // Personal data: kept by no cache on the way, and not by the browser's either.
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(req.method === 'HEAD' ? undefined : p.bytes);
}

/** The `pages` handler of the paperwork routes: true when it answered. */
export function paperworkRoutes(opts: PaperworkOptions) {
  const accessLog = accessLogger('gateway');
  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    for (const route of PAPERWORK_ROUTES) {
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      const scope: RequestScope = { requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER]) };
      await inRequestScope(scope, async () => {
        const started = performance.now();
        res.setHeader(REQUEST_ID_HEADER, scope.requestId);
        let outcome: Outcome;
        try {
          outcome = await route.make({ ...opts, req }, match.slice(1));
        } catch (err) {
          logError('gateway', err);
          outcome = { status: 500, code: 'INTERNAL_SERVER_ERROR', message: '文书生成失败' };
        }
        if (isRefusal(outcome)) sendRefusal(req, res, outcome);
        else sendPaper(req, res, outcome);
        // The route's name, never the number or id in the path: a log line holds no record of a person.
        accessLog.info(
          {
            method: req.method,
            route: route.name,
            status: res.statusCode,
            ms: Math.round((performance.now() - started) * 10) / 10,
            role: scope.role,
          },
          'paperwork',
        );
      });
      return true;
    }
    return false;
  };
}
