import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';

/** Why a request got no data, in words a person reads (the codes are the gateway's). */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const MESSAGES: Record<string, string> = {
  TOO_MANY_REQUESTS: '查询过于频繁，请稍后再试。',
  LOOKUP_BUDGET_EXCEEDED: '查询次数过多或多次未查到，查询已被暂时限制，请稍后再试。',
  LOOKUP_BUDGET_UNAVAILABLE: '服务暂时不可用，请稍后再试。',
  UNAUTHENTICATED: '登录已失效，请重新登录。',
  FORBIDDEN: '当前身份无权查看这些数据。',
  BAD_USER_INPUT: '输入的信息格式不正确，请核对后重试。',
  NETWORK: '网络连接失败，请检查网络后重试。',
  UNAVAILABLE: '服务暂时不可用，请稍后再试。',
};

export const messageFor = (code: string) => MESSAGES[code] ?? '查询失败，请稍后再试。';

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One GraphQL request to the hub's own origin (the page's CSP allows no other). */
export async function request<T, V>(doc: TadaDocumentNode<T, V>, variables: V, token?: string | null): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: print(doc), variables }),
    });
  } catch {
    throw new ApiError('NETWORK', messageFor('NETWORK'));
  }
  let answer: Answer<T> | undefined;
  try {
    answer = (await res.json()) as Answer<T>;
  } catch {
    answer = undefined;
  }
  const code =
    answer?.errors?.[0]?.extensions?.code ??
    (res.status === 429 ? 'TOO_MANY_REQUESTS' : res.status >= 500 ? 'UNAVAILABLE' : undefined);
  if (code || !answer?.data) {
    const known = code ?? 'UNAVAILABLE';
    throw new ApiError(known, messageFor(known));
  }
  return answer.data;
}
