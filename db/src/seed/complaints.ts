/**
 * The demo's complaints and media reports (投诉与舆情): their words, and the 受理编号 and 办理期限
 * they carry as the supervision subgraph gives them at intake.
 */
import { DEFAULT_COMPLAINT_HANDLING_DAYS, receiptNumber } from '@hub/vocabulary';
import type { ComplaintRow, ViolationType } from './cases.ts';
import type { EnterpriseFacts } from './enterprises.ts';
import { mobilePhone, personName } from './names.ts';
import { addDays, officeTime, type Rng } from './random.ts';

const COMPLAINTS = [
  '本人参加技能等级认定时，技能操作考核时间明显短于规定时间，考评员未认真评分。',
  '单位组织的认定考试题目提前泄露，部分人员未参加实操考核即取得证书。',
  '认定机构向非本企业人员收费办理证书，承诺“包过”。',
  '本人成绩合格但公示名单中没有本人，询问后未得到答复。',
  '公示期只有两三天，公示内容不全，职工无法提出异议。',
  '单位要求职工交纳高额评价费用，与公告不符。',
];
const MEDIA = ['湖南日报', '红网', '潇湘晨报', '长沙晚报', '新湖南客户端'];
const DISMISSALS = [
  '反映内容不属于职业技能等级认定监管范围，已告知向劳动保障监察机构反映。',
  '经初步核实，反映人所述情况与评价档案记录不符，且无其他线索，不予受理。',
];

/** A complaint or media report against `e`, received on `receivedOn`, and how far it has gone. */
export function complaint(
  rng: Rng,
  e: EnterpriseFacts,
  receivedOn: string,
  status: NonNullable<ComplaintRow['status']>,
  suspected: ViolationType[],
  media: boolean,
  triagedOn: string | null,
): ComplaintRow {
  const named = rng.chance(0.7);
  const outlet = rng.pick(MEDIA);
  const publishedOn = addDays(receivedOn, -rng.int(0, 3));
  return {
    id: rng.uuid(),
    kind: media ? 'MEDIA_REPORT' : 'WORKER_COMPLAINT',
    enterpriseId: e.id,
    prefectureCode: e.place.code,
    content: media
      ? `${outlet}报道：有职工反映${e.name}${rng.pick(COMPLAINTS).replace(/^本人/, '')}`
      : rng.pick(COMPLAINTS),
    complainantName: !media && named ? personName(rng) : null,
    complainantContact: !media && named ? mobilePhone(rng) : null,
    mediaOutlet: media ? outlet : null,
    mediaReference: media ? `https://news.example.cn/${publishedOn.replaceAll('-', '')}/${rng.digits(6)}.html` : null,
    publishedOn: media ? publishedOn : null,
    receivedOn,
    receivedAt: officeTime(rng, receivedOn),
    status,
    suspectedViolations: status === 'RECEIVED' ? [] : suspected,
    triageNote: triagedOn ? (status === 'DISMISSED' ? rng.pick(DISMISSALS) : '反映问题具体，予以受理。') : null,
    triagedBy: triagedOn ? `seed:inspector-${e.place.code}` : null,
    triagedAt: triagedOn ? officeTime(rng, triagedOn) : null,
  };
}

/**
 * 受理编号 and 办理期限 as the supervision subgraph gives them at intake: numbered per day of receipt in
 * the order received, due the default number of days later. No 查询码: nobody was handed one.
 */
export function numberComplaints(rows: ComplaintRow[]): void {
  const perDay = new Map<string, number>();
  const at = (row: ComplaintRow) => (row.receivedAt as Date).getTime();
  const byReceipt = [...rows].sort((a, b) => at(a) - at(b));
  for (const row of byReceipt) {
    const sequence = (perDay.get(row.receivedOn) ?? 0) + 1;
    perDay.set(row.receivedOn, sequence);
    row.receiptNumber = receiptNumber(row.receivedOn, sequence);
    row.handlingDueOn = addDays(row.receivedOn, DEFAULT_COMPLAINT_HANDLING_DAYS);
  }
}
