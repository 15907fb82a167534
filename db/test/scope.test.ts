import { makeCreditCode } from '@hub/vocabulary/credit-code';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.ts';
import { isServedBy } from '../src/read/enterprise.ts';
import { isInConfirmedScope, scopeQualifications } from '../src/read/scope.ts';
import {
  enterprises,
  filingScopes,
  filingServedParties,
  filings,
  filingTransitions,
} from '../src/schema/enterprise.ts';
import { freshDb, type TestDb } from '../src/testing.ts';

let h: TestDb;
const E = '00000000-0000-4000-8000-000000000001'; // confirmed 2025-03-10, scope 6-18-01-01 levels 5,4,3 and 6-18-02-04-01 (a work type) level 4
const R = '00000000-0000-4000-8000-000000000002'; // confirmed 2025-01-05, revoked 2026-06-01
const S = '00000000-0000-4000-8000-000000000003'; // confirmed 2025-01-05, suspended 2026-02-01, reinstated 2026-04-01
const A = '00000000-0000-4000-8000-000000000004'; // confirmed 2025-03-10 (车工 5,4,3), amended 2026-03-01 to 车工 5 only
const RR = '00000000-0000-4000-8000-000000000005'; // confirmed 2025-01-05, revoked 2026-06-01, filed again and confirmed 2026-08-01
const C = '00000000-0000-4000-8000-000000000006'; // confirmed 2025-01-05, given up (注销) 2026-06-01
const FA = '10000000-0000-4000-8000-000000000004';
const FA2 = '10000000-0000-4000-8000-000000000014';
const FRR = '10000000-0000-4000-8000-000000000005';
const FRR2 = '10000000-0000-4000-8000-000000000015';
const FC = '10000000-0000-4000-8000-000000000006';
const FE = '10000000-0000-4000-8000-000000000001';
const FR = '10000000-0000-4000-8000-000000000002';
const FS = '10000000-0000-4000-8000-000000000003';

function enterprise(id: string, n: number) {
  return {
    id,
    creditCode: makeCreditCode('9', '1', '430100', `MA4L1${n}JG`),
    name: `测试企业${n}`,
    legalRepresentative: '张三',
    address: '长沙市岳麓区',
    phone: '0731-88888888',
    registrationAuthority: '长沙市市场监督管理局',
    foundedOn: '2001-01-01',
    employeeCount: 100,
    skilledWorkerCount: 50,
    nature: 'PRIVATE' as const,
    mainBusiness: '机械制造',
    headName: '李四',
    headPhone: '13800000000',
    contactName: '王五',
    contactPhone: '13900000000',
    contactTitle: '人力资源部部长',
    email: `hr${n}@example.com`,
    prefectureCode: '430100',
  };
}

