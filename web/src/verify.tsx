import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, messageFor, request } from './api.ts';
import { BY_IDENTITY, type Certificate, fromFragment, LEVELS, VERDICTS, VERIFY, type Verdict } from './verify-model.ts';
import './style.css';

type Route = 'number' | 'identity';
type Outcome =
  | { kind: 'number'; verdict: Verdict; certificate: Certificate | null }
  | { kind: 'identity'; certificates: Certificate[] }
  | { kind: 'error'; message: string };

function Facts({ c }: { c: Certificate }) {
  return (
    <dl class="card">
      <dt>证书编号</dt>
      <dd>{c.number}</dd>
      <dt>持证人</dt>
      <dd>{c.holderName}</dd>
      <dt>证书状态</dt>
      <dd>{c.status === 'VALID' ? '有效' : '已撤销'}</dd>
      <dt>职业</dt>
      <dd>{c.occupation.name ?? c.occupation.code}</dd>
      <dt>工种</dt>
      <dd>{c.workType ? (c.workType.name ?? c.workType.code) : '—'}</dd>
      <dt>等级</dt>
      <dd>{LEVELS[c.level]}</dd>
      <dt>发证机构</dt>
      <dd>{c.issuer.name ?? '—'}</dd>
      <dt>发证日期</dt>
      <dd>{c.issuedOn}</dd>
    </dl>
  );
}

function Result({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'error') {
    return (
      <p class="error" role="alert">
        {outcome.message}
      </p>
    );
  }
  if (outcome.kind === 'number') {
    const cls = outcome.verdict === 'VALID' ? 'valid' : outcome.verdict === 'REVOKED' ? 'revoked' : 'missing';
    return (
      <>
        <p class={`verdict ${cls}`} data-verdict={outcome.verdict}>
          {VERDICTS[outcome.verdict]}
        </p>
        {outcome.certificate ? (
          <Facts c={outcome.certificate} />
        ) : (
          <p class="hint">没有编号与姓名都相符的证书，请核对后重试。</p>
        )}
      </>
    );
  }
  if (outcome.certificates.length === 0) {
    return (
      <p class="verdict missing" data-verdict="NOT_FOUND">
        未查到
      </p>
    );
  }
  return (
    <>
      <p class="verdict valid" data-verdict="FOUND">
        查到 {outcome.certificates.length} 本证书
      </p>
      {outcome.certificates.map((c) => (
        <Facts key={c.number} c={c} />
      ))}
    </>
  );
}

function VerifyPage() {
  const initial = fromFragment(location.hash);
  const [route, setRoute] = useState<Route>('number');
  const [number, setNumber] = useState(initial.number);
  const [id, setId] = useState('');
  const [name, setName] = useState(initial.name);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async (r: Route, fields: { number: string; id: string; name: string }) => {
    setBusy(true);
    try {
      if (r === 'number') {
        const data = await request(VERIFY, { number: fields.number.trim(), name: fields.name.trim() });
        const v = data.verifyCertificate;
        setOutcome({ kind: 'number', verdict: v.status, certificate: v.certificate ?? null });
      } else {
        const data = await request(BY_IDENTITY, { id: fields.id.trim().toUpperCase(), name: fields.name.trim() });
        setOutcome({ kind: 'identity', certificates: data.verifyCertificatesByIdentity });
      }
    } catch (err) {
      setOutcome({ kind: 'error', message: err instanceof ApiError ? err.message : messageFor('') });
    } finally {
      setBusy(false);
    }
  };

  // A QR code's link answers straight away; the fragment is then cleared from the address bar.
  useEffect(() => {
    if (!initial.name || !initial.number) return;
    history.replaceState(null, '', location.pathname);
    void run('number', { ...initial, id: '' });
  }, []);

  const submit = (e: Event) => {
    e.preventDefault();
    void run(route, { number, id, name });
  };

  return (
    <>
      <div class="tabs" role="tablist" aria-label="查询方式">
        <button type="button" role="tab" aria-selected={route === 'number'} onClick={() => setRoute('number')}>
          按证书编号
        </button>
        <button type="button" role="tab" aria-selected={route === 'identity'} onClick={() => setRoute('identity')}>
          按身份证号
        </button>
      </div>
      <form onSubmit={submit} aria-label="证书查询">
        {route === 'number' ? (
          <label>
            <span>证书编号</span>
            <input
              name="number"
              value={number}
              required
              maxLength={22}
              autoComplete="off"
              onInput={(e) => setNumber(e.currentTarget.value)}
            />
          </label>
        ) : (
          <label>
            <span>身份证号</span>
            <input
              name="id"
              value={id}
              required
              maxLength={18}
              autoComplete="off"
              onInput={(e) => setId(e.currentTarget.value)}
            />
          </label>
        )}
        <label>
          <span>持证人姓名</span>
          <input
            name="name"
            value={name}
            required
            autoComplete="name"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <button class="primary" type="submit" disabled={busy}>
          {busy ? '查询中…' : '查询'}
        </button>
      </form>
      <section class="result" aria-live="polite" hidden={!outcome}>
        {outcome ? <Result outcome={outcome} /> : null}
      </section>
    </>
  );
}

const app = document.getElementById('app');
if (app) render(<VerifyPage />, app.appendChild(document.createElement('div')));
