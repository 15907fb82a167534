import type http from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import {
  ACCESS_MATRIX,
  accessLogger,
  inRequestScope,
  logError,
  type Operation,
  REQUEST_ID_HEADER,
  type RequestScope,
  requestIdFrom,
} from '@hub/platform';
import { GraphQLError } from 'graphql';
import { verifyCaller } from '../auth.ts';
import type { GatewayContext } from '../datasource.ts';
import { columnLetter, type SheetSpec } from './kinds.ts';
import { type CellProblem, readRows, SheetError } from './read.ts';

/**
 * Excel 导入: `POST /uploads/<kind>` (`?planId=` for candidates and scores, `&dryRun=1` to check
 * only) with the .xlsx file as the request body and the caller's bearer token. The gateway reads
 * the sheet (read.ts) and sends its rows to the bulk mutation (importWorkers, importCandidates,
 * importScores) through its own GraphQL pipeline — the request gate, the access matrix, the
 * subgraph's rules and audit — with the caller's token, so what an upload may do is exactly what
 * that mutation may do. The answer is JSON: how many rows were written (all or none), and every
 * problem by row, column and cell, with the rule's code. See docs/excel-import.md.
 */

/** The largest file taken (a full 10,000-row sheet is well under 1 MB). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Runs one GraphQL operation as the caller of `req` would: the gate's context and Apollo's pipeline. */
export type RunOperation = (
  req: http.IncomingMessage,
  body: { query: string; operationName: string; variables: Record<string, unknown> },
) => Promise<{ status: number; result: GraphQLAnswer }>;

interface GraphQLAnswer {
  data?: Record<string, ImportAnswer | null> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

interface ImportAnswer {
  imported: number;
  checked: number;
  dryRun: boolean;
  problems: { row: number; field: string | null; code: string; message: string }[];
  errors: { code: string; message: string; field: string | null }[];
}

/** One problem as the report shows it: the sheet's row, the column's header and the cell. */
export interface ReportProblem {
  row: number;
  column: string | null;
  cell: string | null;
  code: string;
  message: string;
}

export interface UploadReport {
  kind: string;
  sheet: string;
  rows: number;
  imported: number;
  dryRun: boolean;
  problems: ReportProblem[];
  errors: { code: string; message: string }[];
}

/** The runner over the gateway's Apollo Server and request gate (server.ts). */
export function operationRunner(
  server: ApolloServer<GatewayContext>,
  context: (req: http.IncomingMessage, body: unknown) => Promise<GatewayContext>,
): RunOperation {
  return async (req, body) => {
    const headers = new HeaderMap([['content-type', 'application/json']]);
    if (req.headers.authorization) headers.set('authorization', req.headers.authorization);
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: () => context(req, body),
    });
    let text = '';
    if (response.body.kind === 'complete') text = response.body.string;
    else for await (const chunk of response.body.asyncIterator) text += chunk;
    return { status: response.status ?? 200, result: JSON.parse(text) as GraphQLAnswer };
  };
}

class UploadRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * The file, up to `limit` bytes. A larger one is read to its end unkept and then refused (413), so
 * the client gets the answer rather than a reset connection; past 4 × the limit it is cut off.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => new UploadRefusal(413, 'UPLOAD_TOO_LARGE', `上传的文件超过 ${limit / 1024 / 1024} MB`);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit * 4) {
        reject(tooLarge());
        req.destroy();
      } else if (size > limit) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

const REFUSED = (rows: number, problems: number) => ({
  code: 'IMPORT_REFUSED',
  message: `${rows} 行有误（共 ${problems} 处），未写入任何一行：改正后重新上传整个文件`,
});

/** The report of one upload: the reader's cell problems and the mutation's answer, as one list by row. */
export function reportOf(
  spec: SheetSpec,
  read: { sheet: string; rows: Record<string, unknown>[]; problems: CellProblem[]; columns: Map<string, number> },
  answer: ImportAnswer,
  dryRunAsked: boolean,
): UploadReport {
  const cellAt = (row: number, field: string | null) => {
    const n = field ? read.columns.get(field) : undefined;
    return {
      column: (field && spec.columns.find((c) => c.field === field)?.header) ?? null,
      cell: n ? `${columnLetter(n)}${row}` : null,
    };
  };
  const problems: (ReportProblem & { order: number })[] = [];
  const seen = new Set<string>();
  const add = (p: { row: number; field: string | null; code: string; message: string }) => {
    const at = cellAt(p.row, p.field);
    problems.push({
      row: p.row,
      ...at,
      code: p.code,
      message: p.message,
      order: p.field ? (read.columns.get(p.field) ?? 0) : 0,
    });
  };
  for (const p of read.problems) {
    seen.add(`${p.row}|${p.field}`);
    add(p);
  }
  // A cell the reader could not read went to the API empty: its "missing" is no news.
  for (const p of answer.problems) if (!seen.has(`${p.row}|${p.field}`)) add(p);
  const errors: { code: string; message: string }[] = [];
  for (const e of answer.errors) {
    // An input bound of the whole request (a 300-character name) names its row by place: rows.<i>.<field>.
    const at = /^rows\.(\d+)\.(\w+)$/.exec(e.field ?? '');
    const row = at ? (read.rows[Number(at[1])]?.row as number | undefined) : undefined;
    if (at && row !== undefined) add({ row, field: at[2] as string, code: e.code, message: e.message });
    else if (e.code !== 'IMPORT_REFUSED') errors.push({ code: e.code, message: e.message });
  }
  problems.sort((a, b) => a.row - b.row || a.order - b.order);
  if (problems.length) errors.unshift(REFUSED(new Set(problems.map((p) => p.row)).size, problems.length));
  return {
    kind: spec.kind,
    sheet: read.sheet,
    rows: read.rows.length,
    imported: problems.length || errors.length ? 0 : answer.imported,
    dryRun: dryRunAsked,
    problems: problems.map(({ order: _order, ...p }) => p),
    errors,
  };
}

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

