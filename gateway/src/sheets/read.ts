import { Readable } from 'node:stream';
import { type Column, MAX_ROWS, type SheetSpec } from './kinds.ts';

/**
 * Reads an uploaded .xlsx into the bulk mutation's rows: finds the data sheet (by its name, else
 * the first sheet that is not 说明), its columns by their headers in row 1 (in any order; extra
 * columns are ignored), and turns each non-empty row's cells into values. Nothing here judges a
 * row — the API does, with the rules of the single-row commands. What a cell cannot be turned
 * into (是/否 that is neither, a label not in the list, a number that is not one, an 18-digit ID
 * Excel stored as a number) is reported by row and column here, and the API is then asked for a
 * dry run so that the report holds every problem of the file at once.
 *
 * exceljs's streaming reader: a 10,000-row sheet is read row by row in about 20 MB of heap (the
 * whole-workbook reader takes twice that and more), for a gateway run with a 128 MB old space; it
 * stops at the row limit. patches/exceljs@4.4.0.patch keeps it from breaking a Chinese character
 * that straddles two chunks of the sheet's XML (docs/decisions/excel-upload.md).
 */

/** A whole file refused before any row is read: an HTTP status, a stable code, words for a person. */
export class SheetError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A cell that is no value of its column (reported by the reader; the API sees the row without it). */
export interface CellProblem {
  row: number;
  field: string;
  code: string;
  message: string;
}

export interface ReadRows {
  /** The data sheet's name as found. */
  sheet: string;
  /** One object per non-empty row: `row` (its number in the sheet) and the fields of its cells. */
  rows: Record<string, unknown>[];
  problems: CellProblem[];
  /** Column number (1-based) of each field found, for the report's cell addresses. */
  columns: Map<string, number>;
}

/** A header as a person may have typed it: spaces, a required mark (*) and a note in brackets dropped. */
export const normaliseHeader = (h: string) =>
  h
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊]/g, '')
    .trim();

type CellValue = unknown;

/** The value inside exceljs's cell shapes: rich text, hyperlinks, formulas (their result), errors. */
function plain(v: CellValue): unknown {
  if (v == null) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('result' in o) return plain(o.result as CellValue);
  if ('text' in o) return plain(o.text as CellValue);
  if ('error' in o) return null;
  return null;
}

/** Excel's day numbers (1900 date system): day 25,569 is 1970-01-01. */
const fromExcelDay = (n: number) => new Date(Math.round((n - 25_569) * 86_400_000)).toISOString().slice(0, 10);

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '×']);

/** One cell as its column's value: undefined when empty; a CellProblem's code and message when it is none. */
export function cellValue(c: Column, raw: CellValue): { value?: unknown; problem?: { code: string; message: string } } {
  const v = plain(raw);
  if (v == null || (typeof v === 'string' && v.trim() === '')) return {};
  switch (c.type) {
    case 'text': {
      if (typeof v === 'number' && Math.abs(v) >= 1e15) {
        return {
          problem: {
            code: 'CELL_NUMBER_NOT_TEXT',
            message: `${c.header}被 Excel 存成了数字，超过 15 位的部分已丢失：请把该列设为文本格式后重新填写`,
          },
        };
      }
      if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
      return { value: String(v).trim() };
    }
    case 'date':
      if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
      if (typeof v === 'number' && v > 0 && v < 2_958_466) return { value: fromExcelDay(v) };
      return { value: String(v).trim() };
    case 'yesNo': {
      if (typeof v === 'boolean') return { value: v };
      const t = String(v).trim().toUpperCase();
      if (YES.has(t)) return { value: true };
      if (NO.has(t)) return { value: false };
      return {
        problem: { code: 'CELL_NOT_YES_NO', message: `${c.header}填 是 或 否（填的是「${String(v).slice(0, 20)}」）` },
      };
    }
    case 'option': {
      const t = String(v).trim();
      const options = c.options ?? {};
      const value = options[t] ?? (Object.values(options).includes(t) ? t : undefined);
      if (value !== undefined) return { value };
      return {
        problem: {
          code: 'CELL_NOT_AN_OPTION',
          message: `${c.header}须从下拉列表中选择：${Object.keys(options).join('、')}（填的是「${t.slice(0, 30)}」）`,
        },
      };
    }
    case 'number': {
      const n = typeof v === 'number' ? v : Number(String(v).trim());
      if (Number.isFinite(n)) return { value: n };
      return {
        problem: { code: 'CELL_NOT_A_NUMBER', message: `${c.header}须为数字（填的是「${String(v).slice(0, 20)}」）` },
      };
    }
  }
}

