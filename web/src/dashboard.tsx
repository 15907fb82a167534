import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, messageFor, request } from './api.ts';
import { Bars } from './chart.tsx';
import { graphql, type ResultOf, type VariablesOf } from './graphql.ts';
import { Signed } from './signin.tsx';
import './style.css';

export const STATISTICS = graphql(`
  query DashboardStatistics($groupBy: [StatisticsDimension!], $filter: StatisticsFilter) {
    assessmentStatistics(groupBy: $groupBy, filter: $filter) {
      keys { dimension value label }
      candidates
      passed
      passRate
      certificatesIssued
      certificatesRevoked
    }
  }
`);
type Row = ResultOf<typeof STATISTICS>['assessmentStatistics'][number];
type Filter = NonNullable<VariablesOf<typeof STATISTICS>['filter']>;
type Level = NonNullable<Filter['levels']>[number];

const LEVELS: [Level, string][] = [
  ['LEVEL_5', '五级/初级工'],
  ['LEVEL_4', '四级/中级工'],
  ['LEVEL_3', '三级/高级工'],
  ['LEVEL_2', '二级/技师'],
  ['LEVEL_1', '一级/高级技师'],
];

/** 筛选: the filter is assessmentStatistics' own, so the figures are the API's for it. */
function Filters({ onApply }: { onApply: (filter: Filter) => void }) {
  const [level, setLevel] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <form
      aria-label="筛选"
      onSubmit={(e) => {
        e.preventDefault();
        onApply({
          ...(level ? { levels: [level as Level] } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        });
      }}
    >
      <label>
        <span>等级</span>
        <select name="level" value={level} onChange={(e) => setLevel(e.currentTarget.value)}>
          <option value="">全部等级</option>
          {LEVELS.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>起始日期</span>
        <input type="date" name="from" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
      </label>
      <label>
        <span>截止日期</span>
        <input type="date" name="to" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
      </label>
      <button class="primary" type="submit">
        筛选
      </button>
    </form>
  );
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

const COLUMNS = ['分组', '参评人数', '合格人数', '合格率', '发证数', '撤销数'];

const cells = (r: Row) => [
  r.keys.map((k) => k.label ?? k.value ?? '未知').join(' · '),
  String(r.candidates),
  String(r.passed),
  percent(r.passRate),
  String(r.certificatesIssued),
  String(r.certificatesRevoked),
];

/** The table as CSV (UTF-8 with a BOM, so that Excel reads the Chinese), downloaded by the browser. */
function exportCsv(rows: Row[], caption: string) {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const text = [COLUMNS, ...rows.map(cells)].map((line) => line.map(quote).join(',')).join('\r\n');
  const url = URL.createObjectURL(new Blob(['\uFEFF', text, '\r\n'], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${caption}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function Table({ rows, caption }: { rows: Row[]; caption: string }) {
  return (
    <>
      <button type="button" onClick={() => exportCsv(rows, caption)}>
        导出 CSV：{caption}
      </button>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const [group, ...figures] = cells(r);
            return (
              <tr key={r.keys.map((k) => k.value).join('|')} data-key={r.keys.map((k) => k.value ?? '').join('|')}>
                <th scope="row">{group}</th>
                {figures.map((f, i) => (
                  <td key={COLUMNS[i + 1]}>{f}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function Figures({ token }: { token: string }) {
  const [byCity, setByCity] = useState<Row[] | null>(null);
  const [byLevel, setByLevel] = useState<Row[] | null>(null);
  const [error, setError] = useState('');
  const [filter, setFilter] = useState<Filter>({});
  useEffect(() => {
    setError('');
    Promise.all([
      request(STATISTICS, { groupBy: ['PREFECTURE'], filter }, token),
      request(STATISTICS, { groupBy: ['LEVEL'], filter }, token),
    ])
      .then(([a, b]) => {
        setByCity(a.assessmentStatistics);
        setByLevel(b.assessmentStatistics);
      })
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : messageFor('')));
  }, [token, filter]);
  const label = (r: Row) => r.keys[0]?.label ?? r.keys[0]?.value ?? '未知';
  return (
    <>
      <Filters onApply={setFilter} />
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {byCity ? (
        <section aria-label="按市州">
          <h2>按市州：参评人数</h2>
          <Bars name="参评人数" labels={byCity.map(label)} values={byCity.map((r) => r.candidates)} />
          <Table rows={byCity} caption="按市州统计" />
        </section>
      ) : null}
      {byLevel ? (
        <section aria-label="按等级">
          <h2>按等级：参评人数</h2>
          <Bars name="参评人数" labels={byLevel.map(label)} values={byLevel.map((r) => r.candidates)} />
          <Table rows={byLevel} caption="按等级统计" />
        </section>
      ) : null}
    </>
  );
}

function DashboardPage() {
  return (
    <Signed
      roles={[
        ['province_center', '省职业技能鉴定中心'],
        ['city_center', '市州职业技能鉴定中心'],
        ['dashboard', '统计看板'],
      ]}
    >
      {(token) => <Figures token={token} />}
    </Signed>
  );
}

const app = document.getElementById('app');
if (app) render(<DashboardPage />, app.appendChild(document.createElement('div')));