// 2025-03-09T16:30Z is 2025-03-10 00:30 in China: confirmation counts from the 10th.
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  h = await freshDb();
  await migrate(h);
  const { db } = h;
  await db
    .insert(enterprises)
    .values([
      enterprise(E, 1),
      enterprise(R, 2),
      enterprise(S, 3),
      enterprise(A, 4),
      enterprise(RR, 5),
      enterprise(C, 6),
    ]);
  await db.insert(filings).values([
    {
      id: FE,
      enterpriseId: E,
      kind: 'ENTERPRISE_SELF_EVALUATION',
      status: 'CONFIRMED',
      confirmedAt: at('2025-03-09T16:30:00Z'),
    },
    {
      id: FR,
      enterpriseId: R,
      kind: 'ENTERPRISE_SELF_EVALUATION',
      status: 'REVOKED',
      confirmedAt: at('2025-01-05T02:00:00Z'),
    },
    {
      id: FS,
      enterpriseId: S,
      kind: 'ENTERPRISE_SELF_EVALUATION',
      status: 'CONFIRMED',
      confirmedAt: at('2025-01-05T02:00:00Z'),
    },
    ...[
      [FA, A, 'CONFIRMED', '2025-03-09T16:30:00Z'],
      [FA2, A, 'CONFIRMED', '2026-03-01T02:00:00Z'],
      [FRR, RR, 'REVOKED', '2025-01-05T02:00:00Z'],
      [FRR2, RR, 'CONFIRMED', '2026-08-01T02:00:00Z'],
      [FC, C, 'CANCELLED', '2025-01-05T02:00:00Z'],
    ].map(([id, enterpriseId, status, confirmed]) => ({
      id: id as string,
      enterpriseId: enterpriseId as string,
      kind: 'ENTERPRISE_SELF_EVALUATION' as const,
      status: status as 'CONFIRMED' | 'REVOKED' | 'CANCELLED',
      confirmedAt: at(confirmed as string),
    })),
  ]);
  await db.insert(filingScopes).values([
    ...[FA, FRR, FRR2, FC].map((filingId) => ({
      filingId,
      occupationCode: '6-18-01-01',
      occupationName: '车工',
      levels: [5, 4, 3],
      basis: 'NATIONAL_STANDARD' as const,
    })),
    { filingId: FA2, occupationCode: '6-18-01-01', occupationName: '车工', levels: [5], basis: 'NATIONAL_STANDARD' },
    {
      filingId: FE,
      occupationCode: '6-18-01-01',
      occupationName: '车工',
      levels: [5, 4, 3],
      basis: 'NATIONAL_STANDARD',
    },
    {
      filingId: FE,
      occupationCode: '6-18-02-04',
      occupationName: '焊工',
      workTypeCode: '6-18-02-04-01',
      workTypeName: '电焊工',
      levels: [4],
      basis: 'NATIONAL_STANDARD',
    },
    { filingId: FR, occupationCode: '6-18-01-01', occupationName: '车工', levels: [5, 4], basis: 'NATIONAL_STANDARD' },
    { filingId: FS, occupationCode: '6-18-01-01', occupationName: '车工', levels: [5, 4], basis: 'NATIONAL_STANDARD' },
  ]);
  const t = (
    filingId: string,
    fromStatus: 'CONFIRMED' | 'SUSPENDED' | null,
    toStatus: 'CONFIRMED' | 'SUSPENDED' | 'REVOKED' | 'CANCELLED',
    iso: string,
  ) => ({
    filingId,
    fromStatus,
    toStatus,
    actor: 'test',
    actorRole: 'province_center',
    at: at(iso),
  });
  await db
    .insert(filingTransitions)
    .values([
      t(FR, 'CONFIRMED', 'REVOKED', '2026-06-01T03:00:00Z'),
      t(FS, 'CONFIRMED', 'SUSPENDED', '2026-02-01T03:00:00Z'),
      t(FS, 'SUSPENDED', 'CONFIRMED', '2026-04-01T03:00:00Z'),
      t(FRR, 'CONFIRMED', 'REVOKED', '2026-06-01T03:00:00Z'),
      t(FC, 'CONFIRMED', 'CANCELLED', '2026-06-01T03:00:00Z'),
    ]);
}, 60_000);
afterAll(() => h?.drop());

const ask = (q: Partial<Parameters<typeof isInConfirmedScope>[1]>) =>
  isInConfirmedScope(h.db, { enterpriseId: E, occupationCode: '6-18-01-01', level: 4, onDate: '2026-01-15', ...q });

