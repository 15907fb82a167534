/** Shared setup for the assessments end-to-end tests: a confirmed institution, tokens, and a GraphQL caller. */
import { certificates, type Db, enterprises, filingScopes, filings, isInConfirmedScope } from '@hub/db';
import { addCalendarDays, type Clock, residentIdCheckChar } from '@hub/vocabulary';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { gql, token } from './helpers.ts';

export interface Institution {
  id: string;
  name: string;
  creditCode: string;
  institutionCode: string;
  prefectureCode: string;
  occupationCode: string;
  /** Levels of that scope row. */
  levels: number[];
  kind: 'ENTERPRISE_SELF_EVALUATION' | 'SOCIAL_EVALUATION_ORGANIZATION';
}

/**
 * A seeded institution of this kind, confirmed and in good standing on `onDate` (default two weeks
 * from the hub's today), whose scope has one occupation at all these levels.
 */
export async function findInstitution(
  hub: { db: { db: Db }; clock: Clock },
  levels: number[],
  opts: {
    kind?: Institution['kind'];
    onDate?: string;
    /** A level its scope must not have (for an out-of-scope refusal). */
    absent?: number;
    /** At least this many certificates issued already (for a case about its certificates). */
    minCertificates?: number;
  } = {},
): Promise<Institution> {
  const db = hub.db.db;
  const { kind = 'ENTERPRISE_SELF_EVALUATION', absent = null, minCertificates = 0 } = opts;
  const onDate = opts.onDate ?? addCalendarDays(hub.clock.today(), 13);
  const rows = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      institutionCode: enterprises.institutionCode,
      prefectureCode: enterprises.prefectureCode,
      occupationCode: filingScopes.occupationCode,
      levels: filingScopes.levels,
      kind: filings.kind,
    })
    .from(enterprises)
    .innerJoin(filings, eq(filings.enterpriseId, enterprises.id))
    .innerJoin(filingScopes, eq(filingScopes.filingId, filings.id))
    .where(
      and(
        isNotNull(enterprises.institutionCode),
        isNotNull(filings.confirmedAt),
        eq(filings.kind, kind),
        isNull(filingScopes.workTypeCode),
      ),
    )
    .orderBy(asc(enterprises.id), asc(filingScopes.occupationCode));
  for (const r of rows) {
    if (!levels.every((l) => r.levels.includes(l)) || (absent != null && r.levels.includes(absent))) continue;
    const ok = await Promise.all(
      levels.map((level) =>
        isInConfirmedScope(db, { enterpriseId: r.id, occupationCode: r.occupationCode, level, onDate }),
      ),
    );
    if (!ok.every(Boolean)) continue;
    if (minCertificates > 0) {
      const [issued] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(certificates)
        .where(eq(certificates.enterpriseId, r.id));
      if ((issued?.n ?? 0) < minCertificates) continue;
    }
    return { ...r, institutionCode: r.institutionCode as string, kind: r.kind };
  }
  throw new Error(`the demo seed has no confirmed ${kind} with levels ${levels} in one occupation`);
}

