import { graphql, type ResultOf } from './graphql.ts';
import {
  BASIS_NAMES,
  FILING_KIND_NAMES,
  FILING_STATUS_NAMES,
  LEVEL_NAMES,
  NATURE_NAMES,
  name,
  POSITION_SCOPE_NAMES,
  SERVED_NAMES,
} from './labels.ts';
import { chinaTime } from './ui.tsx';

/** A filing with its enterprise: everything the 备案申报表 shows. */
export const FILING_FORM = graphql(`
  query FilingForm($id: ID!, $enterpriseId: ID!) {
    filing(id: $id) {
      id kind status route version submittedAt amendsFilingId
      teamDescription facilitiesDescription systemsDescription planDescription
      commitmentSigner commitmentSignedOn serves
      scope { occupationCode occupationName workTypeCode workTypeName levels basis jobRoleName }
      servedParties { creditCode name kind }
      leadingGrounds { industry positionScope industryPosition chainName chainRole evidence { title reference } }
      attachments { title reference }
      transitions { fromStatus toStatus actorRole opinion groundsOpinion { accepted opinion } at }
      revocationHistory { toStatus actorRole opinion at }
    }
    enterprise(id: $enterpriseId) {
      id name creditCode legalRepresentative address registrationAuthority foundedOn
      employeeCount skilledWorkerCount nature mainBusiness phone
      headName headPhone contactName contactPhone contactTitle email
      prefecture { code name }
    }
  }
`);
type Data = ResultOf<typeof FILING_FORM>;

const ROLE_NAMES: Record<string, string> = {
  enterprise: '企业',
  city_center: '市州鉴定中心',
  province_center: '省鉴定中心',
  ministry: '人社部',
};
const when = chinaTime;

/** 备案申报表, read only, in the order of the form: 基本情况, 评价范围, 组织, 场地, 制度, 计划, 承诺. */
export function FilingFormView({ data }: { data: Data }) {
  const f = data.filing;
  const e = data.enterprise;
  if (!f || !e) return <p>未找到该备案，或无权查看。</p>;
  return (
    <article class="form-sheet" aria-label="备案申报表" data-prefecture={e.prefecture.code}>
      <h3>企业职业技能等级认定备案申报表</h3>
      <p class="hint">
        {name(FILING_KIND_NAMES, f.kind)} · {name(FILING_STATUS_NAMES, f.status)} · 提交于 {when(f.submittedAt)}
        {f.route === 'PROVINCE' ? ' · 直接向省中心申报' : ''}
        {f.amendsFilingId ? ' · 变更备案' : ''}
      </p>
      <table class="sheet">
        <caption>一、企业基本情况</caption>
        <tbody>
          {[
            ['企业名称', e.name],
            ['统一社会信用代码', e.creditCode],
            ['法定代表人', e.legalRepresentative],
            ['所在市州', e.prefecture.name],
            ['注册地址', e.address],
            ['登记机关', e.registrationAuthority],
            ['成立日期', e.foundedOn],
            ['企业性质', name(NATURE_NAMES, e.nature)],
            ['职工总数', String(e.employeeCount)],
            ['技能人员数', String(e.skilledWorkerCount)],
            ['主营业务', e.mainBusiness],
            ['单位电话', e.phone],
            ['负责人', `${e.headName}（${e.headPhone}）`],
            ['联系人', `${e.contactName}，${e.contactTitle}（${e.contactPhone}，${e.email}）`],
          ].map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="sheet">
        <caption>二、评价职业（工种）及等级</caption>
        <thead>
          <tr>
            <th scope="col">职业（工种）</th>
            <th scope="col">等级</th>
            <th scope="col">评价依据</th>
            <th scope="col">对应企业岗位</th>
          </tr>
        </thead>
        <tbody>
          {f.scope.map((s) => (
            <tr key={`${s.occupationCode}-${s.workTypeCode ?? ''}`}>
              <td>
                {s.occupationCode} {s.occupationName}
                {s.workTypeName ? `（${s.workTypeName}）` : ''}
              </td>
              <td>{s.levels.map((l) => LEVEL_NAMES[l] ?? l).join('、')}</td>
              <td>{name(BASIS_NAMES, s.basis)}</td>
              <td>{s.jobRoleName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {f.servedParties.length > 0 ? (
        <table class="sheet">
          <caption>服务对象{f.serves ? `：${f.serves}` : ''}</caption>
          <tbody>
            {f.servedParties.map((p) => (
              <tr key={p.creditCode}>
                <th scope="row">{p.name}</th>
                <td>
                  {p.creditCode} · {name(SERVED_NAMES, p.kind)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {f.leadingGrounds ? (
        <table class="sheet">
          <caption>龙头企业依据</caption>
          <tbody>
            {[
              ['所属行业', f.leadingGrounds.industry],
              [
                '行业地位',
                `${name(POSITION_SCOPE_NAMES, f.leadingGrounds.positionScope)}：${f.leadingGrounds.industryPosition}`,
              ],
              ['牵头的产业链', f.leadingGrounds.chainName],
              ['在产业链中的作用', f.leadingGrounds.chainRole],
              ['证明材料', f.leadingGrounds.evidence.map((e) => `${e.title}（${e.reference}）`).join('；') || '无'],
            ].map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <dl class="sheet-text">
        <dt>三、评价工作组织及人员</dt>
        <dd>{f.teamDescription}</dd>
        <dt>四、场地设施设备</dt>
        <dd>{f.facilitiesDescription}</dd>
        <dt>五、管理制度</dt>
        <dd>{f.systemsDescription}</dd>
        <dt>六、评价工作计划及结果使用</dt>
        <dd>{f.planDescription}</dd>
        <dt>七、承诺书</dt>
        <dd>{f.commitmentSigner ? `${f.commitmentSigner} 于 ${f.commitmentSignedOn ?? '—'} 签署` : '未签署'}</dd>
        <dt>附件</dt>
        <dd>{f.attachments.length ? f.attachments.map((a) => `${a.title}（${a.reference}）`).join('；') : '无'}</dd>
      </dl>
      <table class="sheet">
        <caption>审核记录</caption>
        <tbody>
          {f.transitions.map((t) => (
            <tr key={`${t.at}-${t.toStatus}`}>
              <th scope="row">{when(t.at)}</th>
              <td>
                {ROLE_NAMES[t.actorRole] ?? t.actorRole}：{name(FILING_STATUS_NAMES, t.toStatus)}
                {t.opinion ? `，意见：${t.opinion}` : ''}
                {t.groundsOpinion
                  ? `；龙头企业依据${t.groundsOpinion.accepted ? '成立' : '不成立'}：${t.groundsOpinion.opinion}`
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {f.revocationHistory.length > 0 ? (
        <p class="error">
          该企业曾被取消备案资质：
          {f.revocationHistory.map((t) => `${when(t.at)} ${t.opinion ?? ''}`).join('；')}
        </p>
      ) : null}
    </article>
  );
}
