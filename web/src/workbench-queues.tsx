import { useState } from 'preact/hooks';
import { request } from './api.ts';
import { graphql, type ResultOf } from './graphql.ts';
import {
  CASE_STATUS_NAMES,
  LEVEL_NAMES,
  METHOD_NAMES,
  name,
  PLAN_STATUS_NAMES,
  SIGNAL_NAMES,
  VIOLATION_NAMES,
} from './labels.ts';
import { Alert, chinaToday, nodes, Panel, refusals, useLoad, wordsOf } from './ui.tsx';

const PLANS = graphql(`
  query WorkbenchPlans($overdueOn: Date!) {
    reported: evaluationPlans(status: REPORTED, first: 50) { edges { node {
        id status level method evaluationDate daysLate
        institution { id name } prefecture { code name } occupation { code name } resultDeadline { date }
    } } }
    overdue: evaluationPlans(overdueOn: $overdueOn, first: 50) { edges { node {
        id status level method evaluationDate daysLate
        institution { id name } prefecture { code name } occupation { code name } resultDeadline { date }
    } } }
  }
`);

type Plan = NonNullable<ResultOf<typeof PLANS>['reported']>['edges'][number]['node'];

/** 评价计划: reported plans (the centre reviews them) and results overdue past their deadline. */
export function PlanQueue({ token }: { token: string }) {
  const { data, error } = useLoad(() => request(PLANS, { overdueOn: chinaToday() }, token), [token]);
  const table = (caption: string, rows: Plan[], late: boolean) => (
    <table>
      <caption>
        {caption}（{rows.length}）
      </caption>
      <thead>
        <tr>
          {[
            '评价机构',
            '市州',
            '职业',
            '等级',
            '评价方式',
            late ? '结果截止日' : '评价日期',
            late ? '逾期天数' : '状态',
          ].map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => {
          return (
            <tr key={p.id} data-prefecture={p.prefecture.code}>
              <th scope="row">{p.institution.name}</th>
              <td>{p.prefecture.name}</td>
              <td>{p.occupation.name}</td>
              <td>{name(LEVEL_NAMES, p.level)}</td>
              <td>{name(METHOD_NAMES, p.method)}</td>
              <td>{late ? (p.resultDeadline?.date ?? '—') : p.evaluationDate}</td>
              <td>{late ? String(p.daysLate ?? '—') : name(PLAN_STATUS_NAMES, p.status)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <Panel title="评价计划">
      <Alert text={error} />
      {data ? table('已报备、待审核的评价计划', nodes(data.reported), false) : null}
      {data ? table('逾期未提交评价结果', nodes(data.overdue), true) : null}
    </Panel>
  );
}

const SIGNALS = graphql(`
  query WorkbenchSignals {
    riskSignals(first: 50) {
      edges { node {
        key kind explanation suggestedViolation
        enterprise { id name }
        prefecture { code name }
        openedCase { id status }
      } }
    }
  }
`);
const OPEN_FROM_SIGNAL = graphql(`
  mutation WorkbenchOpenCaseFromSignal($key: String!) {
    openCaseFromSignal(key: $key) { supervisionCase { id status } errors { code message } }
  }
`);

/** 风险信号 the hub raised in this centre's reach; a case may be opened from one (立案). */
export function SignalQueue({ token }: { token: string }) {
  const { data, error, reload } = useLoad(() => request(SIGNALS, {}, token), [token]);
  const [actionError, setActionError] = useState('');
  const open = async (key: string) => {
    setActionError('');
    try {
      const out = (await request(OPEN_FROM_SIGNAL, { key }, token)).openCaseFromSignal;
      const refused = refusals(out.errors);
      if (refused) setActionError(refused);
      else reload();
    } catch (err) {
      setActionError(wordsOf(err));
    }
  };
  const rows = nodes(data?.riskSignals);
  return (
    <Panel title="风险信号" count={data ? rows.length : undefined}>
      <Alert text={error || actionError} />
      <ul class="queue">
        {rows.map((s) => (
          <li key={s.key} data-prefecture={s.prefecture.code}>
            <strong>{name(SIGNAL_NAMES, s.kind)}</strong> · {s.enterprise.name} · {s.prefecture.name}
            <p>{s.explanation}</p>
            <p class="hint">
              疑似违规：{name(VIOLATION_NAMES, s.suggestedViolation)}
              {s.openedCase ? ` · 已立案（${name(CASE_STATUS_NAMES, s.openedCase.status)}）` : ''}
            </p>
            {s.openedCase ? null : (
              <button type="button" onClick={() => open(s.key)}>
                立案督导：{s.enterprise.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

const COMPLAINTS = graphql(`
  query WorkbenchComplaints {
    complaints(status: RECEIVED, first: 50) {
      edges { node {
        id receiptNumber kind content receivedOn handlingDueOn overdue mediaOutlet
        enterprise { id name }
        prefecture { code name }
      } }
    }
  }
`);
const TRIAGE = graphql(`
  mutation WorkbenchTriage($id: ID!, $decision: TriageDecision!, $note: String) {
    triageComplaint(id: $id, decision: $decision, note: $note) { complaint { id status } errors { code message } }
  }
`);

/** 投诉受理: complaints and media reports received, to accept (受理) or dismiss with a note. */
export function ComplaintQueue({ token }: { token: string }) {
  const { data, error, reload } = useLoad(() => request(COMPLAINTS, {}, token), [token]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [actionError, setActionError] = useState('');
  const triage = async (id: string, decision: 'ACCEPT' | 'DISMISS') => {
    setActionError('');
    try {
      const out = (await request(TRIAGE, { id, decision, note: notes[id]?.trim() || null }, token)).triageComplaint;
      const refused = refusals(out.errors);
      if (refused) setActionError(refused);
      else reload();
    } catch (err) {
      setActionError(wordsOf(err));
    }
  };
  const rows = nodes(data?.complaints);
  return (
    <Panel title="投诉受理" count={data ? rows.length : undefined}>
      <Alert text={error || actionError} />
      {data && rows.length === 0 ? <p class="hint">暂无待受理的投诉。</p> : null}
      <ul class="queue">
        {rows.map((c) => (
          <li key={c.id} data-prefecture={c.prefecture.code} data-complaint={c.id}>
            <strong>{c.kind === 'MEDIA_REPORT' ? `媒体反映（${c.mediaOutlet ?? ''}）` : '职工投诉'}</strong> ·{' '}
            {c.enterprise.name} · {c.prefecture.name} · 收到 {c.receivedOn}
            {c.handlingDueOn ? ` · 办理期限 ${c.handlingDueOn}` : ''}
            {c.overdue ? <span class="error"> · 已逾期</span> : null}
            <p>{c.content}</p>
            <label>
              <span>处理意见</span>
              <input value={notes[c.id] ?? ''} onInput={(e) => setNotes({ ...notes, [c.id]: e.currentTarget.value })} />
            </label>
            <div class="actions">
              <button type="button" onClick={() => triage(c.id, 'ACCEPT')}>
                受理
              </button>
              <button type="button" onClick={() => triage(c.id, 'DISMISS')}>
                不予受理
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
