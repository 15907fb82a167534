import { readSupergraph } from '@hub/schema/supergraph';
import ExcelJS from 'exceljs';
import { buildASTSchema, GraphQLEnumType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  EDUCATION_LEVELS,
  EXCEPTIONAL_GROUNDS,
  MAX_ROWS,
  SCORE_PARTS,
  SHEET_KINDS,
  SHEETS,
} from '../src/sheets/kinds.ts';
import { templateBytes } from '../src/sheets/templates.ts';

type Validation = { type: string; formulae?: unknown[]; operator?: string };
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { model: Record<string, Validation | undefined> } }).dataValidations.model;

async function load(kind: (typeof SHEET_KINDS)[number]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await templateBytes(kind)) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('导入模板 (GET /templates/<kind>.xlsx)', () => {
  it.each(SHEET_KINDS)('%s: the data sheet first, with the Chinese headers in order, then 说明', async (kind) => {
    const spec = SHEETS[kind];
    const wb = await load(kind);
    expect(wb.worksheets.map((w) => w.name)).toEqual([spec.sheetName, '说明']);
    const ws = wb.getWorksheet(spec.sheetName) as ExcelJS.Worksheet;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(spec.columns.map((c) => c.header));
    // The 说明 sheet names every column with whether it is required, and says what happens to a bad row.
    const help = wb.getWorksheet('说明') as ExcelJS.Worksheet;
    const text: string[] = [];
    help.eachRow((r) => {
      text.push((r.values as unknown[]).slice(1).join('|'));
    });
    for (const c of spec.columns) {
      expect(
        text.some((t) => t.startsWith(`${c.header}|${c.required ? '必填' : '选填'}|`)),
        c.header,
      ).toBe(true);
    }
    expect(text.join('\n')).toContain('一行也不写入');
    expect(text.join('\n')).toContain(`/uploads/${kind}`);
  });

  it.each(SHEET_KINDS)('%s: every column of every row the upload takes is validated as its type', async (kind) => {
    const spec = SHEETS[kind];
    const ws = (await load(kind)).getWorksheet(spec.sheetName) as ExcelJS.Worksheet;
    const model = validations(ws);
    spec.columns.forEach((c, i) => {
      const col = columnLetter(i + 1);
      const first = model[`${col}2`];
      const last = model[`${col}${MAX_ROWS + 1}`];
      expect(first, `${c.header} row 2`).toBeDefined();
      expect(last, `${c.header} last row`).toEqual(first);
      expect(model[`${col}1`], `${c.header} header`).toBeUndefined();
      const expected = {
        yesNo: 'list',
        option: 'list',
        date: 'date',
        number: 'decimal',
        text: 'textLength',
      }[c.type];
      expect(first?.type, c.header).toBe(expected);
      if (c.type === 'yesNo') expect(first?.formulae).toEqual(['"是,否"']);
      if (c.type === 'option') expect(first?.formulae).toEqual([`"${Object.keys(c.options ?? {}).join(',')}"`]);
    });
    // Text columns are formatted as text: an 18-digit ID typed in stays as typed.
    const rid = spec.columns.findIndex((c) => c.field === 'residentId');
    expect(ws.getColumn(rid + 1).numFmt).toBe('@');
  });

  it('lists every value of the API’s enums the sheets pick from (ScorePart, ExceptionalGround, EducationLevel), once', () => {
    const schema = buildASTSchema(parse(readSupergraph()), { assumeValidSDL: true });
    const values = (name: string) =>
      (schema.getType(name) as GraphQLEnumType)
        .getValues()
        .map((v) => v.name)
        .sort();
    expect(Object.values(SCORE_PARTS).sort()).toEqual(values('ScorePart'));
    expect(Object.values(EXCEPTIONAL_GROUNDS).sort()).toEqual(values('ExceptionalGround'));
    expect(Object.values(EDUCATION_LEVELS).sort()).toEqual(values('EducationLevel'));
    expect(schema.getType('ScorePart')).toBeInstanceOf(GraphQLEnumType);
  });
});
