import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headerRowOf, workbookBytes } from '../src/paperwork/xlsx.ts';

describe('workbooks for the paperwork', () => {
  it('writes a title, a bold frozen header and the rows as given, text kept as text', async () => {
    const bytes = await workbookBytes(
      [
        {
          name: '公示名单',
          title: '职业技能等级认定结果公示',
          columns: [
            { header: '姓名', key: 'name' },
            { header: '证书编号', key: 'number' },
            { header: '成绩', key: 'score' },
          ],
          rows: [
            { name: '张*三', number: '0012345678901234567890', score: 88 },
            { name: '李*', number: '0012345678901234567891', score: null },
          ],
          notes: ['异议渠道：0731-00000000'],
        },
      ],
      { created: new Date(Date.UTC(2025, 0, 2)) },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('公示名单');
    expect(sheet).toBeDefined();
    const s = sheet as ExcelJS.Worksheet;
    expect(headerRowOf({ title: 'x' })).toBe(2);
    expect(s.getCell('A1').value).toBe('职业技能等级认定结果公示');
    expect(s.getRow(2).values).toEqual([undefined, '姓名', '证书编号', '成绩']);
    expect(s.getCell('A2').font?.bold).toBe(true);
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(s.getCell('B3').value).toBe('0012345678901234567890');
    expect(s.getCell('C3').value).toBe(88);
    expect(s.getCell('A4').value).toBe('李*');
    expect(s.getCell('C4').value).toBeNull();
    expect(s.getCell('A6').value).toBe('异议渠道：0731-00000000');
    expect(book.creator).toBe('湖南省企业职业技能等级认定平台');
  });
});
