import type http from 'node:http';
import { verifyUserToken } from '@hub/platform';
import { loadConfig } from '@hub/platform/config';
import { describe, expect, it } from 'vitest';
import { demoSignIn } from '../src/demo-sign-in.ts';

const req = {} as http.IncomingMessage;

describe('演示登录 (/demo/sign-in)', () => {
  it('is refused in production, by HUB_ENV or NODE_ENV, and once real secrets are set', () => {
    expect(demoSignIn(loadConfig({ HUB_ENV: 'production' }))).toBeUndefined();
    expect(demoSignIn(loadConfig({ NODE_ENV: 'production' }))).toBeUndefined();
    const secret = 'a-real-secret-of-enough-length-0123456789abcdef';
    expect(demoSignIn(loadConfig({ HUB_JWT_SECRET: secret, HUB_INTERNAL_SECRET: `${secret}-2` }))).toBeUndefined();
  });

  it('outside production signs a token for the role and 市州 picked, which the hub verifies', async () => {
    const signIn = demoSignIn(loadConfig({}));
    if (!signIn) throw new Error('demo sign-in is refused outside production');
    const answer = await signIn(req, { role: 'city_center', prefecture: '430100' });
    expect(answer.status).toBe(200);
    const claims = await verifyUserToken((answer.body as { token: string }).token);
    expect(claims).toMatchObject({ role: 'city_center', prefecture: '430100' });
  });

  it('refuses admin, a city role without a Hunan 市州 and an enterprise without its id', async () => {
    const signIn = demoSignIn(loadConfig({}));
    expect((await signIn?.(req, { role: 'admin' }))?.status).toBe(400);
    expect((await signIn?.(req, { role: 'city_center', prefecture: '110100' }))?.status).toBe(400);
    expect((await signIn?.(req, { role: 'enterprise' }))?.status).toBe(400);
    expect((await signIn?.(req, { role: 'inspector', prefecture: '43' }))?.status).toBe(400);
    expect((await signIn?.(req, { role: 'inspector' }))?.status).toBe(200);
  });
});
