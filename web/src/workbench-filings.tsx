import { useState } from 'preact/hooks';
import { request } from './api.ts';
import { FILING_FORM, FilingFormView } from './filing-form.tsx';
import { graphql, type ResultOf } from './graphql.ts';
import { FILING_KIND_NAMES, FILING_STATUS_NAMES, name } from './labels.ts';
import type { Who } from './signin.tsx';
import { Alert, nodes, Panel, refusals, useLoad, wordsOf } from './ui.tsx';

const WAITING = graphql(`
  query WaitingFilings($status: FilingStatus!) {
    filings(status: $status, first: 100) {
      edges { node { id enterpriseId kind status route submittedAt } }
    }
  }
`);
const ENTERPRISE_NAME = graphql(`
  query FilingEnterprise($id: ID!) { enterprise(id: $id) { id name prefecture { code name } } }
`);
const REVIEW = graphql(`
  mutation WorkbenchReviewFiling(
    $id: ID!
    $decision: ReviewDecision!
    $opinion: String
    $groundsOpinion: GroundsOpinionInput
    $expectedVersion: Int
  ) {
    reviewFiling(
      id: $id
      decision: $decision
      opinion: $opinion
      groundsOpinion: $groundsOpinion
      expectedVersion: $expectedVersion
    ) {
      filing { id status version }
      errors { code message field }
    }
  }
`);
type Filing = NonNullable<ResultOf<typeof WAITING>['filings']>['edges'][number]['node'];
type Named = NonNullable<ResultOf<typeof ENTERPRISE_NAME>['enterprise']>;

/**
 * Filings waiting for this centre: a city centre reviews those submitted in its 市州 (the API
 * keeps the others from it); the province those its city centres passed and those filed
 * straight with it.
 */
async function waiting(token: string, who: Who): Promise<{ filing: Filing; enterprise: Named | null }[]> {
  let rows: Filing[];
  if (who.role === 'province_center') {
    const [reviewed, submitted] = await Promise.all([
      request(WAITING, { status: 'CITY_REVIEWED' }, token),
      request(WAITING, { status: 'SUBMITTED' }, token),
    ]);
    rows = [...nodes(reviewed.filings), ...nodes(submitted.filings).filter((f) => f.route === 'PROVINCE')];
  } else {
    rows = nodes((await request(WAITING, { status: 'SUBMITTED' }, token)).filings);
  }
  return Promise.all(
    rows.map(async (filing) => ({
      filing,
      enterprise: (await request(ENTERPRISE_NAME, { id: filing.enterpriseId }, token)).enterprise,
    })),
  );
}

function Review({ token, id, enterpriseId }: { token: string; id: string; enterpriseId: string }) {
  const form = useLoad(() => request(FILING_FORM, { id, enterpriseId }, token), [id]);
  const [opinion, setOpinion] = useState('');
  const [grounds, setGrounds] = useState('');
  const [groundsAccepted, setGroundsAccepted] = useState(true);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const decide = async (decision: 'APPROVE' | 'REJECT') => {
    setError('');
    if (decision === 'REJECT' && !opinion.trim()) {
      setError('不通过须填写审核意见。');
      return;
    }
    // A 社会评价组织's 龙头企业 grounds: the centre's opinion on them goes with its decision.
    const groundsOpinion = grounds.trim() ? { accepted: groundsAccepted, opinion: grounds.trim() } : null;
    try {
      const out = (
        await request(
          REVIEW,
          {
            id,
            decision,
            opinion: opinion.trim() || null,
            groundsOpinion,
            expectedVersion: form.data?.filing?.version ?? null,
          },
          token,
        )
      ).reviewFiling;
      const refused = refusals(out.errors);
      if (refused || !out.filing) setError(refused || '审核未完成。');
      else {
        setDone(`已${decision === 'APPROVE' ? '审核通过' : '退回'}：${name(FILING_STATUS_NAMES, out.filing.status)}`);
      }
    } catch (err) {
      setError(wordsOf(err));
    }
  };
  if (form.error) return <Alert text={form.error} />;
  if (!form.data) return <p>正在载入……</p>;
  return (
    <div class="detail">
      <FilingFormView data={form.data} />
      {done ? (
        <p class="ok" role="status">
          {done}
        </p>
      ) : (
        <form
          aria-label="备案审核"
          onSubmit={(e) => {
            e.preventDefault();
            decide('APPROVE');
          }}
        >
          <label>
            <span>审核意见</span>
            <textarea name="opinion" rows={3} value={opinion} onInput={(e) => setOpinion(e.currentTarget.value)} />
          </label>
          {form.data.filing?.leadingGrounds ? (
            <>
              <label>
                <span>龙头企业依据审核意见</span>
                <textarea
                  name="groundsOpinion"
                  rows={2}
                  value={grounds}
                  onInput={(e) => setGrounds(e.currentTarget.value)}
                />
              </label>
              <label>
                <input
                  type="checkbox"
                  name="groundsAccepted"
                  checked={groundsAccepted}
                  onChange={(e) => setGroundsAccepted(e.currentTarget.checked)}
                />
                <span>龙头企业依据成立</span>
              </label>
            </>
          ) : null}
          <div class="actions">
            <button class="primary" type="submit">
              审核通过
            </button>
            <button class="danger" type="button" onClick={() => decide('REJECT')}>
              不予通过
            </button>
          </div>
          <Alert text={error} />
        </form>
      )}
    </div>
  );
}

/** 待审备案: the list, and the form of the one opened with its review. */
export function FilingQueue({ token, who }: { token: string; who: Who }) {
  const list = useLoad(() => waiting(token, who), [token]);
  const [open, setOpen] = useState<Filing | null>(null);
  const rows = list.data ?? [];
  return (
    <Panel title="待审备案" count={list.data ? rows.length : undefined}>
      <button type="button" onClick={list.reload}>
        刷新
      </button>
      <Alert text={list.error} />
      {list.data && rows.length === 0 ? <p class="hint">暂无待本中心审核的备案。</p> : null}
      <ul class="queue">
        {rows.map(({ filing, enterprise }) => (
          <li key={filing.id} data-prefecture={enterprise?.prefecture.code}>
            <button
              type="button"
              aria-expanded={open?.id === filing.id}
              onClick={() => setOpen(open?.id === filing.id ? null : filing)}
            >
              {enterprise?.name ?? filing.enterpriseId}
            </button>
            <span class="hint">
              {enterprise?.prefecture.name} · {name(FILING_KIND_NAMES, filing.kind)} ·{' '}
              {name(FILING_STATUS_NAMES, filing.status)} · {filing.submittedAt?.slice(0, 10) ?? ''}
            </span>
            {open?.id === filing.id ? <Review token={token} id={filing.id} enterpriseId={filing.enterpriseId} /> : null}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
