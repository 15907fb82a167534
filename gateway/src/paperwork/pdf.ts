/**
 * PDFs for the hub's paperwork (certificates, 公示名单): pdfkit, with Noto Sans SC embedded as a
 * subset (only the glyphs a document uses, a few kB) and a text layer (ToUnicode), so the text
 * can be searched, copied and read aloud. The font comes from the npm package
 * @expo-google-fonts/noto-sans-sc (SIL OFL 1.1); why that one: docs/decisions/pdf-fonts.md.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The two weights the paperwork uses, by the name pdfkit knows them under. */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

/** Each font file read once per process (about 10 MB each, outside the JavaScript heap). */
const fonts = new Map<FontName, Promise<Buffer>>();
const fontBytes = (name: FontName) => {
  let bytes = fonts.get(name);
  if (!bytes) {
    bytes = readFile(require.resolve(FONT_FILES[name]));
    fonts.set(name, bytes);
  }
  return bytes;
};

export type Pdf = PDFKit.PDFDocument;

export interface PdfOptions {
  size?: string;
  layout?: 'portrait' | 'landscape';
  margin?: number;
  title: string;
  /** The day it is made (the hub's clock): CreationDate. */
  created: Date;
}

/**
 * Draws with `draw` on a new document whose fonts `regular` and `bold` are registered, and
 * answers the finished file.
 */
export async function pdfBytes(opts: PdfOptions, draw: (doc: Pdf) => void | Promise<void>): Promise<Buffer> {
  const [{ default: PDFDocument }, regular, bold] = await Promise.all([
    import('pdfkit'),
    fontBytes('regular'),
    fontBytes('bold'),
  ]);
  const doc = new PDFDocument({
    size: opts.size ?? 'A4',
    layout: opts.layout ?? 'portrait',
    margin: opts.margin ?? 56,
    info: {
      Title: opts.title,
      Author: '湖南省企业职业技能等级认定平台',
      Creator: '湖南省企业职业技能等级认定平台',
      CreationDate: opts.created,
      ModDate: opts.created,
    },
    displayTitle: true,
    lang: 'zh-CN',
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  doc.font('regular');
  await draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

export const PDF_TYPE = 'application/pdf';

export interface PdfColumn {
  header: string;
  /** Share of the line's width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/**
 * A table from the current y down, ruled, its header repeated on every page it runs onto.
 * Cells wrap; a row never splits across pages.
 */
export function pdfTable(doc: Pdf, columns: PdfColumn[], rows: string[][], opts: { fontSize?: number } = {}) {
  const size = opts.fontSize ?? 10.5;
  const left = doc.page.margins.left;
  const full = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * full);
  const pad = 4;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 18; // room for the page number

  const heightOf = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(size);
    return (
      Math.max(...cells.map((t, i) => doc.heightOfString(t || ' ', { width: (widths[i] as number) - pad * 2 }))) +
      pad * 2
    );
  };
  const drawRow = (cells: string[], y: number, h: number, font: 'regular' | 'bold', shade: boolean) => {
    if (shade) doc.save().rect(left, y, full, h).fill('#f0f0f0').restore();
    doc.font(font).fontSize(size).fillColor('#000000');
    let x = left;
    cells.forEach((t, i) => {
      const w = widths[i] as number;
      doc.text(t, x + pad, y + pad, { width: w - pad * 2, align: columns[i]?.align ?? 'left' });
      x += w;
    });
    doc.lineWidth(0.5).strokeColor('#555555').rect(left, y, full, h).stroke();
    x = left;
    for (const w of widths.slice(0, -1)) {
      x += w;
      doc
        .moveTo(x, y)
        .lineTo(x, y + h)
        .stroke();
    }
  };
  const header = columns.map((c) => c.header);
  const headerHeight = heightOf(header, 'bold');
  let y = doc.y;
  drawRow(header, y, headerHeight, 'bold', true);
  y += headerHeight;
  for (const row of rows) {
    const h = heightOf(row, 'regular');
    if (y + h > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(header, y, headerHeight, 'bold', true);
      y += headerHeight;
    }
    drawRow(row, y, h, 'regular', false);
    y += h;
  }
  doc.x = left;
  doc.y = y + 8;
}

/** 第 n 页 / 共 N 页 at the foot of every page (the document buffers its pages). */
export function pageNumbers(doc: Pdf) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    doc
      .font('regular')
      .fontSize(9)
      .fillColor('#555555')
      .text(`第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, 0, doc.page.height - bottom + 16, {
        width: doc.page.width,
        align: 'center',
      });
    doc.page.margins.bottom = bottom;
  }
}
