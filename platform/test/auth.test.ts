import { describe, expect, it } from 'vitest';
import { canReach, reachOf } from '../src/access.ts';
import {
  AuthError,
  parseClaims,
  signInternalToken,
  signUserToken,
  verifyInternalToken,
  verifyUserToken,
} from '../src/auth.ts';

const ENT = '4f9c1c1e-8a37-4d52-9a7e-1b2c3d4e5f60';

describe('caller claims', () => {
  it('round-trips a caller token', async () => {
    const t = await signUserToken({ role: 'enterprise', enterpriseId: ENT, sub: 'u1' });
    expect(await verifyUserToken(t)).toEqual({ role: 'enterprise', enterpriseId: ENT, sub: 'u1' });
  });

  it('requires an enterprise id for enterprise and hr_partner, a 市州 for a city centre', () => {
    expect(() => parseClaims({ role: 'hr_partner' })).toThrow(AuthError);
    expect(() => parseClaims({ role: 'city_center' })).toThrow(/prefecture/);
    expect(() => parseClaims({ role: 'city_center', prefecture: '110100' })).toThrow(/14 市州/);
    expect(() => parseClaims({ role: 'superuser' })).toThrow(/role/);
  });

  it('takes a legal-person token (法人认证): an enterprise with its 统一社会信用代码 and no hub id yet (#24 point 10)', () => {
    const code = '91430200MA4L3DC1XQ';
    expect(parseClaims({ role: 'enterprise', creditCode: code, sub: 'lp' })).toEqual({
      role: 'enterprise',
      creditCode: code,
      sub: 'lp',
    });
    // Once registered, the same identity may carry both: the subgraphs check that they agree.
    expect(parseClaims({ role: 'enterprise', creditCode: code, enterpriseId: ENT })).toEqual({
      role: 'enterprise',
      creditCode: code,
      enterpriseId: ENT,
    });
  });

  it('refuses a legal-person code with a wrong check character, on another role, or on a partner token', () => {
    const wrongCheck = '91430200MA4L3DC1X0';
    expect(() => parseClaims({ role: 'enterprise', creditCode: wrongCheck })).toThrow(/GB 32100/);
    expect(() => parseClaims({ role: 'enterprise', creditCode: 91430200 })).toThrow(/GB 32100/);
    for (const role of ['city_center', 'province_center', 'hr_partner', 'admin']) {
      expect(() => parseClaims({ role, prefecture: '430200', creditCode: '91430200MA4L3DC1XQ' })).toThrow(
        /enterprise tokens only/,
      );
    }
    // An enterprise token names its enterprise one way or the other.
    expect(() => parseClaims({ role: 'enterprise' })).toThrow(/enterpriseId.*creditCode/);
    expect(() =>
      parseClaims({ role: 'enterprise', enterpriseId: 'not-a-uuid', creditCode: '91430200MA4L3DC1XQ' }),
    ).toThrow(AuthError);
  });

  it('remembers a verified token only until it expires', async () => {
    // Expiry two whole seconds ahead: with `+ 1`, a token signed late in a second expired within
    // milliseconds and the first verification failed now and then.
    const exp = Math.floor(Date.now() / 1000) + 2;
    const t = await signUserToken({ role: 'admin' }, exp);
    expect(await verifyUserToken(t)).toEqual({ role: 'admin' });
    expect(await verifyUserToken(t)).toEqual({ role: 'admin' }); // from memory
    await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 100));
    await expect(verifyUserToken(t)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('does not accept a caller token as an internal token, nor the reverse', async () => {
    const user = await signUserToken({ role: 'admin' });
    await expect(verifyInternalToken(user)).rejects.toThrow(AuthError);
    const internal = await signInternalToken({ role: 'admin' });
    await expect(verifyUserToken(internal)).rejects.toThrow(AuthError);
  });
});

describe('属地管理 reach', () => {
  it('gives a city centre its own 市州 only, a province inspector everything, the public nothing', () => {
    const rec = { enterpriseId: ENT, prefectureCode: '430200' };
    expect(canReach({ role: 'city_center', prefecture: '430200' }, rec)).toBe(true);
    expect(canReach({ role: 'city_center', prefecture: '430100' }, rec)).toBe(false);
    expect(canReach({ role: 'inspector' }, rec)).toBe(true);
    expect(canReach({ role: 'inspector', prefecture: '430100' }, rec)).toBe(false);
    expect(canReach({ role: 'enterprise', enterpriseId: ENT }, rec)).toBe(true);
    expect(canReach({ role: 'public' }, rec)).toBe(false);
    expect(reachOf({ role: 'dashboard' }).kind).toBe('none');
  });
});
