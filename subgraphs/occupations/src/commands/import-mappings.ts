/**
 * 岗位对照表导入导出: `pnpm hub mappings import FILE` loads an existing table of job roles and the
 * occupation (职业) or work type (工种) each maps to as confirmed mappings; `export` writes the
 * confirmed mappings back out in the same columns. A row with a 统一社会信用代码 is that enterprise's
 * mapping; without one it joins the province-wide table (省级岗位对照表). Every row is checked first
 * and the file is loaded whole or not at all (one transaction), with one rebuild of the matcher's
 * mapping part for the whole file and one audit event.
 */
import { bumpIndexRevision, type Db, enterprises, jobRoleMappings, occupations, transact, workTypes } from '@hub/db';
import type { AuditWriter } from '@hub/platform';
import { isValidCreditCode } from '@hub/vocabulary';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { normalizeText } from '../rules/text.ts';

/** The columns, as a clerk's table names them (the English names are accepted too). */
export const MAPPING_COLUMNS = {
  roleName: ['岗位名称', 'role_name'],
  code: ['职业或工种编码', 'code'],
  creditCode: ['统一社会信用代码', 'credit_code'],
} as const;

export interface MappingRowProblem {
  /** The file's line (the header is line 1). */
  line: number;
  column: string;
  code: string;
  message: string;
}

export interface MappingImportResult {
  read: number;
  imported: number;
  /** Rows already confirmed the same way (a table imported again). */
  unchanged: number;
  problems: MappingRowProblem[];
}

interface Row {
  line: number;
  roleName: string;
  code: string;
  creditCode: string | null;
}

function columnOf(header: string[], names: readonly string[]): string | undefined {
  return header.find((h) => names.includes(h.trim()));
}

/** The rows of the file, or the problems of its shape (no header, a missing column). */
export function parseMappingTable(text: string): { rows: Row[]; problems: MappingRowProblem[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : 'not a CSV file';
    return {
      rows: [],
      problems: [{ line: 0, column: '', code: 'NOT_A_CSV', message: `不是有效的 CSV 文件：${message}` }],
    };
  }
  const header = records[0] ? Object.keys(records[0]) : [];
  const role = columnOf(header, MAPPING_COLUMNS.roleName);
  const code = columnOf(header, MAPPING_COLUMNS.code);
  const credit = columnOf(header, MAPPING_COLUMNS.creditCode);
  const missing = [!role && MAPPING_COLUMNS.roleName[0], !code && MAPPING_COLUMNS.code[0]].filter(Boolean) as string[];
  if (records.length && missing.length) {
    return {
      rows: [],
      problems: missing.map((c) => ({ line: 1, column: c, code: 'COLUMN_MISSING', message: `缺少“${c}”列` })),
    };
  }
  return {
    rows: records.map((r, i) => ({
      line: i + 2,
      roleName: normalizeText(r[role as string] ?? ''),
      code: (r[code as string] ?? '').trim(),
      creditCode: credit ? (r[credit] ?? '').trim().toUpperCase() || null : null,
    })),
    problems: [],
  };
}

