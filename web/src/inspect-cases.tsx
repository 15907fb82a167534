import { useState } from 'preact/hooks';
import { request } from './api.ts';
import { graphql, type VariablesOf } from './graphql.ts';
import { CASE_SOURCE_NAMES, CASE_STATUS_NAMES, name, VIOLATION_NAMES } from './labels.ts';
import { Alert, chinaTime, nodes, Panel, refusals, useLoad, wordsOf } from './ui.tsx';

const CASES = graphql(`
  query InspectCases($status: CaseStatus) {
    supervisionCases(status: $status, first: 100) {
      edges { node {
        id status source summary openedOn rectificationDueOn violationTypes
        enterprise { id name }
        prefecture { code name }
        findings { id }
      } }
    }
  }
`);
const CASE = graphql(`
  query InspectCase($id: ID!) {
    supervisionCase(id: $id) {
      id status version source summary openedOn notifiedOn violationTypes
      rectificationRequirements rectificationDueOn rectificationReport rectifiedOn
      escalatedOn escalationReason conclusion closedOn transferredTo
      enterprise { id name }
      prefecture { code name }
      findings { id violationType description evidence recordedAt recordedBy }
      history { action toStatus note actorRole at }
    }
  }
`);
const START = graphql(`
  mutation InspectStartInvestigation($id: ID!, $expectedVersion: Int, $note: String) {
    startInvestigation(id: $id, expectedVersion: $expectedVersion, note: $note) {
      supervisionCase { id status version }
      errors { code message }
    }
  }
`);
const FINDING = graphql(`
  mutation InspectRecordFinding($id: ID!, $expectedVersion: Int, $input: CaseFindingInput!) {
    recordFinding(id: $id, expectedVersion: $expectedVersion, input: $input) {
      supervisionCase { id status version }
      errors { code message field }
    }
  }
`);
type Violation = VariablesOf<typeof FINDING>['input']['violationType'];

const FINAL = new Set(['CLOSED', 'QUALIFICATION_REVOKED', 'TRANSFERRED']);

/** 记录检查: start the investigation of an open case, then record what the inspection found. */
function RecordInspection({
  token,
  id,
  version,
  status,
  onDone,
}: {
  token: string;
  id: string;
  version: number;
  status: string;
  onDone: () => void;
}) {
  const [violation, setViolation] = useState('MISMANAGEMENT');
  const [description, setDescription] = useState('');
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    const refs = evidence
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!description.trim() || refs.length === 0) {
      setError('请填写检查发现并至少列出一项证据。');
      return;
    }
    try {
      let expected = version;
      if (status === 'OPEN') {
        const started = (await request(START, { id, expectedVersion: expected, note: '现场检查' }, token))
          .startInvestigation;
        const refused = refusals(started.errors);
        if (refused || !started.supervisionCase) throw new Error(refused || '未能开始调查。');
        expected = started.supervisionCase.version;
      }
      const input = { violationType: violation as Violation, description: description.trim(), evidence: refs };
      const out = (await request(FINDING, { id, expectedVersion: expected, input }, token)).recordFinding;
      const refused = refusals(out.errors);
      if (refused) setError(refused);
      else {
        setDescription('');
        setEvidence('');
        onDone();
      }
    } catch (err) {
      setError(err instanceof Error && !('code' in err) ? err.message : wordsOf(err));
    }
  };
  return (
    <form aria-label="记录检查" onSubmit={submit}>
      <label>
        <span>问题类型</span>
        <select name="violationType" value={violation} onChange={(e) => setViolation(e.currentTarget.value)}>
          {Object.entries(VIOLATION_NAMES).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>检查发现</span>
        <textarea
          name="description"
          rows={3}
          value={description}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </label>
      <label>
        <span>证据（每行一项：文书编号、档案号、证书编号或网址）</span>
        <textarea name="evidence" rows={2} value={evidence} onInput={(e) => setEvidence(e.currentTarget.value)} />
      </label>
      <button class="primary" type="submit">
        {status === 'OPEN' ? '开始调查并记录检查发现' : '记录检查发现'}
      </button>
      <Alert text={error} />
    </form>
  );
}

