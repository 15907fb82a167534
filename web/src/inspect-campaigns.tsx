import { useState } from 'preact/hooks';
import { request } from './api.ts';
import { graphql } from './graphql.ts';
import { CAMPAIGN_KIND_NAMES, name, OUTCOME_NAMES } from './labels.ts';
import { Alert, nodes, Panel, refusals, useLoad, wordsOf } from './ui.tsx';

const CAMPAIGNS = graphql(`
  query InspectCampaigns {
    inspectionCampaigns(status: PUBLISHED, first: 20) {
      edges { node {
        id kind title occupationCode periodStartsOn periodEndsOn institutionCount inspectorsPerInstitution
        seed algorithm publishedAt
        prefecture { code name }
        drawn {
          position outcome resultSummary inspectedOn
          enterprise { id name }
          prefecture { code name }
          inspectors { id name }
        }
      } }
    }
  }
`);
const RESULT = graphql(`
  mutation InspectRecordResult($campaignId: ID!, $enterpriseId: ID!, $outcome: InspectionOutcome!, $summary: String!) {
    recordInspectionResult(campaignId: $campaignId, enterpriseId: $enterpriseId, outcome: $outcome, summary: $summary) {
      campaign { id }
      errors { code message }
    }
  }
`);

/** 双随机、一公开: the published draws, who inspects whom, and each inspection's result. */
export function Campaigns({ token, onInstitution }: { token: string; onInstitution: (id: string) => void }) {
  const { data, error, reload } = useLoad(() => request(CAMPAIGNS, {}, token), [token]);
  const [summaries, setSummaries] = useState<Record<string, string>>({});
  const [actionError, setActionError] = useState('');
  const record = async (campaignId: string, enterpriseId: string, outcome: 'NO_ISSUES' | 'ISSUES_FOUND') => {
    setActionError('');
    const summary = summaries[`${campaignId}/${enterpriseId}`]?.trim();
    if (!summary) {
      setActionError('请填写检查结果说明。');
      return;
    }
    try {
      const out = (await request(RESULT, { campaignId, enterpriseId, outcome, summary }, token)).recordInspectionResult;
      const refused = refusals(out.errors);
      if (refused) setActionError(refused);
      else reload();
    } catch (err) {
      setActionError(wordsOf(err));
    }
  };
  const campaigns = nodes(data?.inspectionCampaigns);
  return (
    <Panel title="双随机抽查" count={data ? campaigns.length : undefined}>
      <Alert text={error || actionError} />
      {data && campaigns.length === 0 ? <p class="hint">暂无已公布的抽查。</p> : null}
      {campaigns.map((c) => (
        <article key={c.id} class="campaign" aria-label={c.title} data-prefecture={c.prefecture?.code}>
          <h3>{c.title}</h3>
          <p class="hint">
            {name(CAMPAIGN_KIND_NAMES, c.kind)} · {c.prefecture?.name ?? '全省'} · {c.periodStartsOn} 至{' '}
            {c.periodEndsOn} · 抽取 {c.institutionCount} 家，每家 {c.inspectorsPerInstitution} 名检查人员 · 公布于{' '}
            {c.publishedAt?.slice(0, 10) ?? '—'} · 随机种子 {c.seed}（{c.algorithm}）
          </p>
          <ul class="queue">
            {c.drawn.map((d) => {
              const k = `${c.id}/${d.enterprise.id}`;
              return (
                <li key={k} data-prefecture={d.prefecture.code}>
                  <button type="button" aria-expanded={false} onClick={() => onInstitution(d.enterprise.id)}>
                    {d.position}. {d.enterprise.name}
                  </button>
                  <span class="hint">
                    {d.prefecture.name} · 检查人员：{(d.inspectors ?? []).map((i) => i.name).join('、') || '—'} ·{' '}
                    {d.outcome
                      ? `${name(OUTCOME_NAMES, d.outcome)}（${d.inspectedOn ?? ''}）：${d.resultSummary ?? ''}`
                      : '待检查'}
                  </span>
                  {d.outcome ? null : (
                    <>
                      <label>
                        <span>检查结果说明</span>
                        <input
                          value={summaries[k] ?? ''}
                          onInput={(e) => setSummaries({ ...summaries, [k]: e.currentTarget.value })}
                        />
                      </label>
                      <div class="actions">
                        <button type="button" onClick={() => record(c.id, d.enterprise.id, 'NO_ISSUES')}>
                          未发现问题
                        </button>
                        <button
                          class="danger"
                          type="button"
                          onClick={() => record(c.id, d.enterprise.id, 'ISSUES_FOUND')}
                        >
                          发现问题
                        </button>
                      </div>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </article>
      ))}
    </Panel>
  );
}