/** A valid resident ID (GB 11643) for a made-up person born on `birth` (YYYYMMDD). */
export function residentId(seq: number, birth = '19900101'): string {
  const first17 = `430102${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A GraphQL caller bound to the hub URL and one token; fails the test on a transport-level error. */
export function caller(url: string, tok: string) {
  return async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await gql(url, query, { token: tok, variables });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as Record<string, any>;
  };
}

type Run = ReturnType<typeof caller>;

/** 考评人员 of the caller's institution, one per role given; their ids in that order. */
export async function registerTeam(run: Run, roles: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const role of roles) {
    const d = await run(
      `mutation($i: RegisterAssessorInput!) { registerAssessor(input: $i) { assessor { id } errors { code } } }`,
      { i: { name: '考评人', role } },
    );
    expect(d.registerAssessor.errors).toEqual([]);
    ids.push(d.registerAssessor.assessor.id);
  }
  return ids;
}

/** The caller's yearly 评价公告 for the year of `onDate`, opening `occupationCode` at 四级 (or `levels`); its id. */
export async function publishYearlyAnnouncement(
  run: Run,
  occupationCode: string,
  onDate: string,
  levels: readonly string[] = ['LEVEL_4'],
): Promise<string> {
  const a = await run(
    `mutation($i: PublishAnnouncementInput!) { publishAnnouncement(input: $i) { announcement { id } errors { code message } } }`,
    {
      i: {
        title: '年度评价公告',
        period: 'YEARLY',
        year: Number(onDate.slice(0, 4)),
        conditions: '本企业在岗职工',
        process: '个人申报、资格审核',
        useOfResults: '岗位聘任参考',
        openings: [{ occupationCode, levels }],
      },
    },
  );
  expect(a.publishAnnouncement.errors).toEqual([]);
  return a.publishAnnouncement.announcement.id;
}

export const institutionToken = (id: string) => token({ role: 'enterprise', enterpriseId: id, sub: 'committee-clerk' });

/**
 * 评价内容 the committee review needs (#25 point 6): a paper for each part given (THEORY, SKILL), or
 * with `null` the 评价表 of a direct recognition.
 */
export async function recordExamined(run: Run, planId: string, parts: readonly (string | null)[]): Promise<void> {
  for (const part of parts) {
    const d = await run(
      `mutation($i: RecordExaminedMaterialInput!) { recordExaminedMaterial(input: $i) { errors { code message } } }`,
      {
        i: part
          ? { planId, kind: 'EXAM_PAPER', part, reference: `SJ-${part}-01`, version: 'A卷' }
          : { planId, kind: 'EVALUATION_FORM', reference: 'PJB-01', version: '第1版' },
      },
    );
    expect(d.recordExaminedMaterial.errors).toEqual([]);
  }
}

/** 直接认定佐证材料 (#25 point 8): one piece of ability and one of 业绩 evidence for the candidate. */
export async function recordEvidence(run: Run, candidateId: string): Promise<void> {
  const d = await run(
    `mutation($c: ID!, $e: [DirectRecognitionEvidenceInput!]!) {
      recordCandidateEvidence(candidateId: $c, evidence: $e) { errors { code message } } }`,
    {
      c: candidateId,
      e: [
        { kind: 'ABILITY', title: '岗位技能考核记录', attachment: 'FJ-NL-01.pdf' },
        { kind: 'PERFORMANCE', title: '近三年工作业绩证明', attachment: 'FJ-YJ-01.pdf' },
      ],
    },
  );
  expect(d.recordCandidateEvidence.errors).toEqual([]);
}

/** 现场评审或答辩记录 (#25 point 8) of a 直接认定二级/一级 candidate, held on `heldOn` before `panel`. */
export async function recordReviewDefence(
  run: Run,
  candidateId: string,
  panel: readonly string[],
  heldOn: string,
  result: 'PASSED' | 'FAILED' = 'PASSED',
): Promise<void> {
  const d = await run(
    `mutation($i: RecordReviewDefenceInput!) { recordReviewDefence(input: $i) { errors { code message } } }`,
    { i: { candidateId, form: 'DEFENCE', heldOn, panelIds: panel, result } },
  );
  expect(d.recordReviewDefence.errors).toEqual([]);
}

/**
 * 评价工作委员会 (#25 point 4) of the caller's institution: a 主任 and two 委员 serving from today;
 * their ids, chair first — together a quorum for `reviewResults(signatories:)`.
 */
export async function constituteCommittee(run: Run): Promise<string[]> {
  const ids: string[] = [];
  for (const [name, role] of [
    ['韩主任', 'CHAIR'],
    ['彭委员', 'MEMBER'],
    ['曾委员', 'MEMBER'],
  ] as const) {
    const d = await run(
      `mutation($i: AppointCommitteeMemberInput!) { appointCommitteeMember(input: $i) { member { id } errors { code message } } }`,
      { i: { name, role, affiliation: 'STAFF' } },
    );
    expect(d.appointCommitteeMember.errors).toEqual([]);
    ids.push(d.appointCommitteeMember.member.id);
  }
  return ids;
}