describe('isInConfirmedScope (是否在已备案范围内)', () => {
  it('is true for a filed occupation and level after confirmation', async () => {
    expect(await ask({})).toBe(true);
  });

  it('is false for a level not filed', async () => {
    expect(await ask({ level: 2 })).toBe(false);
  });

  it('is false for an occupation not filed', async () => {
    expect(await ask({ occupationCode: '6-18-01-02' })).toBe(false);
  });

  it('counts the confirmation day in China time, and not the day before', async () => {
    expect(await ask({ onDate: '2025-03-10' })).toBe(true);
    expect(await ask({ onDate: '2025-03-09' })).toBe(false);
  });

  it('limits a row that names a work type to that work type', async () => {
    const weld = { occupationCode: '6-18-02-04', level: 4 };
    expect(await ask({ ...weld, workTypeCode: '6-18-02-04-01' })).toBe(true);
    expect(await ask({ ...weld, workTypeCode: '6-18-02-04-02' })).toBe(false);
    expect(await ask({ ...weld, workTypeCode: null })).toBe(false);
  });

  it('lets a row without a work type cover every work type of the occupation', async () => {
    expect(await ask({ workTypeCode: '6-18-01-01-03' })).toBe(true);
  });

  it('is true before revocation and false from the revocation day on', async () => {
    expect(await ask({ enterpriseId: R, onDate: '2026-05-31' })).toBe(true);
    expect(await ask({ enterpriseId: R, onDate: '2026-06-01' })).toBe(false);
    expect(await ask({ enterpriseId: R, onDate: '2026-11-01' })).toBe(false);
  });

  it('is false while suspended and true again after reinstatement', async () => {
    expect(await ask({ enterpriseId: S, onDate: '2026-01-31' })).toBe(true);
    expect(await ask({ enterpriseId: S, onDate: '2026-02-01' })).toBe(false);
    expect(await ask({ enterpriseId: S, onDate: '2026-03-31' })).toBe(false);
    expect(await ask({ enterpriseId: S, onDate: '2026-04-01' })).toBe(true);
  });

  it('is false for an enterprise the hub does not know', async () => {
    expect(await ask({ enterpriseId: '00000000-0000-4000-8000-0000000000ff' })).toBe(false);
  });

  it('lets an amendment (变更备案) replace the scope of its kind, narrowing it from its confirmation day', async () => {
    expect(await ask({ enterpriseId: A, level: 4, onDate: '2026-02-28' })).toBe(true);
    expect(await ask({ enterpriseId: A, level: 4, onDate: '2026-03-01' })).toBe(false);
    expect(await ask({ enterpriseId: A, level: 5, onDate: '2026-03-01' })).toBe(true);
  });

  it('counts a filing confirmed after a revocation: the institution that filed again is in scope again', async () => {
    expect(await ask({ enterpriseId: RR, onDate: '2026-07-01' })).toBe(false);
    expect(await ask({ enterpriseId: RR, onDate: '2026-08-01' })).toBe(true);
  });

  it('is false from the day an institution gave its qualification up (注销)', async () => {
    expect(await ask({ enterpriseId: C, onDate: '2026-05-31' })).toBe(true);
    expect(await ask({ enterpriseId: C, onDate: '2026-06-01' })).toBe(false);
  });
});

