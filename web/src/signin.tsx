import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { currentToken, demoSignIn, forgetToken, keepToken, PREFECTURES, prefectureName } from './session.ts';

/** A role the page offers to the demo sign-in, with its Chinese name. */
export type RoleChoice = [role: string, name: string];

/** Roles that act within one 市州 (a city centre must, an inspector may: none = 省级督导). */
const PREFECTURE_ROLES: Record<string, 'required' | 'optional'> = { city_center: 'required', inspector: 'optional' };

/** 演示登录 (outside production) or a pasted token: what the province's identity provider will hand over. */
export function SignIn({ roles, onToken }: { roles: RoleChoice[]; onToken: (token: string) => void }) {
  const [role, setRole] = useState(roles[0]?.[0] ?? 'province_center');
  const [prefecture, setPrefecture] = useState('430100');
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState('');
  const scope = PREFECTURE_ROLES[role];
  const demo = async (e: Event) => {
    e.preventDefault();
    const token = await demoSignIn(role, scope && prefecture ? prefecture : undefined).catch(() => null);
    if (token) onToken(token);
    else setError('演示登录不可用（生产环境须通过省统一身份认证登录），请粘贴令牌。');
  };
  return (
    <>
      <form onSubmit={demo} aria-label="演示登录">
        <label>
          <span>角色</span>
          <select name="role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            {roles.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {scope ? (
          <label>
            <span>市州</span>
            <select name="prefecture" value={prefecture} onChange={(e) => setPrefecture(e.currentTarget.value)}>
              {scope === 'optional' ? <option value="">全省（省级督导）</option> : null}
              {PREFECTURES.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button class="primary" type="submit">
          演示登录
        </button>
      </form>
      <form
        aria-label="令牌登录"
        onSubmit={(e) => {
          e.preventDefault();
          if (pasted.trim()) onToken(pasted.trim());
        }}
      >
        <label>
          <span>访问令牌</span>
          <input name="token" value={pasted} autoComplete="off" onInput={(e) => setPasted(e.currentTarget.value)} />
        </label>
        <button class="primary" type="submit">
          使用令牌
        </button>
      </form>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** What the token says of its holder (read for display only; the hub checks the signature). */
export interface Who {
  role: string;
  prefecture?: string;
}

export function whoIs(token: string): Who {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(part.replaceAll('-', '+').replaceAll('_', '/'));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Who;
    return { role: String(claims.role ?? ''), ...(claims.prefecture ? { prefecture: claims.prefecture } : {}) };
  } catch {
    return { role: '' };
  }
}

const ROLE_NAMES: Record<string, string> = {
  province_center: '省职业技能鉴定中心',
  city_center: '市州职业技能鉴定中心',
  inspector: '督导人员',
  dashboard: '统计看板',
  ministry: '人社部',
  admin: '管理员',
  enterprise: '企业',
};

/** The page behind a sign-in: the token in session storage, a sign-out, who is signed in. */
export function Signed({
  roles,
  children,
}: {
  roles: RoleChoice[];
  children: (token: string, who: Who) => ComponentChildren;
}) {
  const [token, setToken] = useState(currentToken());
  if (!token) {
    return (
      <SignIn
        roles={roles}
        onToken={(t) => {
          keepToken(t);
          setToken(t);
        }}
      />
    );
  }
  const who = whoIs(token);
  return (
    <>
      <p class="who">
        <span>
          {ROLE_NAMES[who.role] ?? who.role}
          {who.prefecture ? ` · ${prefectureName(who.prefecture)}` : who.role === 'inspector' ? ' · 全省' : ''}
        </span>
        <button
          type="button"
          onClick={() => {
            forgetToken();
            setToken(null);
          }}
        >
          退出登录
        </button>
      </p>
      {children(token, who)}
    </>
  );
}