/** Loads the rows as confirmed mappings, all or none. */
export async function importMappings(
  db: Db,
  text: string,
  opts: { source: string; audit?: AuditWriter },
): Promise<MappingImportResult> {
  const parsed = parseMappingTable(text);
  if (parsed.problems.length) return { read: 0, imported: 0, unchanged: 0, problems: parsed.problems };
  const { rows } = parsed;
  const result = await transact(db, async (tx) => {
    const problems: MappingRowProblem[] = [];
    const problem = (line: number, column: string, code: string, message: string) =>
      problems.push({ line, column, code, message });
    const codes = [...new Set(rows.map((r) => r.code).filter(Boolean))];
    const credits = [...new Set(rows.flatMap((r) => (r.creditCode ? [r.creditCode] : [])))];
    const [occRows, typeRows, entRows] = await Promise.all([
      codes.length
        ? tx
            .select({ code: occupations.code, level: occupations.level, name: occupations.name })
            .from(occupations)
            .where(inArray(occupations.code, codes))
        : [],
      codes.length
        ? tx
            .select({ code: workTypes.code, occupationCode: workTypes.occupationCode })
            .from(workTypes)
            .where(inArray(workTypes.code, codes))
        : [],
      credits.length
        ? tx
            .select({ id: enterprises.id, creditCode: enterprises.creditCode })
            .from(enterprises)
            .where(inArray(enterprises.creditCode, credits))
        : [],
    ]);
    const occ = new Map(occRows.map((o) => [o.code, o]));
    const types = new Map(typeRows.map((t) => [t.code, t]));
    const ents = new Map(entRows.map((e) => [e.creditCode, e.id]));
    const seen = new Map<string, number>();
    const wanted: {
      row: Row;
      enterpriseId: string | null;
      occupationCode: string;
      workTypeCode: string | null;
    }[] = [];
    for (const r of rows) {
      const before = problems.length;
      if (!r.roleName) problem(r.line, MAPPING_COLUMNS.roleName[0], 'ROLE_NAME_REQUIRED', '岗位名称不能为空');
      else if (r.roleName.length > 100)
        problem(r.line, MAPPING_COLUMNS.roleName[0], 'ROLE_NAME_TOO_LONG', '岗位名称不能超过 100 个字');
      let occupationCode: string | null = null;
      let workTypeCode: string | null = null;
      const t = types.get(r.code);
      const o = occ.get(r.code);
      if (t) {
        occupationCode = t.occupationCode;
        workTypeCode = t.code;
      } else if (o?.level === 4) occupationCode = o.code;
      else if (o)
        problem(r.line, MAPPING_COLUMNS.code[0], 'NOT_AN_OCCUPATION', `${o.code} ${o.name} 不是职业（第 4 层）或工种`);
      else
        problem(
          r.line,
          MAPPING_COLUMNS.code[0],
          r.code ? 'OCCUPATION_NOT_FOUND' : 'CODE_REQUIRED',
          r.code ? `编码 ${r.code} 不是大典中的职业或工种` : '职业或工种编码不能为空',
        );
      let enterpriseId: string | null = null;
      if (r.creditCode) {
        if (!isValidCreditCode(r.creditCode))
          problem(
            r.line,
            MAPPING_COLUMNS.creditCode[0],
            'INVALID_CREDIT_CODE',
            `统一社会信用代码 ${r.creditCode} 不符合 GB 32100（校验位不对）`,
          );
        else if (!ents.has(r.creditCode))
          problem(
            r.line,
            MAPPING_COLUMNS.creditCode[0],
            'ENTERPRISE_NOT_FOUND',
            `没有统一社会信用代码为 ${r.creditCode} 的企业`,
          );
        else enterpriseId = ents.get(r.creditCode) as string;
      }
      const key = `${r.creditCode ?? ''}\u0000${r.roleName}`;
      const first = seen.get(key);
      if (first !== undefined && r.roleName)
        problem(r.line, MAPPING_COLUMNS.roleName[0], 'DUPLICATE_ROLE', `与第 ${first} 行的岗位重复`);
      else seen.set(key, r.line);
      if (problems.length === before && occupationCode)
        wanted.push({ row: r, enterpriseId, occupationCode, workTypeCode });
    }
    // What is open or confirmed already for these role names: the same mapping again is kept as it
    // is; another one is a conflict to resolve first (reject it, or correct the file).
    const names = [...new Set(wanted.map((w) => w.row.roleName))];
    const existing = names.length
      ? await tx
          .select()
          .from(jobRoleMappings)
          .where(and(inArray(jobRoleMappings.roleName, names), ne(jobRoleMappings.status, 'REJECTED')))
      : [];
    const open = new Map(existing.map((m) => [`${m.enterpriseId ?? ''}\u0000${m.roleName}`, m]));
    const fresh: typeof wanted = [];
    let unchanged = 0;
    for (const w of wanted) {
      const m = open.get(`${w.enterpriseId ?? ''}\u0000${w.row.roleName}`);
      if (!m) fresh.push(w);
      else if (m.status === 'CONFIRMED' && m.occupationCode === w.occupationCode && m.workTypeCode === w.workTypeCode)
        unchanged++;
      else
        problem(
          w.row.line,
          MAPPING_COLUMNS.roleName[0],
          'MAPPING_EXISTS',
          `岗位“${w.row.roleName}”已有${m.status === 'CONFIRMED' ? '已确认' : '待审核'}的映射（${m.occupationCode}${m.workTypeCode ? ` / ${m.workTypeCode}` : ''}）`,
        );
    }
    if (problems.length) return { imported: 0, unchanged: 0, problems };
    const now = new Date();
    const reviewReason = `导入岗位对照表 ${opts.source}`.slice(0, 500);
    for (let i = 0; i < fresh.length; i += 1000) {
      await tx.insert(jobRoleMappings).values(
        fresh.slice(i, i + 1000).map((w) => ({
          enterpriseId: w.enterpriseId,
          roleName: w.row.roleName,
          occupationCode: w.occupationCode,
          workTypeCode: w.workTypeCode,
          status: 'CONFIRMED' as const,
          proposedBy: 'import',
          proposedAt: now,
          reviewedBy: 'import',
          reviewerRole: 'import',
          reviewedAt: now,
          reviewReason,
        })),
      );
    }
    if (fresh.length) await bumpIndexRevision(tx, 'mappings');
    return { imported: fresh.length, unchanged, problems };
  });
  const value = result.value ?? { imported: 0, unchanged: 0, problems: [] };
  await opts.audit?.([
    {
      service: 'occupations',
      operationName: null,
      field: 'importJobRoleMappings',
      role: 'admin',
      sub: 'pnpm hub mappings import',
      enterpriseId: null,
      prefecture: null,
      credentialId: null,
      requestId: null,
      outcome: value.problems.length ? 'REFUSED' : 'OK',
      codes: [...new Set(value.problems.map((p) => p.code))],
      targetIds: [],
      args: { source: opts.source, rows: rows.length, imported: value.imported, unchanged: value.unchanged },
    },
  ]);
  return { read: rows.length, ...value };
}

