import { useState } from 'preact/hooks';
import type { Filter, Row } from './dashboard-table.tsx';
import { LEVEL_NAMES, METHOD_NAMES, NATURE_NAMES } from './labels.ts';
import { PREFECTURES } from './session.ts';

type Level = NonNullable<Filter['levels']>[number];
type Method = NonNullable<Filter['methods']>[number];
type Nature = NonNullable<Filter['enterpriseNatures']>[number];

/** 职业 by 大类, from assessmentStatistics grouped by [OCCUPATION_MAJOR_GROUP, OCCUPATION]. */
export interface MajorGroup {
  code: string;
  name: string;
  occupations: [code: string, name: string][];
}

export function majorGroups(rows: Row[]): MajorGroup[] {
  const groups = new Map<string, MajorGroup>();
  for (const r of rows) {
    const [major, occupation] = r.keys;
    if (!major?.value || !occupation?.value) continue;
    const g = groups.get(major.value) ?? { code: major.value, name: major.label ?? major.value, occupations: [] };
    g.occupations.push([occupation.value, occupation.label ?? occupation.value]);
    groups.set(major.value, g);
  }
  return [...groups.values()].sort((a, b) => a.code.localeCompare(b.code));
}

function Choice({
  name,
  label,
  all,
  value,
  options,
  onChange,
}: {
  name: string;
  label: string;
  all: string;
  value: string;
  options: [string, string][];
  onChange: (v: string) => void;
}) {
  return (
    <label>
      <span>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{all}</option>
        {options.map(([code, text]) => (
          <option key={code} value={code}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * 筛选: the filter is assessmentStatistics' own, so the figures are the API's for it. A 大类 is
 * asked as the occupations of that 大类 that have figures at all (the API filters by 职业编码).
 * A city centre gets no 市州 choice: the API answers it its own 市州 only.
 */
export function Filters({
  groups,
  cityScoped,
  onApply,
}: {
  groups: MajorGroup[];
  cityScoped: boolean;
  onApply: (filter: Filter) => void;
}) {
  const [prefecture, setPrefecture] = useState('');
  const [occupation, setOccupation] = useState('');
  const [level, setLevel] = useState('');
  const [method, setMethod] = useState('');
  const [nature, setNature] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const occupationCodes = () => {
    if (!occupation) return undefined;
    if (!occupation.startsWith('major:')) return [occupation];
    return groups.find((g) => `major:${g.code}` === occupation)?.occupations.map(([code]) => code) ?? [];
  };
  return (
    <form
      aria-label="筛选"
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        const codes = occupationCodes();
        onApply({
          ...(prefecture ? { prefectures: [prefecture] } : {}),
          ...(codes ? { occupationCodes: codes } : {}),
          ...(level ? { levels: [level as Level] } : {}),
          ...(method ? { methods: [method as Method] } : {}),
          ...(nature ? { enterpriseNatures: [nature as Nature] } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        });
      }}
    >
      {cityScoped ? null : (
        <Choice
          name="prefecture"
          label="市州"
          all="全省"
          value={prefecture}
          options={PREFECTURES}
          onChange={setPrefecture}
        />
      )}
      <label>
        <span>职业或大类</span>
        <select name="occupation" value={occupation} onChange={(e) => setOccupation(e.currentTarget.value)}>
          <option value="">全部职业</option>
          {groups.map((g) => (
            <optgroup key={g.code} label={g.name}>
              <option value={`major:${g.code}`}>{g.name}（大类全部）</option>
              {g.occupations.map(([code, text]) => (
                <option key={code} value={code}>
                  {code} {text}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <Choice
        name="level"
        label="等级"
        all="全部等级"
        value={level}
        options={Object.entries(LEVEL_NAMES)}
        onChange={setLevel}
      />
      <Choice
        name="method"
        label="评价方式"
        all="全部方式"
        value={method}
        options={Object.entries(METHOD_NAMES)}
        onChange={setMethod}
      />
      <Choice
        name="nature"
        label="企业性质"
        all="全部性质"
        value={nature}
        options={Object.entries(NATURE_NAMES)}
        onChange={setNature}
      />
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
