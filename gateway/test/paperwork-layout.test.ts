import { ConfigError, loadConfig } from '@hub/platform/config';
import { describe, expect, it } from 'vitest';
import { certificateLines } from '../src/paperwork/certificate.ts';
import {
  attachment,
  certificateIdMask,
  chineseDate,
  levelName,
  originOf,
  publicName,
  verificationLink,
} from '../src/paperwork/layout.ts';
import { refusalOf } from '../src/paperwork/paper.ts';

describe('what the paperwork prints', () => {
  it('writes a certificate’s 证件号码 with the region and the last four, the birth date hidden', () => {
    expect(certificateIdMask('43010219900307123X')).toBe('430102********123X');
    expect(certificateIdMask(' 43010219900307123x ')).toBe('430102********123X');
    // Not an 18-character resident ID: the hub's general mask, nothing shown in clear but the ends.
    expect(certificateIdMask('G1234567')).toBe('G12***67');
  });

  it('writes dates and levels as the certificate does', () => {
    expect(chineseDate('2025-01-02')).toBe('2025年01月02日');
    expect(levelName('LEVEL_4')).toBe('四级/中级工');
    expect(levelName('LEVEL_1')).toBe('一级/高级技师');
  });

  it('masks names for a public list (张*三)', () => {
    expect(publicName('张三丰')).toBe('张*丰');
    expect(publicName('李四')).toBe('李*');
    expect(publicName('欧阳小明')).toBe('欧**明');
  });

  it('points the QR code at /verify with the number only', () => {
    expect(verificationLink('https://skills.example.cn/', 'S0000430100022530000001')).toBe(
      'https://skills.example.cn/verify#number=S0000430100022530000001',
    );
  });

  it('takes the configured origin, else the request’s host; a forwarded scheme only behind a trusted proxy', () => {
    expect(originOf('https://skills.example.cn', { host: 'evil.example' }, false)).toBe('https://skills.example.cn');
    expect(originOf(undefined, { host: '127.0.0.1:4000' }, false)).toBe('http://127.0.0.1:4000');
    expect(originOf(undefined, { host: 'hub.local', 'x-forwarded-proto': 'https' }, false)).toBe('http://hub.local');
    expect(originOf(undefined, { host: 'hub.local', 'x-forwarded-proto': 'https' }, true)).toBe('https://hub.local');
    // A Host header that is no host name is not printed.
    expect(originOf(undefined, { host: 'a b/"><script>' }, false)).toBe('http://localhost');
  });

  it('reads HUB_PUBLIC_ORIGIN as an http(s) origin and refuses anything else', () => {
    expect(loadConfig({ HUB_PUBLIC_ORIGIN: 'https://skills.example.cn' }).publicOrigin).toBe(
      'https://skills.example.cn',
    );
    expect(loadConfig({ HUB_PUBLIC_ORIGIN: 'https://skills.example.cn/' }).publicOrigin).toBe(
      'https://skills.example.cn',
    );
    expect(loadConfig({}).publicOrigin).toBeUndefined();
    for (const bad of ['skills.example.cn', 'ftp://skills.example.cn', 'https://skills.example.cn/verify']) {
      expect(() => loadConfig({ HUB_PUBLIC_ORIGIN: bad }), bad).toThrow(ConfigError);
    }
  });

  it('names a download in ASCII and in UTF-8', () => {
    expect(attachment('publicity.xlsx', '公示名单.xlsx')).toBe(
      `attachment; filename="publicity.xlsx"; filename*=UTF-8''${encodeURIComponent('公示名单.xlsx')}`,
    );
  });

  it('prints the work type by name, or a dash when the certificate has none', () => {
    const c = {
      number: 'S1',
      level: 'LEVEL_3',
      holderName: '张三',
      holderResidentId: '43010219900307123X',
      issuedOn: '2025-10-17',
      status: 'VALID' as const,
      workTypeCode: '6-31-01-03-01',
      occupation: { code: '6-31-01-03', name: '电工', workTypes: [{ code: '6-31-01-03-01', name: '维修电工' }] },
      issuer: { id: 'e1', name: '湖南某公司' },
    };
    expect(Object.fromEntries(certificateLines(c))).toMatchObject({
      证件号码: '430102********123X',
      '工种/职业方向': '维修电工',
      职业技能等级: '三级/高级工',
      发证日期: '2025年10月17日',
    });
    expect(Object.fromEntries(certificateLines({ ...c, workTypeCode: null }))['工种/职业方向']).toBe('—');
  });
});

describe('refusals from a GraphQL answer', () => {
  const answer = (status: number, codes: string[], role?: string) => ({
    status,
    data: null,
    errors: codes.map((code) => ({ message: code, extensions: { code } })),
    caller: role ? ({ role } as never) : undefined,
  });

  it('maps no token to 401, a shut door to 403, the rate limit to 429, anything else to 503', () => {
    expect(refusalOf(answer(200, ['UNAUTHENTICATED']))?.status).toBe(401);
    expect(refusalOf(answer(401, ['UNAUTHENTICATED']))?.code).toBe('UNAUTHENTICATED');
    expect(refusalOf(answer(200, ['FORBIDDEN'], 'dashboard'))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(refusalOf(answer(429, ['TOO_MANY_REQUESTS']))?.status).toBe(429);
    expect(refusalOf(answer(200, ['INTERNAL_SERVER_ERROR']))).toMatchObject({
      status: 503,
      code: 'PAPERWORK_DATA_UNAVAILABLE',
    });
    expect(refusalOf({ status: 200, data: {}, errors: [], caller: undefined })).toBeNull();
  });
});
