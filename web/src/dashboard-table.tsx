import { graphql, type ResultOf, type VariablesOf } from './graphql.ts';

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
export type Row = ResultOf<typeof STATISTICS>['assessmentStatistics'][number];
export type Filter = NonNullable<VariablesOf<typeof STATISTICS>['filter']>;

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

const COLUMNS = ['分组', '参评人数', '合格人数', '合格率', '发证数', '撤销数'];

export const rowLabel = (r: Row) => r.keys.map((k) => k.label ?? k.value ?? '未知').join(' · ');

const cells = (r: Row) => [
  rowLabel(r),
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

/** The figures behind a chart: assessmentStatistics' rows as they came, with a CSV export. */
export function Table({ rows, caption }: { rows: Row[]; caption: string }) {
  return (
    <>
      <button type="button" onClick={() => exportCsv(rows, caption)}>
        导出 CSV：{caption}
      </button>
      <div class="table-wrap">
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
      </div>
    </>
  );
}
