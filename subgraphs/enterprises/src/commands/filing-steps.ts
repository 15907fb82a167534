import {
  confirmedJobRoleMappingsOf,
  dictionaryFacts,
  enterpriseSpecifications,
  enterprises,
  filingAttachments,
  filingGroundsEvidence,
  filingLeadingGrounds,
  filingScopes,
  filingServedParties,
  filings,
  filingTransitions,
  isUuid,
  refuseAll,
  type Tx,
} from '@hub/db';
import { type Claims, refuse } from '@hub/platform';
import { eq, inArray, like, sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import type { FilingRow } from '../loaders.ts';
import { type FilingContent, filingContentRefusals } from '../rules/filing-input.ts';
import { type LeadingGrounds, leadingGroundsRefusals } from '../rules/leading-grounds.ts';
import { type ScopeRowInput, scopeRefusals } from '../rules/scope.ts';

/** What a command needs of the request: the database, who calls, and the hub's clock. */
export type CommandContext = Pick<Context, 'db' | 'caller' | 'clock'>;

/** The 备案申报表 beyond the enterprise's basic facts, as a mutation receives it. */
export interface FilingForm {
  kind: FilingContent['kind'];
  teamDescription: string;
  facilitiesDescription: string;
  systemsDescription: string;
  planDescription: string;
  commitmentSigner?: string | null;
  commitmentSignedOn?: Date | string | null;
  serves?: string | null;
  scope: {
    occupationCode: string;
    workTypeCode?: string | null;
    levels: number[];
    basis: ScopeRowInput['basis'];
    specificationId?: string | number | null;
    jobRoleName?: string | null;
  }[];
  servedParties?: { creditCode: string; name: string; kind: 'SUPPLY_CHAIN' | 'SME' | 'SCHOOL' }[] | null;
  attachments?: { title: string; reference: string }[] | null;
  /** For a 社会评价组织: why the enterprise is a 龙头企业 (行业地位, 牵头的产业链, 证明材料). */
  leadingGrounds?: LeadingGrounds | null;
}

export const dateString = (d: Date | string | null | undefined) =>
  d == null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10);
export const actorOf = (caller: Claims) => caller.sub ?? caller.role;

/** The narrative columns of a filing, as the form has them. */
export const narrativeOf = (input: FilingForm) => ({
  teamDescription: input.teamDescription,
  facilitiesDescription: input.facilitiesDescription,
  systemsDescription: input.systemsDescription,
  planDescription: input.planDescription,
  commitmentSigner: input.commitmentSigner?.trim() || null,
  commitmentSignedOn: dateString(input.commitmentSignedOn),
  serves: input.serves ?? null,
});

function contentOf(input: FilingForm, scopeRows: number): FilingContent {
  return {
    kind: input.kind,
    teamDescription: input.teamDescription,
    facilitiesDescription: input.facilitiesDescription,
    systemsDescription: input.systemsDescription,
    planDescription: input.planDescription,
    commitmentSigner: input.commitmentSigner ?? null,
    commitmentSignedOn: dateString(input.commitmentSignedOn),
    serves: input.serves ?? null,
    servedParties: input.servedParties ?? [],
    attachments: input.attachments ?? [],
    scopeRows,
  };
}

/** The scope rows' facts from the dictionary, the specifications and the confirmed job-role mappings. */
export async function scopeFacts(tx: Tx, enterpriseId: string, rows: ScopeRowInput[]) {
  const dict = await dictionaryFacts(
    tx,
    rows.map((r) => r.occupationCode),
  );
  const specIds = rows.map((r) => r.specificationId).filter((id): id is string => !!id && isUuid(id));
  const specs = specIds.length
    ? await tx.select().from(enterpriseSpecifications).where(inArray(enterpriseSpecifications.id, specIds))
    : [];
  const roles = rows.map((r) => r.jobRoleName).filter((n): n is string => !!n);
  const mappings = roles.length ? await confirmedJobRoleMappingsOf(tx, enterpriseId, roles) : [];
  return { dict, specs: new Map(specs.map((s) => [s.id, s])), mappings };
}

