import { render } from 'preact';
import { useState } from 'preact/hooks';
import { request } from './api.ts';
import { Bars, Lines } from './chart.tsx';
import { Filters, majorGroups } from './dashboard-filters.tsx';
import { type Filter, type Row, STATISTICS, Table } from './dashboard-table.tsx';
import { Signed, type Who } from './signin.tsx';
import { Alert, useLoad } from './ui.tsx';
import './style.css';

const label = (r: Row) => r.keys[0]?.label ?? r.keys[0]?.value ?? '未知';

/** Each chart is one assessmentStatistics question (a groupBy under the page's filter) and its table. */
const VIEWS = [
  { id: '按市州', groupBy: 'PREFECTURE', title: '按市州：参评人数', caption: '按市州统计' },
  { id: '按等级', groupBy: 'LEVEL', title: '按等级：参评人数', caption: '按等级统计' },
  { id: '月度趋势', groupBy: 'MONTH', title: '月度趋势：参评与合格人数', caption: '月度统计' },
  { id: '合格率', groupBy: 'METHOD', title: '合格率：按评价方式', caption: '按评价方式统计' },
] as const;

function View({ view, rows }: { view: (typeof VIEWS)[number]; rows: Row[] }) {
  const labels = rows.map(label);
  let chart = <Bars name="参评人数" labels={labels} values={rows.map((r) => r.candidates)} />;
  if (view.groupBy === 'MONTH') {
    chart = (
      <Lines
        labels={labels}
        series={[
          { name: '参评人数', values: rows.map((r) => r.candidates) },
          { name: '合格人数', values: rows.map((r) => r.passed) },
        ]}
      />
    );
  } else if (view.groupBy === 'METHOD') {
    const rates = rows.map((r) => (r.passRate === null ? 0 : Math.round(r.passRate * 1000) / 10));
    chart = <Bars name="合格率" unit="%" labels={labels} values={rates} />;
  }
  return (
    <section aria-label={view.id}>
      <h2>{view.title}</h2>
      {chart}
      <Table rows={rows} caption={view.caption} />
    </section>
  );
}

function Figures({ token, who }: { token: string; who: Who }) {
  const [filter, setFilter] = useState<Filter>({});
  // The occupations with figures, by 大类: the choices of the occupation filter.
  const occupations = useLoad(
    () => request(STATISTICS, { groupBy: ['OCCUPATION_MAJOR_GROUP', 'OCCUPATION'], filter: {} }, token),
    [token],
  );
  const figures = useLoad(
    () => Promise.all(VIEWS.map((v) => request(STATISTICS, { groupBy: [v.groupBy], filter }, token))),
    [token, JSON.stringify(filter)],
  );
  return (
    <>
      <Filters
        groups={majorGroups(occupations.data?.assessmentStatistics ?? [])}
        cityScoped={who.role === 'city_center'}
        onApply={setFilter}
      />
      <Alert text={figures.error || occupations.error} />
      {figures.data
        ? VIEWS.map((v, i) => <View key={v.id} view={v} rows={figures.data?.[i]?.assessmentStatistics ?? []} />)
        : null}
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
      {(token, who) => <Figures token={token} who={who} />}
    </Signed>
  );
}

const app = document.getElementById('app');
if (app) render(<DashboardPage />, app.appendChild(document.createElement('div')));
