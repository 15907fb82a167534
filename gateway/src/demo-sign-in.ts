import { type ActionHandler, type Claims, signUserToken, usingDevSecrets } from '@hub/platform';
import { type HubConfig, hubConfig, isProductionConfig } from '@hub/platform/config';

/**
 * 演示登录 for the web front outside production: a visitor picks a role (and a 市州 or an
 * enterprise) and gets a short-lived token signed with the development secret. Never in production,
 * and never once real secrets are set: then tokens come from the province's identity provider.
 */

/** Roles a demo visitor may take: people's roles, not admin or a partner system's. */
export const DEMO_ROLES = ['province_center', 'city_center', 'inspector', 'enterprise', 'dashboard'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

/** A working session's worth: the page keeps it in memory or session storage, never in a URL. */
const DEMO_TOKEN_LIFETIME = '8h';
const PREFECTURE = /^43\d{2}00$/;

const refuse = (message: string) => ({ status: 400, body: { error: message } });

/** The POST handler for /demo/sign-in, or undefined where demo sign-in is refused (production, real secrets). */
export function demoSignIn(config: HubConfig = hubConfig()): ActionHandler | undefined {
  if (isProductionConfig(config) || !usingDevSecrets(config)) return undefined;
  return async (_req, body) => {
    const { role, prefecture, enterpriseId } = (body ?? {}) as Record<string, unknown>;
    if (!DEMO_ROLES.includes(role as DemoRole)) return refuse(`role must be one of ${DEMO_ROLES.join(', ')}`);
    const claims: Claims = { role: role as DemoRole, sub: `demo-${role as string}` };
    // A city centre has its 市州; an inspector may have one (市级督导) or none (省级督导).
    const needsPrefecture = role === 'city_center' || (role === 'inspector' && prefecture !== undefined);
    if (needsPrefecture) {
      if (typeof prefecture !== 'string' || !PREFECTURE.test(prefecture)) {
        return refuse('prefecture must be a 6-digit 市州 code of Hunan (43xx00)');
      }
      claims.prefecture = prefecture;
    }
    if (role === 'enterprise') {
      if (typeof enterpriseId !== 'string' || !/^\w{1,64}$/.test(enterpriseId)) {
        return refuse('the enterprise role needs enterpriseId');
      }
      claims.enterpriseId = enterpriseId;
    }
    return { status: 200, body: { token: await signUserToken(claims, DEMO_TOKEN_LIFETIME), claims } };
  };
}
