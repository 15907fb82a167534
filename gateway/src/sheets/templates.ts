import type ExcelJS from 'exceljs';
import { type Column, columnLetter, MAX_ROWS, SHEETS, type SheetKind, type SheetSpec } from './kinds.ts';

/**
 * 导入模板: `GET /templates/<kind>.xlsx`. The data sheet first (its name is what the reader looks
 * for), with the Chinese headers, the header row frozen, text columns formatted as text (an
 * 18-digit resident ID typed into a number cell loses its last digits), and data validation on
 * every row the upload takes: lists for 是/否 and the enum columns, dates, numbers in range, and
 * text lengths. Then 说明: every column with whether it is required, its format and an example, and
 * how the upload answers. Validation only helps the person typing; the API checks every row again.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const LAST_ROW = MAX_ROWS + 1;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** The data validation of a column's cells, or undefined when anything goes. */
function validationOf(c: Column): ExcelJS.DataValidation | undefined {
  const common = {
    allowBlank: !c.required,
    showInputMessage: true,
    promptTitle: c.header,
    prompt: c.help.slice(0, 255),
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: c.header,
  };
  switch (c.type) {
    case 'yesNo':
      return { ...common, type: 'list', formulae: ['"是,否"'], error: '请选择 是 或 否' };
    case 'option':
      return {
        ...common,
        type: 'list',
        formulae: [`"${Object.keys(c.options ?? {}).join(',')}"`],
        error: '请从下拉列表中选择',
      };
    case 'date':
      return {
        ...common,
        type: 'date',
        operator: 'between',
        formulae: [new Date('1950-01-01T00:00:00Z'), new Date('2099-12-31T00:00:00Z')],
        error: '请填写日期，如 2020-03-01',
      };
    case 'number': {
      const [lo, hi] = c.range ?? [0, 100];
      return {
        ...common,
        type: 'decimal',
        operator: 'between',
        formulae: [lo, hi],
        error: `请填写 ${lo} 至 ${hi} 的数`,
      };
    }
    case 'text':
      if (c.length)
        return { ...common, type: 'textLength', operator: 'equal', formulae: [c.length], error: `须为 ${c.length} 位` };
      if (c.maxLength)
        return {
          ...common,
          type: 'textLength',
          operator: 'lessThanOrEqual',
          formulae: [c.maxLength],
          error: `至多 ${c.maxLength} 字`,
        };
      return undefined;
  }
}

const FORMAT: Record<Column['type'], string> = {
  text: '文本',
  date: '日期',
  yesNo: '是/否',
  option: '下拉选择',
  number: '数字',
};

function addDataSheet(wb: ExcelJS.Workbook, spec: SheetSpec) {
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.width,
    style: { numFmt: c.type === 'date' ? 'yyyy-mm-dd' : c.type === 'number' ? 'General' : '@' },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, n) => {
    cell.fill = HEADER_FILL;
    cell.note = `${spec.columns[n - 1]?.required ? '必填。' : '选填。'}${spec.columns[n - 1]?.help ?? ''}`;
  });
  // exceljs writes a validation keyed by a range as one rule over it; its typings only know cells.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  spec.columns.forEach((c, i) => {
    const v = validationOf(c);
    const col = columnLetter(i + 1);
    if (v) validations.add(`${col}2:${col}${LAST_ROW}`, v);
  });
}

function addInstructions(wb: ExcelJS.Workbook, spec: SheetSpec) {
  const ws = wb.addWorksheet('说明');
  ws.columns = [
    { key: 'a', width: 26 },
    { key: 'b', width: 10 },
    { key: 'c', width: 12 },
    { key: 'd', width: 70 },
    { key: 'e', width: 40 },
  ];
  ws.addRow([`${spec.title}（湖南省企业职业技能等级认定）`]).font = { bold: true, size: 14 };
  ws.addRow([]);
  ws.addRow([`在「${spec.sheetName}」工作表第 2 行起逐行填写，第 1 行列名请勿修改；空行会被跳过。`]);
  for (const line of spec.notes) ws.addRow([line]);
  ws.addRow([`一个文件至多 ${MAX_ROWS.toLocaleString('en-US')} 行。`]);
  ws.addRow([
    '上传时须带本机构（企业或已授权写入的合作人力资源系统）的令牌：Authorization: Bearer <token>，请求体为本 .xlsx 文件。',
  ]);
  ws.addRow([
    '平台先逐行校验全部数据：全部无误才一次写入；只要有一行有误，一行也不写入，并返回逐行报告（行号、列、代码、说明），改正后重新上传整个文件即可。',
  ]);
  ws.addRow(['在地址后加 ?dryRun=1（已有 planId 时加 &dryRun=1）只校验、不写入。']);
  ws.addRow([]);
  const head = ws.addRow(['列名', '是否必填', '格式', '填写要求', '示例']);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const c of spec.columns) {
    const options = c.options ? `可选：${Object.keys(c.options).join('；')}。` : '';
    ws.addRow([
      c.header,
      c.required ? '必填' : '选填',
      FORMAT[c.type],
      `${c.help}${options ? `。${options}` : ''}`,
      c.example,
    ]);
  }
  ws.getColumn('d').alignment = { wrapText: true, vertical: 'top' };
}

/** A fresh template workbook of one kind (exceljs is loaded when a template is first asked for). */
export async function templateWorkbook(kind: SheetKind): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const spec = SHEETS[kind];
  const wb = new Excel.Workbook();
  wb.creator = '湖南省企业职业技能等级认定平台';
  wb.title = spec.title;
  addDataSheet(wb, spec);
  addInstructions(wb, spec);
  return wb;
}

const built = new Map<SheetKind, Promise<Buffer>>();

/** The template as .xlsx bytes, built once per process (it never changes while the hub runs). */
export function templateBytes(kind: SheetKind): Promise<Buffer> {
  let bytes = built.get(kind);
  if (!bytes) {
    bytes = templateWorkbook(kind).then(async (wb) => Buffer.from(await wb.xlsx.writeBuffer()));
    built.set(kind, bytes);
    bytes.catch(() => built.delete(kind));
  }
  return bytes;
}
