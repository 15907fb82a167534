import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SHEETS } from '../src/sheets/kinds.ts';
import { cellValue, normaliseHeader, readRows, SheetError } from '../src/sheets/read.ts';
import { templateBytes } from '../src/sheets/templates.ts';

async function filled(kind: keyof typeof SHEETS, rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await templateBytes(kind)) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  rows.forEach((values, i) => {
    ws.getRow(i + 2).values = values;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const column = (kind: keyof typeof SHEETS, field: string) => {
  const c = SHEETS[kind].columns.find((x) => x.field === field);
  if (!c) throw new Error(field);
  return c;
};

describe('reading an uploaded sheet', () => {
  it('reads every row of a 10,000-row sheet, its Chinese text intact across the reader’s chunks', async () => {
    // exceljs's streaming reader decoded each 16 KB chunk on its own and broke characters split
    // between two (patches/exceljs@4.4.0.patch): at this size some names came back as ���.
    const name = (i: number) => `职工${String(i).padStart(5, '0')}号`;
    const bytes = await filled(
      'candidates',
      Array.from({ length: 10_000 }, (_, i) => [`43010219850101${String(i).padStart(4, '0')}`, name(i)]),
    );
    const read = await readRows(SHEETS.candidates, bytes);
    expect(read.rows).toHaveLength(10_000);
    const wrong = read.rows.filter((r, i) => r.name !== name(i) || r.row !== i + 2);
    expect(wrong).toEqual([]);
    expect(read.sheet).toBe('参评人员');
    expect(read.columns.get('residentId')).toBe(1);
  }, 60_000);

  it('turns cells into values, and names a cell that is none', () => {
    const since = column('workers', 'employedSince');
    expect(cellValue(since, new Date(Date.UTC(2020, 2, 1)))).toEqual({ value: '2020-03-01' });
    expect(cellValue(since, 43_891)).toEqual({ value: '2020-03-01' }); // Excel's day number
    expect(cellValue(since, ' 2020/3/1 ')).toEqual({ value: '2020/3/1' }); // the API reads the text
    const dispatched = column('workers', 'dispatched');
    expect(cellValue(dispatched, '是')).toEqual({ value: true });
    expect(cellValue(dispatched, 'N')).toEqual({ value: false });
    expect(cellValue(dispatched, '派遣')).toMatchObject({ problem: { code: 'CELL_NOT_YES_NO' } });
    const part = column('scores', 'part');
    expect(cellValue(part, '技能操作')).toEqual({ value: 'SKILL' });
    expect(cellValue(part, '实操')).toMatchObject({ problem: { code: 'CELL_NOT_AN_OPTION' } });
    const score = column('scores', 'score');
    expect(cellValue(score, ' 85.5 ')).toEqual({ value: 85.5 });
    expect(cellValue(score, '八十')).toMatchObject({ problem: { code: 'CELL_NOT_A_NUMBER' } });
    const rid = column('workers', 'residentId');
    expect(cellValue(rid, 430102199001011200)).toMatchObject({ problem: { code: 'CELL_NUMBER_NOT_TEXT' } });
    expect(cellValue(rid, { richText: [{ text: '4301' }, { text: '02' }] })).toEqual({ value: '430102' });
    expect(cellValue(rid, { formula: 'A1', result: 'x' })).toEqual({ value: 'x' });
    expect(cellValue(rid, '   ')).toEqual({});
    expect(normaliseHeader(' 姓名* （必填）')).toBe('姓名');
  });

  it('skips empty rows, finds columns by header in any order, and refuses a sheet without its columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['备注', '公民身份号码', '姓名*']);
    ws.addRow(['x', '430102199001011238', '张三']);
    ws.addRow([]);
    ws.addRow(['', '430102199001011246', '李四']);
    const read = await readRows(SHEETS.candidates, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.rows).toEqual([
      { row: 2, residentId: '430102199001011238', name: '张三' },
      { row: 4, residentId: '430102199001011246', name: '李四' },
    ]);
    const missing = new ExcelJS.Workbook();
    missing.addWorksheet('参评人员').addRow(['姓名']);
    await expect(readRows(SHEETS.candidates, Buffer.from(await missing.xlsx.writeBuffer()))).rejects.toMatchObject({
      code: 'UPLOAD_COLUMNS_MISSING',
    });
    await expect(readRows(SHEETS.candidates, Buffer.from('not a workbook'))).rejects.toBeInstanceOf(SheetError);
  });
});
