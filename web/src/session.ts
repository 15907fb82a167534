/**
 * The caller's token for the signed-in pages: in session storage (gone when the tab closes),
 * never in a URL. Outside production a demo sign-in gets one from the hub (/demo/sign-in).
 */
const KEY = 'hub.token';

export const PREFECTURES: [string, string][] = [
  ['430100', '长沙市'],
  ['430200', '株洲市'],
  ['430300', '湘潭市'],
  ['430400', '衡阳市'],
  ['430500', '邵阳市'],
  ['430600', '岳阳市'],
  ['430700', '常德市'],
  ['430800', '张家界市'],
  ['430900', '益阳市'],
  ['431000', '郴州市'],
  ['431100', '永州市'],
  ['431200', '怀化市'],
  ['431300', '娄底市'],
  ['433100', '湘西土家族苗族自治州'],
];

export const currentToken = (): string | null => sessionStorage.getItem(KEY);
export const keepToken = (token: string) => sessionStorage.setItem(KEY, token);
export const forgetToken = () => sessionStorage.removeItem(KEY);

/** 演示登录: null when the hub refuses it (production, or real secrets set). */
export async function demoSignIn(role: string, prefecture?: string): Promise<string | null> {
  const res = await fetch('/demo/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, ...(prefecture ? { prefecture } : {}) }),
  });
  if (!res.ok) return null;
  const { token } = (await res.json()) as { token?: string };
  return token ?? null;
}

export const prefectureName = (code: string) => PREFECTURES.find(([c]) => c === code)?.[1] ?? code;
