/**
 * 电子证书: the 职业技能等级证书 of one certificate as a PDF — holder, 证件号码 masked, occupation,
 * work type, level, number, issuer, date of issue, and a QR code to the public 证书查询 page.
 */
import QRCode from 'qrcode';
import { certificateIdMask, chineseDate, levelName, verificationLink } from './layout.ts';
import { type Pdf, pdfBytes } from './pdf.ts';

/** What the certificate shows, as the GraphQL API gives it to its institution and the authorities. */
export const CERTIFICATE_QUERY = /* GraphQL */ `
  query CertificatePaper($number: String!) {
    certificate(number: $number) {
      number
      level
      holderName
      holderResidentId
      issuedOn
      status
      workTypeCode
      occupation { code name workTypes { code name } }
      issuer { id name }
    }
  }
`;

export interface CertificateData {
  number: string;
  level: string;
  holderName: string;
  holderResidentId: string;
  issuedOn: string;
  status: 'VALID' | 'REVOKED';
  workTypeCode: string | null;
  occupation: { code: string; name: string; workTypes: { code: string; name: string }[] };
  issuer: { id: string; name: string };
}

/** The lines of the certificate, label and value, in the order printed. */
export function certificateLines(c: CertificateData): [string, string][] {
  const workType = c.workTypeCode
    ? (c.occupation.workTypes.find((w) => w.code === c.workTypeCode)?.name ?? c.workTypeCode)
    : '—';
  return [
    ['姓　　名', c.holderName],
    ['证件号码', certificateIdMask(c.holderResidentId)],
    ['职业名称', c.occupation.name],
    ['工种/职业方向', workType],
    ['职业技能等级', levelName(c.level)],
    ['证书编号', c.number],
    ['评价机构', c.issuer.name],
    ['发证日期', chineseDate(c.issuedOn)],
  ];
}

const RED = '#9b1c1c';
const INK = '#1f2328';
const GREY = '#57606a';

/** The QR code of `text`, drawn as squares (sharp at any zoom, no image in the file). */
function drawQr(doc: Pdf, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2; // modules of white around the code, inside `size`
  const cell = size / (n + quiet * 2);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let r = 0; r < n; r++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(r, col)) doc.rect(x + (col + quiet) * cell, y + (r + quiet) * cell, cell, cell);
    }
  }
  doc.fill();
  doc.restore();
}

/** The certificate as a PDF: A4 landscape, one page. */
export async function certificatePdf(c: CertificateData, opts: { origin: string; created: Date }): Promise<Buffer> {
  const link = verificationLink(opts.origin, c.number);
  return pdfBytes(
    { title: `职业技能等级证书 ${c.number}`, layout: 'landscape', margin: 40, created: opts.created },
    (doc) => {
      const { width, height } = doc.page;
      doc
        .lineWidth(3)
        .strokeColor(RED)
        .rect(22, 22, width - 44, height - 44)
        .stroke();
      doc
        .lineWidth(0.8)
        .rect(32, 32, width - 64, height - 64)
        .stroke();

      doc.font('bold').fontSize(34).fillColor(RED);
      doc.text('职业技能等级证书', 0, 64, { width, align: 'center', characterSpacing: 6 });
      doc.font('regular').fontSize(11).fillColor(GREY);
      doc.text('（电子证书）', 0, 112, { width, align: 'center' });

      const labelX = 96;
      const valueX = 236;
      const valueWidth = 330;
      let y = 156;
      for (const [label, value] of certificateLines(c)) {
        doc
          .font('regular')
          .fontSize(13)
          .fillColor(GREY)
          .text(label, labelX, y + 2, { width: valueX - labelX - 12 });
        doc.font('bold').fontSize(15).fillColor(INK).text(value, valueX, y, { width: valueWidth });
        y = Math.max(y + 38, doc.y + 14);
      }

      const qrSize = 140;
      const qrX = width - 96 - qrSize;
      const qrY = 190;
      drawQr(doc, link, qrX, qrY, qrSize);
      doc.font('regular').fontSize(10).fillColor(GREY);
      doc.text('扫码打开证书查询', qrX - 20, qrY + qrSize + 8, { width: qrSize + 40, align: 'center' });
      doc.text('（输入持证人姓名后核验）', qrX - 20, doc.y + 2, { width: qrSize + 40, align: 'center' });

      doc.fontSize(10).fillColor(GREY);
      doc.text(
        '本证书由评价机构颁发，证书信息可在技能人才评价证书全国联网查询系统及本平台证书查询页核验。',
        72,
        height - 92,
        { width: width - 144, align: 'center' },
      );
    },
  );
}
