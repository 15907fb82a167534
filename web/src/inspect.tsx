import { render } from 'preact';
import { useState } from 'preact/hooks';
import { Campaigns } from './inspect-campaigns.tsx';
import { CaseList } from './inspect-cases.tsx';
import { InstitutionRecord } from './inspect-institution.tsx';
import { Signed } from './signin.tsx';
import './style.css';

/** 督导 for inspectors (and the centres' supervision): cases, the 双随机 draws, an institution's record. */
const TABS = [
  ['cases', '督导案件'],
  ['campaigns', '双随机抽查'],
  ['institution', '机构档案'],
] as const;
type Tab = (typeof TABS)[number][0];

function Inspect({ token }: { token: string }) {
  const [tab, setTab] = useState<Tab>('cases');
  const [institution, setInstitution] = useState<string | null>(null);
  const showInstitution = (id: string) => {
    setInstitution(id);
    setTab('institution');
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label="督导">
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
        {tab === 'cases' ? <CaseList token={token} onInstitution={showInstitution} /> : null}
        {tab === 'campaigns' ? <Campaigns token={token} onInstitution={showInstitution} /> : null}
        {tab === 'institution' ? <InstitutionRecord key={institution ?? ''} token={token} id={institution} /> : null}
      </div>
    </>
  );
}

function InspectPage() {
  return (
    <Signed
      roles={[
        ['inspector', '督导人员'],
        ['city_center', '市州职业技能鉴定中心'],
        ['province_center', '省职业技能鉴定中心'],
      ]}
    >
      {(token) => <Inspect token={token} />}
    </Signed>
  );
}

const app = document.getElementById('app');
if (app) render(<InspectPage />, app.appendChild(document.createElement('div')));