/** Checks and writes a filing's content (scope rows, partners, attachments), replacing what was there. */
export async function writeContent(tx: Tx, filingId: string, enterpriseId: string, input: FilingForm, today: string) {
  const rows: ScopeRowInput[] = input.scope.map((r) => ({
    occupationCode: r.occupationCode,
    workTypeCode: r.workTypeCode ?? null,
    levels: r.levels,
    basis: r.basis,
    specificationId: r.specificationId == null ? null : String(r.specificationId),
    jobRoleName: r.jobRoleName?.trim() || null,
  }));
  const refusals = filingContentRefusals(contentOf(input, rows.length), today);
  const { dict, specs, mappings } = await scopeFacts(tx, enterpriseId, rows);
  refusals.push(...scopeRefusals(rows, enterpriseId, dict, specs, mappings));
  refusals.push(...leadingGroundsRefusals(input.kind, input.leadingGrounds));
  if (refusals.length) refuseAll(refusals);

  await tx.delete(filingScopes).where(eq(filingScopes.filingId, filingId));
  await tx.delete(filingServedParties).where(eq(filingServedParties.filingId, filingId));
  await tx.delete(filingAttachments).where(eq(filingAttachments.filingId, filingId));
  await tx.delete(filingLeadingGrounds).where(eq(filingLeadingGrounds.filingId, filingId));
  await tx.delete(filingGroundsEvidence).where(eq(filingGroundsEvidence.filingId, filingId));
  if (rows.length) {
    await tx.insert(filingScopes).values(
      rows.map((r) => ({
        filingId,
        occupationCode: r.occupationCode,
        occupationName: dict.occupations.get(r.occupationCode)?.name ?? r.occupationCode,
        workTypeCode: r.workTypeCode ?? null,
        workTypeName: dict.workTypes.get(r.occupationCode)?.find((w) => w.code === r.workTypeCode)?.name ?? null,
        levels: [...new Set(r.levels)].sort((a, b) => b - a),
        basis: r.basis,
        specificationId: r.specificationId ?? null,
        jobRoleName: r.jobRoleName ?? null,
      })),
    );
  }
  const parties = input.servedParties ?? [];
  if (parties.length)
    await tx.insert(filingServedParties).values(parties.map((p) => ({ filingId, ...p, name: p.name.trim() })));
  const attachments = input.attachments ?? [];
  if (attachments.length) await tx.insert(filingAttachments).values(attachments.map((a) => ({ filingId, ...a })));
  const grounds = input.leadingGrounds;
  if (grounds) {
    const { evidence, ...fields } = grounds;
    await tx.insert(filingLeadingGrounds).values({ filingId, ...fields });
    if (evidence.length) {
      await tx
        .insert(filingGroundsEvidence)
        .values(evidence.map((e) => ({ filingId, title: e.title.trim(), reference: e.reference.trim() })));
    }
  }
}

/** A filing's 龙头企业依据 as stored, with its evidence; null when it states none. */
export async function groundsOf(tx: Tx, filingId: string): Promise<LeadingGrounds | null> {
  const [g] = await tx.select().from(filingLeadingGrounds).where(eq(filingLeadingGrounds.filingId, filingId));
  if (!g) return null;
  const evidence = await tx
    .select({ title: filingGroundsEvidence.title, reference: filingGroundsEvidence.reference })
    .from(filingGroundsEvidence)
    .where(eq(filingGroundsEvidence.filingId, filingId));
  return { ...g, evidence };
}

/** Locks a filing and its enterprise for the rest of the transaction, and checks the version the caller saw. */
export async function lockFiling(tx: Tx, id: string, expectedVersion: number | null | undefined) {
  if (!isUuid(id)) refuseAll([refuse('NOT_FOUND', '没有该备案申报', 'id')]);
  const [filing] = await tx.select().from(filings).where(eq(filings.id, id)).for('update');
  if (!filing) refuseAll([refuse('NOT_FOUND', '没有该备案申报', 'id')]);
  if (expectedVersion != null && expectedVersion !== filing.version) {
    refuseAll([
      refuse(
        'FILING_CHANGED',
        `该备案申报在您读取后已有变动（读取时版本 ${expectedVersion}，现为 ${filing.version}）：请刷新后重新处理`,
        'expectedVersion',
      ),
    ]);
  }
  const [enterprise] = await tx.select().from(enterprises).where(eq(enterprises.id, filing.enterpriseId)).for('update');
  if (!enterprise) refuseAll([refuse('NOT_FOUND', '该备案申报所属企业已不存在', 'id')]);
  return { filing, enterprise };
}

/** Moves a filing to another state, bumping its version, and records the step with who, when and why. */
export async function moveFiling(
  tx: Tx,
  filing: FilingRow,
  to: FilingRow['status'],
  { caller, clock }: Pick<Context, 'caller' | 'clock'>,
  opinion: string | null,
  extra: Partial<FilingRow> = {},
  step: { groundsAccepted?: boolean | null; groundsOpinion?: string | null } = {},
) {
  const now = clock.now();
  const [updated] = await tx
    .update(filings)
    .set({ ...extra, status: to, version: sql`${filings.version} + 1`, updatedAt: now })
    .where(eq(filings.id, filing.id))
    .returning();
  await tx.insert(filingTransitions).values({
    filingId: filing.id,
    fromStatus: filing.status,
    toStatus: to,
    actor: actorOf(caller),
    actorRole: caller.role,
    opinion,
    groundsAccepted: step.groundsAccepted ?? null,
    groundsOpinion: step.groundsOpinion ?? null,
    at: now,
  });
  return updated as FilingRow;
}

/** 6-digit institution code: the 市州's two digits and the next serial there (serialised per 市州). */
export async function assignInstitutionCode(tx: Tx, enterpriseId: string, prefectureCode: string) {
  const prefix = prefectureCode.slice(2, 4);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`institution-code:${prefix}`}))`);
  const [row] = await tx
    .select({ max: sql<string | null>`max(${enterprises.institutionCode})` })
    .from(enterprises)
    .where(like(enterprises.institutionCode, `${prefix}%`));
  const next = Number(row?.max?.slice(2) ?? '0') + 1;
  const code = `${prefix}${String(next).padStart(4, '0')}`;
  await tx.update(enterprises).set({ institutionCode: code }).where(eq(enterprises.id, enterpriseId));
}
