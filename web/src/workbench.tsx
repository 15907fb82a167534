import { render } from 'preact';
import { useState } from 'preact/hooks';
import { Signed } from './signin.tsx';
import { FilingQueue } from './workbench-filings.tsx';
import { MappingQueue } from './workbench-mappings.tsx';
import { ComplaintQueue, PlanQueue, SignalQueue } from './workbench-queues.tsx';
import './style.css';

/** 工作台 of the city and province centres: each queue reads and acts through the GraphQL API. */
const TABS = [
  ['filings', '待审备案'],
  ['plans', '评价计划'],
  ['signals', '风险信号'],
  ['mappings', '岗位映射'],
  ['complaints', '投诉受理'],
] as const;
type Tab = (typeof TABS)[number][0];

function Workbench({ token, who }: { token: string; who: Parameters<typeof FilingQueue>[0]['who'] }) {
  const [tab, setTab] = useState<Tab>('filings');
  return (
    <>
      <div class="tabs" role="tablist" aria-label="工作台">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'filings' ? <FilingQueue token={token} who={who} /> : null}
        {tab === 'plans' ? <PlanQueue token={token} /> : null}
        {tab === 'signals' ? <SignalQueue token={token} /> : null}
        {tab === 'mappings' ? <MappingQueue token={token} /> : null}
        {tab === 'complaints' ? <ComplaintQueue token={token} /> : null}
      </div>
    </>
  );
}

function WorkbenchPage() {
  return (
    <Signed
      roles={[
        ['city_center', '市州职业技能鉴定中心'],
        ['province_center', '省职业技能鉴定中心'],
      ]}
    >
      {(token, who) => <Workbench token={token} who={who} />}
    </Signed>
  );
}

const app = document.getElementById('app');
if (app) render(<WorkbenchPage />, app.appendChild(document.createElement('div')));