describe('both qualifications at once (#24 point 1): each kind its own scope and served parties', () => {
  // B: 企业自主评价 confirmed 2025-03-10 (车工 5,4,3); 社会评价组织 confirmed 2025-06-01 (铣工 4, 车工 4,
  // serving P); a later 企业自主评价 amendment 2026-02-01 (车工 5,4,3,2); a 社会评价组织 amendment
  // 2026-05-01 (铣工 4, now serving Q instead of P).
  const B = '00000000-0000-4000-8000-000000000007';
  const SELF1 = '10000000-0000-4000-8000-000000000021';
  const SOCIAL1 = '10000000-0000-4000-8000-000000000022';
  const SELF2 = '10000000-0000-4000-8000-000000000023';
  const SOCIAL2 = '10000000-0000-4000-8000-000000000024';
  const P = makeCreditCode('9', '1', '430200', 'MA4LP001');
  const Q = makeCreditCode('9', '1', '430200', 'MA4LQ001');
  const row = (filingId: string, occupationCode: string, levels: number[]) => ({
    filingId,
    occupationCode,
    occupationName: occupationCode === '6-18-01-01' ? '车工' : '铣工',
    levels,
    basis: 'NATIONAL_STANDARD' as const,
  });

  beforeAll(async () => {
    const { db } = h;
    await db.insert(enterprises).values(enterprise(B, 7));
    await db.insert(filings).values(
      (
        [
          [SELF1, 'ENTERPRISE_SELF_EVALUATION', '2025-03-10T02:00:00Z'],
          [SOCIAL1, 'SOCIAL_EVALUATION_ORGANIZATION', '2025-06-01T02:00:00Z'],
          [SELF2, 'ENTERPRISE_SELF_EVALUATION', '2026-02-01T02:00:00Z'],
          [SOCIAL2, 'SOCIAL_EVALUATION_ORGANIZATION', '2026-05-01T02:00:00Z'],
        ] as const
      ).map(([id, kind, confirmed]) => ({
        id,
        enterpriseId: B,
        kind,
        status: 'CONFIRMED' as const,
        confirmedAt: at(confirmed),
      })),
    );
    await db
      .insert(filingScopes)
      .values([
        row(SELF1, '6-18-01-01', [5, 4, 3]),
        row(SOCIAL1, '6-18-01-02', [4]),
        row(SOCIAL1, '6-18-01-01', [4]),
        row(SELF2, '6-18-01-01', [5, 4, 3, 2]),
        row(SOCIAL2, '6-18-01-02', [4]),
      ]);
    await db.insert(filingServedParties).values([
      { filingId: SOCIAL1, creditCode: P, name: '配套甲', kind: 'SUPPLY_CHAIN' },
      { filingId: SOCIAL2, creditCode: Q, name: '配套乙', kind: 'SUPPLY_CHAIN' },
    ]);
  });

  const kinds = (occupationCode: string, level: number, onDate: string) =>
    scopeQualifications(h.db, { enterpriseId: B, occupationCode, level, onDate });

  it('lists the qualifications whose own scope covers an occupation and level', async () => {
    expect(await kinds('6-18-01-01', 4, '2025-07-01')).toEqual([
      'ENTERPRISE_SELF_EVALUATION',
      'SOCIAL_EVALUATION_ORGANIZATION',
    ]);
    expect(await kinds('6-18-01-02', 4, '2025-07-01')).toEqual(['SOCIAL_EVALUATION_ORGANIZATION']);
    expect(await kinds('6-18-01-01', 3, '2025-07-01')).toEqual(['ENTERPRISE_SELF_EVALUATION']);
    expect(await kinds('6-18-01-02', 4, '2025-05-31')).toEqual([]);
  });

  it('keeps the 社会评价组织 scope in force after a later 企业自主评价 amendment, which replaces its own kind only', async () => {
    expect(await kinds('6-18-01-02', 4, '2026-03-01')).toEqual(['SOCIAL_EVALUATION_ORGANIZATION']);
    expect(await kinds('6-18-01-01', 2, '2026-03-01')).toEqual(['ENTERPRISE_SELF_EVALUATION']);
    // The 社会评价组织 amendment drops 车工 from its own scope; the 企业自主评价 scope still has it.
    expect(await kinds('6-18-01-01', 4, '2026-05-01')).toEqual(['ENTERPRISE_SELF_EVALUATION']);
  });

  it('checks one qualification’s scope when asked for that kind', async () => {
    const q = { enterpriseId: B, occupationCode: '6-18-01-02', level: 4, onDate: '2026-03-01' };
    expect(await isInConfirmedScope(h.db, { ...q, kind: 'SOCIAL_EVALUATION_ORGANIZATION' })).toBe(true);
    expect(await isInConfirmedScope(h.db, { ...q, kind: 'ENTERPRISE_SELF_EVALUATION' })).toBe(false);
    expect(await isInConfirmedScope(h.db, q)).toBe(true);
  });

  it('serves the parties of the 社会评价组织 filing in force that day, whatever the 企业自主评价 filings say', async () => {
    const served = (party: string, onDate: string) =>
      isServedBy(h.db, { organizationId: B, partyCreditCode: party, onDate });
    expect(await served(P, '2025-05-31')).toBe(false);
    expect(await served(P, '2026-03-01')).toBe(true); // after the 企业自主评价 amendment
    expect(await served(P, '2026-05-01')).toBe(false); // the 社会评价组织 amendment serves Q instead
    expect(await served(Q, '2026-05-01')).toBe(true);
    expect(await isServedBy(h.db, { organizationId: E, partyCreditCode: P, onDate: '2026-03-01' })).toBe(false);
  });
});
