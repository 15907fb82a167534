import { graphql, type ResultOf } from './graphql.ts';

export const VERIFY = graphql(`
  query VerifyCertificate($number: String!, $name: String!) {
    verifyCertificate(number: $number, holderName: $name) {
      status
      certificate {
        number
        level
        holderName
        issuedOn
        status
        occupation { code name }
        workType { code name }
        issuer { name }
      }
    }
  }
`);

export const BY_IDENTITY = graphql(`
  query VerifyByIdentity($id: ResidentId!, $name: String!) {
    verifyCertificatesByIdentity(residentId: $id, holderName: $name) {
      number
      level
      holderName
      issuedOn
      status
      occupation { code name }
      workType { code name }
      issuer { name }
    }
  }
`);

export type Certificate = NonNullable<ResultOf<typeof VERIFY>['verifyCertificate']['certificate']>;
export type Verdict = ResultOf<typeof VERIFY>['verifyCertificate']['status'];

export const LEVELS: Record<Certificate['level'], string> = {
  LEVEL_5: '五级/初级工',
  LEVEL_4: '四级/中级工',
  LEVEL_3: '三级/高级工',
  LEVEL_2: '二级/技师',
  LEVEL_1: '一级/高级技师',
};

export const VERDICTS: Record<Verdict, string> = { VALID: '有效', REVOKED: '已撤销', NOT_FOUND: '未查到' };

/** A link's fragment: `#number=…` (what a certificate's QR code holds: the name is typed from the
 * paper, docs/decisions/pdf-fonts.md), or `#number=…&name=…`, answered at once. A fragment never
 * reaches a server log. Never a resident ID: that route is typed in, not linked. */
export function fromFragment(hash: string): { number: string; name: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { number: params.get('number') ?? '', name: params.get('name') ?? '' };
}
