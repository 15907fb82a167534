import { useState } from 'preact/hooks';
import { request } from './api.ts';
import { graphql } from './graphql.ts';
import {
  CASE_STATUS_NAMES,
  FILING_KIND_NAMES,
  FILING_STATUS_NAMES,
  LEVEL_NAMES,
  name,
  OUTCOME_NAMES,
  PLAN_STATUS_NAMES,
  QUALIFICATION_NAMES,
  SIGNAL_NAMES,
} from './labels.ts';
import { Alert, nodes, Panel, useLoad } from './ui.tsx';

const RECORD = graphql(`
  query InstitutionRecord($id: ID, $creditCode: CreditCode) {
    enterprise(id: $id, creditCode: $creditCode) {
      id name creditCode institutionCode qualificationStatus
      prefecture { code name }
      filings { id kind status submittedAt confirmedAt }
      evaluationPlans(first: 20) {
        totalCount
        edges { node { id level evaluationDate status daysLate occupation { name } } }
      }
      certificates(first: 1) { totalCount }
      riskSignals { key kind explanation }
      supervisionCases(first: 20) { edges { node { id status openedOn summary } } }
    }
  }
`);
const DISPATCHES = graphql(`
  query PlanDispatches($planId: ID!) {
    externalSupervision(planId: $planId) { id dispatchedAt outcome findings supervisor { name } }
  }
`);

/** 外派督导 sent to one plan (the draw's dispatches), loaded when asked. */
function Dispatches({ token, planId }: { token: string; planId: string }) {
  const { data, error } = useLoad(() => request(DISPATCHES, { planId }, token), [planId]);
  if (error) return <Alert text={error} />;
  if (!data) return <span>……</span>;
  if (data.externalSupervision.length === 0) return <span>未派</span>;
  return (
    <span>
      {data.externalSupervision
        .map(
          (d) =>
            `${d.supervisor?.name ?? '督导员'} ${d.dispatchedAt.slice(0, 10)} ${d.outcome ? name(OUTCOME_NAMES, d.outcome) : ''}`,
        )
        .join('；')}
    </span>
  );
}

/** 机构档案: an institution's filings, plans, certificates, risk signals and past cases before a visit. */
export function InstitutionRecord({ token, id }: { token: string; id: string | null }) {
  const [code, setCode] = useState('');
  const [asked, setAsked] = useState<{ id?: string; creditCode?: string } | null>(id ? { id } : null);
  const [shown, setShown] = useState<string | null>(null);
  const key = asked ? (asked.id ?? asked.creditCode ?? '') : '';
  const { data, error } = useLoad(
    () =>
      asked
        ? request(RECORD, { id: asked.id ?? null, creditCode: asked.creditCode ?? null }, token)
        : Promise.resolve(null),
    [key],
  );
  const e = data?.enterprise;
  return (
    <Panel title="机构档案">
      <form
        aria-label="查找机构"
        onSubmit={(ev) => {
          ev.preventDefault();
          if (code.trim()) setAsked({ creditCode: code.trim().toUpperCase() });
        }}
      >
        <label>
          <span>统一社会信用代码</span>
          <input name="creditCode" value={code} autoComplete="off" onInput={(ev) => setCode(ev.currentTarget.value)} />
        </label>
        <button class="primary" type="submit">
          查看档案
        </button>
      </form>
      <Alert text={error} />
      {asked && data && !e ? <p>未找到该机构，或不在本辖区。</p> : null}
      {e ? (
        <article class="record" data-prefecture={e.prefecture.code} aria-label={`机构档案：${e.name}`}>
          <h3>{e.name}</h3>
          <dl>
            <dt>统一社会信用代码</dt>
            <dd>{e.creditCode}</dd>
            <dt>所在市州</dt>
            <dd>{e.prefecture.name}</dd>
            <dt>备案资质</dt>
            <dd>
              {name(QUALIFICATION_NAMES, e.qualificationStatus)}
              {e.institutionCode ? `（机构代码 ${e.institutionCode}）` : ''}
            </dd>
            <dt>已发证书</dt>
            <dd>{e.certificates?.totalCount ?? 0} 本</dd>
          </dl>
          <table>
            <caption>备案（{e.filings.length}）</caption>
            <tbody>
              {e.filings.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{name(FILING_KIND_NAMES, f.kind)}</th>
                  <td class="text">
                    {name(FILING_STATUS_NAMES, f.status)} · 提交 {f.submittedAt?.slice(0, 10) ?? '—'} · 确认{' '}
                    {f.confirmedAt?.slice(0, 10) ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="table-wrap">
            <table>
              <caption>评价计划（共 {e.evaluationPlans?.totalCount ?? 0}，近 20 个）</caption>
              <thead>
                <tr>
                  {['职业', '等级', '评价日期', '状态', '逾期天数', '外派督导'].map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {nodes(e.evaluationPlans).map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.occupation.name}</th>
                    <td>{name(LEVEL_NAMES, p.level)}</td>
                    <td>{p.evaluationDate}</td>
                    <td>{name(PLAN_STATUS_NAMES, p.status)}</td>
                    <td>{p.daysLate ?? '—'}</td>
                    <td>
                      {shown === p.id ? (
                        <Dispatches token={token} planId={p.id} />
                      ) : (
                        <button type="button" onClick={() => setShown(p.id)}>
                          查看
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <table>
            <caption>风险信号（{e.riskSignals?.length ?? 0}）</caption>
            <tbody>
              {(e.riskSignals ?? []).map((s) => (
                <tr key={s.key}>
                  <th scope="row">{name(SIGNAL_NAMES, s.kind)}</th>
                  <td class="text">{s.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>历次督导案件</caption>
            <tbody>
              {nodes(e.supervisionCases).map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.openedOn}</th>
                  <td class="text">
                    {name(CASE_STATUS_NAMES, c.status)}：{c.summary}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ) : null}
    </Panel>
  );
}