function CaseDetail({
  token,
  id,
  onInstitution,
  onChanged,
}: {
  token: string;
  id: string;
  onInstitution: (id: string) => void;
  onChanged: () => void;
}) {
  const { data, error, reload } = useLoad(() => request(CASE, { id }, token), [id]);
  const c = data?.supervisionCase;
  if (error) return <Alert text={error} />;
  if (!c) return <p>正在载入……</p>;
  return (
    <div class="detail" data-prefecture={c.prefecture.code}>
      <dl>
        <dt>状态</dt>
        <dd class="case-status">{name(CASE_STATUS_NAMES, c.status)}</dd>
        <dt>来源</dt>
        <dd>{name(CASE_SOURCE_NAMES, c.source)}</dd>
        <dt>立案日期</dt>
        <dd>{c.openedOn}</dd>
        <dt>案情</dt>
        <dd>{c.summary}</dd>
        {c.rectificationDueOn ? (
          <>
            <dt>整改期限</dt>
            <dd>
              {c.rectificationDueOn}
              {c.rectificationRequirements ? `：${c.rectificationRequirements}` : ''}
            </dd>
          </>
        ) : null}
        {c.rectifiedOn ? (
          <>
            <dt>整改完成</dt>
            <dd>
              {c.rectifiedOn} {c.rectificationReport ?? ''}
            </dd>
          </>
        ) : null}
        {c.escalatedOn ? (
          <>
            <dt>升级处理</dt>
            <dd>
              {c.escalatedOn} {c.escalationReason ?? ''}
            </dd>
          </>
        ) : null}
        {c.closedOn ? (
          <>
            <dt>办结</dt>
            <dd>
              {c.closedOn} {c.conclusion ?? c.transferredTo ?? ''}
            </dd>
          </>
        ) : null}
      </dl>
      <button type="button" onClick={() => onInstitution(c.enterprise.id)}>
        查看机构档案：{c.enterprise.name}
      </button>
      <table>
        <caption>检查发现（{c.findings.length}）</caption>
        <tbody>
          {c.findings.map((f) => (
            <tr key={f.id} class="finding">
              <th scope="row">{name(VIOLATION_NAMES, f.violationType)}</th>
              <td class="text">
                {f.description}
                <br />
                <span class="hint">
                  证据：{f.evidence.join('；')} · {f.recordedAt.slice(0, 10)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>办理过程</caption>
        <tbody>
          {c.history.map((h) => (
            <tr key={`${h.at}-${h.action}`}>
              <th scope="row">{chinaTime(h.at)}</th>
              <td class="text">
                {name(CASE_STATUS_NAMES, h.toStatus)}
                {h.note ? `：${h.note}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {FINAL.has(c.status) ? null : (
        <RecordInspection
          token={token}
          id={c.id}
          version={c.version}
          status={c.status}
          onDone={() => {
            reload();
            onChanged();
          }}
        />
      )}
    </div>
  );
}

/** 督导案件 of the caller's reach (属地): state, deadlines, findings; one opens to record an inspection. */
export function CaseList({ token, onInstitution }: { token: string; onInstitution: (id: string) => void }) {
  const [status, setStatus] = useState('');
  const { data, error, reload } = useLoad(
    () => request(CASES, { status: (status || null) as 'OPEN' | null }, token),
    [token, status],
  );
  const [open, setOpen] = useState<string | null>(null);
  const rows = nodes(data?.supervisionCases);
  return (
    <Panel title="督导案件" count={data ? rows.length : undefined}>
      <label>
        <span>案件状态</span>
        <select name="caseStatus" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">全部</option>
          {Object.entries(CASE_STATUS_NAMES).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <Alert text={error} />
      <ul class="queue">
        {rows.map((c) => (
          <li key={c.id} data-prefecture={c.prefecture.code} data-case={c.id}>
            <button type="button" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? null : c.id)}>
              {c.enterprise.name}
            </button>
            <span class="hint">
              {c.prefecture.name} · {name(CASE_STATUS_NAMES, c.status)} · {name(CASE_SOURCE_NAMES, c.source)} · 立案{' '}
              {c.openedOn}
              {c.rectificationDueOn && !FINAL.has(c.status) ? ` · 整改期限 ${c.rectificationDueOn}` : ''} · 发现{' '}
              {c.findings.length} 项 · {c.violationTypes.map((v) => name(VIOLATION_NAMES, v)).join('、')}
            </span>
            {open === c.id ? (
              <CaseDetail token={token} id={c.id} onInstitution={onInstitution} onChanged={reload} />
            ) : null}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