interface SheetRows {
  name: string;
  rows: Record<string, unknown>[];
  problems: CellProblem[];
  columns: Map<string, number>;
  missing: string[];
}

async function readOne(spec: SheetSpec, name: string, sheet: AsyncIterable<unknown>): Promise<SheetRows> {
  const columns = new Map<string, number>();
  const rows: Record<string, unknown>[] = [];
  const problems: CellProblem[] = [];
  let byNumber: (Column | undefined)[] = [];
  let headerSeen = false;
  for await (const r of sheet) {
    const row = r as { number: number; values: CellValue[] };
    const values = row.values;
    if (!headerSeen) {
      // The header is the first row with anything in it (row 1 in the template).
      const texts = values.map((v) => (v == null ? '' : normaliseHeader(String(plain(v) ?? ''))));
      if (texts.every((t) => t === '')) continue;
      headerSeen = true;
      byNumber = texts.map((t) => spec.columns.find((c) => c.header === t));
      byNumber.forEach((c, i) => {
        if (c && !columns.has(c.field)) columns.set(c.field, i);
      });
      continue;
    }
    const out: Record<string, unknown> = { row: row.number };
    let filled = false;
    for (const [field, i] of columns) {
      const c = byNumber[i] as Column;
      const { value, problem } = cellValue(c, values[i]);
      if (problem) {
        problems.push({ row: row.number, field, ...problem });
        filled = true;
      } else if (value !== undefined) {
        out[field] = value;
        filled = true;
      }
    }
    if (!filled) continue;
    rows.push(out);
    if (rows.length > MAX_ROWS) {
      throw new SheetError(
        413,
        'IMPORT_TOO_MANY_ROWS',
        `一个文件至多 ${MAX_ROWS} 行；「${name}」在第 ${row.number} 行已超过，请分成几个文件上传`,
      );
    }
  }
  const missing = spec.columns.filter((c) => c.required && !columns.has(c.field)).map((c) => c.header);
  return { name, rows, problems, columns, missing };
}

/** The rows of an uploaded workbook for this kind of sheet; a SheetError when the file is not one. */
export async function readRows(spec: SheetSpec, bytes: Buffer): Promise<ReadRows> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let named: SheetRows | undefined;
  let first: SheetRows | undefined;
  try {
    for await (const ws of reader as AsyncIterable<AsyncIterable<unknown> & { name?: string }>) {
      const name = String(ws.name ?? '');
      if (named || name === '说明' || (first && name !== spec.sheetName)) {
        for await (const _ of ws); // the reader moves on only once a sheet is read through
        continue;
      }
      const read = await readOne(spec, name, ws);
      if (name === spec.sheetName) named = read;
      else first = read;
    }
  } catch (err) {
    if (err instanceof SheetError) throw err;
    throw new SheetError(
      400,
      'UPLOAD_NOT_XLSX',
      '上传的文件不是可读的 Excel 工作簿（.xlsx）：请用下载的模板填写后原样上传',
    );
  }
  const found = named ?? first;
  if (!found) throw new SheetError(400, 'UPLOAD_NO_SHEET', `工作簿中没有「${spec.sheetName}」工作表`);
  if (found.missing.length) {
    throw new SheetError(
      400,
      'UPLOAD_COLUMNS_MISSING',
      `「${found.name}」缺少列：${found.missing.join('、')}（第 1 行须是模板的列名）`,
    );
  }
  return { sheet: found.name, rows: found.rows, problems: found.problems, columns: found.columns };
}
