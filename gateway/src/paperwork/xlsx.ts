/**
 * Workbooks (.xlsx) for the hub's paperwork: one sheet per table, a title line over a bold header
 * row, the header frozen and filtered, text cells kept as text (a 证书编号 or a date never turns into
 * a number). Made with exceljs, loaded only when a workbook is asked for.
 */

/** One column: its Chinese header, the row key it shows, a width in characters. */
export interface SheetColumn {
  header: string;
  key: string;
  width?: number;
}

export interface SheetSpec {
  /** The sheet's tab name (at most 31 characters; Excel's limit). */
  name: string;
  /** The title line above the header (row 1); the header is then row 2. */
  title?: string;
  columns: SheetColumn[];
  rows: Record<string, string | number | null | undefined>[];
  /** Lines under the table (the objection channel of a 公示, a source line). */
  notes?: string[];
}

/** The row the header is on: 2 under a title, else 1. */
export const headerRowOf = (sheet: Pick<SheetSpec, 'title'>) => (sheet.title ? 2 : 1);

const MAX_SHEET_NAME = 31;

/** The workbook as bytes. `created` stamps its properties (the hub's clock, not the machine's). */
export async function workbookBytes(sheets: SheetSpec[], opts: { created?: Date } = {}): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '湖南省企业职业技能等级认定平台';
  if (opts.created) {
    book.created = opts.created;
    book.modified = opts.created;
  }
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name.slice(0, MAX_SHEET_NAME), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const width = spec.columns.length;
    const header = headerRowOf(spec);
    if (spec.title) {
      sheet.mergeCells(1, 1, 1, Math.max(width, 1));
      const cell = sheet.getCell(1, 1);
      cell.value = spec.title;
      cell.font = { bold: true, size: 14 };
      cell.alignment = { horizontal: 'center' };
    }
    spec.columns.forEach((c, i) => {
      const col = sheet.getColumn(i + 1);
      col.width = c.width ?? Math.max(10, c.header.length * 2 + 2);
      const cell = sheet.getCell(header, i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const row of spec.rows) {
      sheet.addRow(spec.columns.map((c) => row[c.key] ?? null));
    }
    if (width > 0) {
      sheet.views = [{ state: 'frozen', ySplit: header }];
      sheet.autoFilter = { from: { row: header, column: 1 }, to: { row: header + spec.rows.length, column: width } };
    }
    if (spec.notes?.length) {
      sheet.addRow([]);
      for (const note of spec.notes) sheet.addRow([note]);
    }
    sheet.pageSetup.printTitlesRow = `${header}:${header}`;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
