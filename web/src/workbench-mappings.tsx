import { useState } from 'preact/hooks';
import { request } from './api.ts';
import { graphql, type ResultOf } from './graphql.ts';
import { Alert, nodes, Panel, refusals, useLoad, wordsOf } from './ui.tsx';

const MAPPINGS = graphql(`
  query WorkbenchMappings {
    jobRoleMappings(status: PROPOSED, first: 50) {
      totalCount
      edges { node {
        id roleName roleDescription matchScore proposedAt
        enterprise { id name prefecture { code name } }
        occupation { code name }
        workType { code name }
      } }
    }
  }
`);
const SUGGESTIONS = graphql(`
  query WorkbenchMatches($title: String!, $description: String) {
    matchOccupations(title: $title, description: $description, first: 5) {
      occupation { code name }
      workType { code name }
      score
      reason
    }
  }
`);
const CONFIRM = graphql(`
  mutation WorkbenchConfirmMapping($id: ID!, $reason: String) {
    confirmJobRoleMapping(id: $id, reason: $reason) { jobRoleMapping { id status } errors { code message } }
  }
`);
const REJECT = graphql(`
  mutation WorkbenchRejectMapping($id: ID!, $reason: String!) {
    rejectJobRoleMapping(id: $id, reason: $reason) { jobRoleMapping { id status } errors { code message } }
  }
`);
type Mapping = NonNullable<ResultOf<typeof MAPPINGS>['jobRoleMappings']>['edges'][number]['node'];

const score = (s: number | null) => (s === null ? '不在匹配建议中' : `${(s * 100).toFixed(0)}%`);

/** One proposed mapping: the matcher's suggestions with their reasons, then confirm or reject. */
function MappingReview({ token, mapping, onDone }: { token: string; mapping: Mapping; onDone: () => void }) {
  const matches = useLoad(
    () => request(SUGGESTIONS, { title: mapping.roleName, description: mapping.roleDescription ?? null }, token),
    [mapping.id],
  );
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const act = async (confirm: boolean) => {
    setError('');
    if (!confirm && !reason.trim()) {
      setError('驳回须填写理由。');
      return;
    }
    try {
      const out = confirm
        ? (await request(CONFIRM, { id: mapping.id, reason: reason.trim() || null }, token)).confirmJobRoleMapping
        : (await request(REJECT, { id: mapping.id, reason: reason.trim() }, token)).rejectJobRoleMapping;
      const refused = refusals(out.errors);
      if (refused) setError(refused);
      else onDone();
    } catch (err) {
      setError(wordsOf(err));
    }
  };
  return (
    <div class="detail">
      <table>
        <caption>匹配建议（相邻相近原则）</caption>
        <thead>
          <tr>
            <th scope="col">职业（工种）</th>
            <th scope="col">匹配度</th>
            <th scope="col">理由</th>
          </tr>
        </thead>
        <tbody>
          {(matches.data?.matchOccupations ?? []).map((m) => (
            <tr
              key={`${m.occupation.code}-${m.workType?.code ?? ''}`}
              class={m.occupation.code === mapping.occupation.code ? 'chosen' : ''}
            >
              <th scope="row">
                {m.occupation.code} {m.occupation.name}
                {m.workType ? `（${m.workType.name}）` : ''}
                {m.occupation.code === mapping.occupation.code ? ' ← 企业所选' : ''}
              </th>
              <td>{score(m.score)}</td>
              <td class="text">{m.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Alert text={matches.error} />
      <label>
        <span>审核理由</span>
        <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button class="primary" type="button" onClick={() => act(true)}>
          确认映射
        </button>
        <button class="danger" type="button" onClick={() => act(false)}>
          驳回映射
        </button>
      </div>
      <Alert text={error} />
    </div>
  );
}

/** 岗位映射 waiting: an enterprise's job role mapped to an occupation, proposed for the centre to confirm. */
export function MappingQueue({ token }: { token: string }) {
  const { data, error, reload } = useLoad(() => request(MAPPINGS, {}, token), [token]);
  const [open, setOpen] = useState<string | null>(null);
  const rows = nodes(data?.jobRoleMappings);
  return (
    <Panel title="岗位映射待确认" count={data ? rows.length : undefined}>
      <Alert text={error} />
      {data && rows.length === 0 ? <p class="hint">暂无待确认的岗位映射。</p> : null}
      <ul class="queue">
        {rows.map((m) => (
          <li key={m.id} data-prefecture={m.enterprise?.prefecture.code}>
            <button type="button" aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>
              {m.enterprise?.name ?? '省级岗位对照表'}：{m.roleName} → {m.occupation.name}
              {m.workType ? `（${m.workType.name}）` : ''}
            </button>
            <span class="hint">
              {m.enterprise?.prefecture.name ?? '全省'} · 匹配度 {score(m.matchScore)}
              {m.roleDescription ? ` · ${m.roleDescription}` : ''}
            </span>
            {open === m.id ? (
              <MappingReview
                token={token}
                mapping={m}
                onDone={() => {
                  setOpen(null);
                  reload();
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
