import { describe, expect, it } from 'vitest';
import { pageNumbers, pdfBytes, pdfTable } from '../src/paperwork/pdf.ts';

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('paperwork PDFs', () => {
  it('run a long table onto as many pages as it needs, numbering them', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [String(i + 1), `张*${i}`, '电工', '四级/中级工', '合格']);
    const columns = ['序号', '姓名', '职业（工种）', '等级', '评价结果'].map((header) => ({ header, width: 1 }));
    const long = await pdfBytes({ title: '公示', created: new Date(0) }, (doc) => {
      pdfTable(doc, columns, rows);
      pageNumbers(doc);
    });
    const short = await pdfBytes({ title: '公示', created: new Date(0) }, (doc) => {
      pdfTable(doc, columns, rows.slice(0, 5));
      pageNumbers(doc);
    });
    expect(pages(short)).toBe(1);
    expect(pages(long)).toBeGreaterThanOrEqual(3);
    // The same day, the same file: nothing of the machine's clock in it.
    const again = await pdfBytes({ title: '公示', created: new Date(0) }, (doc) => {
      pdfTable(doc, columns, rows.slice(0, 5));
      pageNumbers(doc);
    });
    expect(again.length).toBe(short.length);
  });
});