async function upload(
  spec: SheetSpec,
  req: http.IncomingMessage,
  url: URL,
  run: RunOperation,
  scope: RequestScope,
): Promise<{ status: number; body: unknown }> {
  // The door first, by the access matrix of the mutation the rows go to: no file is read for a
  // caller who may not import (the mutation checks again, with the reach).
  const caller = await verifyCaller(req).catch((err: unknown) => {
    const ext = err instanceof GraphQLError ? err.extensions : {};
    throw new UploadRefusal(401, 'UNAUTHENTICATED', (err as Error).message, { reason: ext.reason });
  });
  scope.role = caller.role;
  const operation = `Mutation.${spec.field}` as Operation;
  if (ACCESS_MATRIX[operation][caller.role] === 'denied') {
    throw caller.role === 'public'
      ? new UploadRefusal(401, 'UNAUTHENTICATED', '上传须带本机构的令牌（Authorization: Bearer …）')
      : new UploadRefusal(403, 'FORBIDDEN', '只有评价机构（企业或其可写入的合作人力资源系统）可以导入');
  }
  const planId = url.searchParams.get('planId');
  if (spec.needsPlan && !planId) {
    throw new UploadRefusal(
      400,
      'PLAN_ID_MISSING',
      `导入${spec.sheetName}须指明评价计划：/uploads/${spec.kind}?planId=<计划 id>`,
    );
  }
  if (/^multipart\//i.test(String(req.headers['content-type'] ?? ''))) {
    throw new UploadRefusal(
      415,
      'UPLOAD_NOT_RAW',
      '请把 .xlsx 文件本身作为请求体上传（curl --data-binary @文件.xlsx），不要用表单',
    );
  }
  const bytes = await readBody(req, MAX_UPLOAD_BYTES);
  const read = await readRows(spec, bytes);
  const dryRun = ['1', 'true'].includes(url.searchParams.get('dryRun') ?? '');
  const variables: Record<string, unknown> = {
    rows: read.rows,
    // A cell the reader could not read: the API only checks, so the report holds every problem.
    dryRun: dryRun || read.problems.length > 0,
    ...(spec.needsPlan ? { planId } : {}),
  };
  const operationName = spec.mutation.match(/^mutation (\w+)/)?.[1] as string;
  const { status, result } = await run(req, { query: spec.mutation, operationName, variables });
  const answer = result.data?.[spec.field];
  if (!answer) {
    const errors = (result.errors ?? []).map((e) => ({
      message: e.message,
      extensions: { code: e.extensions?.code, ...(e.extensions?.reason ? { reason: e.extensions.reason } : {}) },
    }));
    const code = String(errors[0]?.extensions.code ?? '');
    return { status: STATUS_OF[code] ?? Math.max(status, 400), body: { errors } };
  }
  const report = reportOf(spec, read, answer, dryRun);
  return { status: report.problems.length || report.errors.length ? 422 : 200, body: report };
}

/** The handler of `POST /uploads/<kind>`. */
export async function answerUpload(
  spec: SheetSpec,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  run: RunOperation,
): Promise<void> {
  const scope: RequestScope = { requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER]) };
  const started = performance.now();
  await inRequestScope(scope, async () => {
    let answer: { status: number; body: unknown };
    try {
      answer = await upload(spec, req, url, run, scope);
    } catch (err) {
      if (err instanceof UploadRefusal || err instanceof SheetError) {
        const extra = err instanceof UploadRefusal ? err.extra : {};
        answer = {
          status: err.status,
          body: { errors: [{ message: err.message, extensions: { code: err.code, ...extra } }] },
        };
      } else {
        logError('gateway upload', err);
        answer = {
          status: 500,
          body: {
            errors: [
              { message: 'internal error; the hub has logged it', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
            ],
          },
        };
      }
    }
    const text = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      [REQUEST_ID_HEADER]: scope.requestId,
      // A refusal before the body was read: the connection is not reused for what is left of it.
      ...(req.complete ? {} : { connection: 'close' }),
    });
    res.end(text);
    // One access line, as /graphql writes: never a cell, a name or an ID.
    const body = answer.body as Partial<UploadReport>;
    accessLogger('gateway').info(
      {
        method: 'POST',
        upload: spec.kind,
        status: answer.status,
        rows: body.rows,
        imported: body.imported,
        problems: body.problems?.length,
        ms: Math.round((performance.now() - started) * 10) / 10,
        role: scope.role,
      },
      'upload',
    );
  });
}
