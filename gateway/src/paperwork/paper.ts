/** What a paperwork route makes: a file, or a refusal with its status and code. */
import type http from 'node:http';
import type { Clock } from '@hub/vocabulary';
import type { Answer, RunAs } from './run.ts';

export interface PaperworkOptions {
  run: RunAs;
  /** The hub's clock: the day a file is made, and "today" of the lists. */
  clock: Clock;
  /** HUB_PUBLIC_ORIGIN: the address printed in QR codes. */
  publicOrigin?: string | undefined;
  /** HUB_TRUST_PROXY: X-Forwarded-Proto names the scheme of the request's address. */
  trustProxy?: boolean;
}

/** A made file. */
export interface Paper {
  type: string;
  /** The file name: an ASCII one, and the Chinese one browsers show. */
  fileName: string;
  utf8Name?: string;
  bytes: Buffer;
  /** `inline` opens in the browser (a certificate); `attachment` downloads (a workbook). */
  disposition: 'inline' | 'attachment';
}

/** A refusal: its HTTP status, a stable code, and words for the person. */
export interface PaperRefusal {
  status: number;
  code: string;
  message: string;
  reason?: string;
}

export type Outcome = Paper | PaperRefusal;

export interface RouteContext extends PaperworkOptions {
  req: http.IncomingMessage;
}

export const isRefusal = (o: Paper | PaperRefusal): o is PaperRefusal => 'status' in o;

/**
 * The refusal a GraphQL answer carries, if any: no or a bad token (401), a door that is shut to
 * this role (403), the rate limit (429). Any other error: the data is not whole, and no paper is
 * made from part of it (503).
 */
export function refusalOf(answer: Answer<unknown>): PaperRefusal | null {
  const codes = answer.errors.map((e) => e.extensions?.code);
  if (answer.status === 401 || codes.includes('UNAUTHENTICATED')) {
    const reason = answer.errors.find((e) => typeof e.extensions?.reason === 'string')?.extensions?.reason as
      | string
      | undefined;
    return {
      status: 401,
      code: 'UNAUTHENTICATED',
      message:
        '需要有效的访问令牌（Authorization: Bearer …）：证书和名单只提供给本机构及主管部门；公众请在 /verify 查询证书',
      ...(reason ? { reason } : {}),
    };
  }
  if (answer.status === 429 || codes.includes('TOO_MANY_REQUESTS')) {
    return { status: 429, code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' };
  }
  if (codes.includes('FORBIDDEN')) {
    const role = answer.caller?.role;
    return {
      status: 403,
      code: 'FORBIDDEN',
      message: `${role ? `角色 ${role} ` : ''}无权获取此文书：只提供给本机构及主管的鉴定中心`,
    };
  }
  if (answer.errors.length > 0 || answer.status >= 400) {
    return { status: 503, code: 'PAPERWORK_DATA_UNAVAILABLE', message: '数据暂不完整，文书未生成，请稍后再试' };
  }
  return null;
}
