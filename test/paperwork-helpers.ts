/** Shared by the paperwork tests: fetch a file as a caller, read a PDF's text layer and QR code, open a workbook. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Where the made files are kept for a look: .data/paperwork/ at the repository's root. */
export const PAPER_DIR = fileURLToPath(new URL('../.data/paperwork/', import.meta.url));

export interface Fetched {
  status: number;
  type: string;
  disposition: string;
  bytes: Buffer;
  /** The JSON body of a refusal. */
  json?: { errors?: { message: string; extensions?: { code?: string } }[] };
}

/** GETs a path of the hub's origin, with a bearer token or none. */
export async function fetchPaper(graphqlUrl: string, pathname: string, tok?: string): Promise<Fetched> {
  const res = await fetch(new URL(pathname, graphqlUrl), {
    headers: tok ? { authorization: `Bearer ${tok}` } : {},
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    type,
    disposition: res.headers.get('content-disposition') ?? '',
    bytes,
    ...(type.startsWith('application/json') ? { json: JSON.parse(bytes.toString('utf8')) } : {}),
  };
}

/** The code of a refusal, e.g. UNAUTHENTICATED. */
export const refusalCode = (f: Fetched) => f.json?.errors?.[0]?.extensions?.code;

/** Keeps `bytes` as .data/paperwork/<name> and answers its path. */
export function keep(name: string, bytes: Buffer): string {
  mkdirSync(PAPER_DIR, { recursive: true });
  const file = path.join(PAPER_DIR, name);
  writeFileSync(file, bytes);
  return file;
}

/** The text layer of a PDF, as poppler's pdftotext reads it (reading order, one line a line). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Fonts of a PDF as pdffonts lists them: name, embedded, subset, has a ToUnicode map. */
export function pdfFonts(file: string): { name: string; embedded: boolean; subset: boolean; unicode: boolean }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    const [emb, sub, uni] = cols.slice(-5, -2);
    return { name: cols[0] as string, embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}

/** The first page rendered to a PNG beside the PDF (pdftoppm); its path. */
export function pdfPng(file: string, dpi = 150): string {
  const base = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', '1', '-l', '1', file, base]);
  return `${base}.png`;
}

/** The text of the QR code in a PNG, or null when none is found. */
export function decodeQr(pngFile: string): string | null {
  const png = PNG.sync.read(readFileSync(pngFile));
  const code = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  return code?.data ?? null;
}

/** A workbook's bytes opened with exceljs. */
export async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** The cell values of one row, as text (empty cells as ''). */
export function rowText(sheet: ExcelJS.Worksheet, row: number): string[] {
  const values = sheet.getRow(row).values as unknown[];
  return values.slice(1).map((v) => (v == null ? '' : String(v)));
}