/** The confirmed mappings as a CSV in the import's columns (plus the enterprise's name and when it was confirmed). */
export async function exportMappings(db: Db): Promise<string> {
  const rows = await db
    .select({
      roleName: jobRoleMappings.roleName,
      occupationCode: jobRoleMappings.occupationCode,
      workTypeCode: jobRoleMappings.workTypeCode,
      creditCode: enterprises.creditCode,
      enterpriseName: enterprises.name,
      reviewedAt: jobRoleMappings.reviewedAt,
    })
    .from(jobRoleMappings)
    .leftJoin(enterprises, eq(enterprises.id, jobRoleMappings.enterpriseId))
    .where(eq(jobRoleMappings.status, 'CONFIRMED'))
    .orderBy(asc(jobRoleMappings.roleName), asc(jobRoleMappings.id));
  return stringify(
    rows.map((r) => [
      r.roleName,
      r.workTypeCode ?? r.occupationCode,
      r.creditCode ?? '',
      r.enterpriseName ?? '',
      r.reviewedAt ? r.reviewedAt.toISOString() : '',
    ]),
    {
      bom: true,
      header: true,
      columns: [
        MAPPING_COLUMNS.roleName[0],
        MAPPING_COLUMNS.code[0],
        MAPPING_COLUMNS.creditCode[0],
        '企业名称',
        '确认时间',
      ],
    },
  );
}

/** The province-wide mappings (no enterprise), for the docs' count. */
export async function provinceMappingCount(db: Db): Promise<number> {
  return (await db.select().from(jobRoleMappings).where(isNull(jobRoleMappings.enterpriseId))).length;
}
