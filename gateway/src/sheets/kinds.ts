/**
 * The three spreadsheets an institution fills (Excel 导入): 职工名单, 参评人员 and 评分. One spec per
 * kind, read by the template (templates.ts), the upload's reader (read.ts) and the upload route
 * (uploads.ts): the sheet's name, its columns in order — the Chinese header, the field of the bulk
 * mutation's row it fills, how a cell is read — and the mutation the rows go to. The rules of each
 * row are the API's (the assessments subgraph's import commands); the sheet only turns cells into
 * values.
 */

export type SheetKind = 'workers' | 'candidates' | 'scores';
export const SHEET_KINDS: readonly SheetKind[] = ['workers', 'candidates', 'scores'];

/** How a cell is read: free text, a calendar day, 是/否, one of a list of labels, or a number. */
export type CellType = 'text' | 'date' | 'yesNo' | 'option' | 'number';

export interface Column {
  /** The field of the mutation's row this column fills. */
  field: string;
  /** 列名 as the template writes it and the reader finds it. */
  header: string;
  required: boolean;
  type: CellType;
  /** For `option`: the label a person picks → the API's enum value. */
  options?: Readonly<Record<string, string>>;
  /** For `text`: the longest value the data validation lets through (the API checks it again). */
  maxLength?: number;
  /** For `text`: exactly this many characters (resident IDs, credit codes). */
  length?: number;
  /** For `number`: the range the data validation admits. */
  range?: readonly [number, number];
  width: number;
  /** One line for the 说明 sheet and the cell's input prompt. */
  help: string;
  example: string;
}

export interface SheetSpec {
  kind: SheetKind;
  /** The data sheet's name; the reader looks for it first. */
  sheetName: string;
  /** What the file is, for the 说明 sheet's title. */
  title: string;
  /** True when the upload names a plan (`?planId=`). */
  needsPlan: boolean;
  columns: readonly Column[];
  /** The bulk mutation the rows go to, with `$rows`, `$dryRun` and (when it needs one) `$planId`. */
  mutation: string;
  /** Its root field, where the answer is. */
  field: string;
  /** Lines of the 说明 sheet particular to this kind. */
  notes: readonly string[];
}

/** The most rows one file (and one bulk mutation) takes; the API refuses more (IMPORT_TOO_MANY_ROWS). */
export const MAX_ROWS = 10_000;

/** 破格条件 as a person picks them → ExceptionalGround. */
export const EXCEPTIONAL_GROUNDS: Readonly<Record<string, string>> = {
  解决重大工艺技术难题和重大质量问题: 'MAJOR_PROBLEM_SOLVED',
  技术创新成果获得省部级以上奖项: 'PROVINCIAL_AWARD',
  '“师带徒”业绩突出': 'OUTSTANDING_MENTORING',
};

/** 文化程度 as a person picks them → EducationLevel. */
export const EDUCATION_LEVELS: Readonly<Record<string, string>> = {
  初中: 'JUNIOR_HIGH',
  '高中、中专、技工学校': 'SECONDARY',
  '大专（含高级技工学校、技师学院）': 'JUNIOR_COLLEGE',
  本科: 'BACHELOR',
  研究生: 'POSTGRADUATE',
};

/** 评分项目 as a person picks them → ScorePart. */
export const SCORE_PARTS: Readonly<Record<string, string>> = {
  理论知识: 'THEORY',
  技能操作: 'SKILL',
  职业能力评分: 'ABILITY',
  业绩评定: 'PERFORMANCE',
  '现场评审/答辩': 'REVIEW_DEFENCE',
};

const RESULT = 'imported checked dryRun problems { row field code message } errors { code message field }';

const residentId: Column = {
  field: 'residentId',
  header: '公民身份号码',
  required: true,
  type: 'text',
  length: 18,
  width: 22,
  help: '18 位，末位可为 X；该列为文本格式，请勿改为数字（Excel 会丢失后几位）',
  example: '430102199001011238',
};

export const SHEETS: Readonly<Record<SheetKind, SheetSpec>> = {
  workers: {
    kind: 'workers',
    sheetName: '职工名单',
    title: '职工名单导入模板',
    needsPlan: false,
    field: 'importWorkers',
    mutation: `mutation ImportWorkers($rows: [ImportWorkerRow!]!, $dryRun: Boolean) { importWorkers(rows: $rows, dryRun: $dryRun) { ${RESULT} } }`,
    columns: [
      {
        field: 'name',
        header: '姓名',
        required: true,
        type: 'text',
        maxLength: 50,
        width: 12,
        help: '与身份证一致，至多 50 字',
        example: '张三',
      },
      residentId,
      {
        field: 'employedSince',
        header: '入职日期',
        required: true,
        type: 'date',
        width: 14,
        help: '日期格式，如 2020-03-01；1950-01-01 至今天',
        example: '2020-03-01',
      },
      {
        field: 'dispatched',
        header: '劳务派遣',
        required: false,
        type: 'yesNo',
        width: 10,
        help: '是 或 否；空白为否',
        example: '否',
      },
      {
        field: 'employerCreditCode',
        header: '用人单位统一社会信用代码',
        required: false,
        type: 'text',
        length: 18,
        width: 26,
        help: '本单位职工留空；社会评价组织为所服务单位的职工填写，须与用人单位名称同填',
        example: '91430100MA4L0K3D3G',
      },
      {
        field: 'employerName',
        header: '用人单位名称',
        required: false,
        type: 'text',
        maxLength: 100,
        width: 28,
        help: '本单位职工留空；与统一社会信用代码同填',
        example: '长沙某机械有限公司',
      },
    ],
    notes: [
      '每位职工一行；同一公民身份号码在本机构只登记一次（文件内重复、已登记过的都会逐行指出）。',
      '上传：POST /uploads/workers',
    ],
  },
  candidates: {
    kind: 'candidates',
    sheetName: '参评人员',
    title: '参评人员导入模板',
    needsPlan: true,
    field: 'importCandidates',
    mutation: `mutation ImportCandidates($planId: ID!, $rows: [ImportCandidateRow!]!, $dryRun: Boolean) { importCandidates(planId: $planId, rows: $rows, dryRun: $dryRun) { ${RESULT} } }`,
    columns: [
      { ...residentId, help: `已登记职工的${residentId.help}` },
      {
        field: 'name',
        header: '姓名',
        required: true,
        type: 'text',
        maxLength: 50,
        width: 12,
        help: '须与职工登记的姓名一致（用于核对）',
        example: '张三',
      },
      {
        field: 'exceptionalGround',
        header: '破格条件',
        required: false,
        type: 'option',
        options: EXCEPTIONAL_GROUNDS,
        width: 34,
        help: '仅破格晋升时从下拉列表选择，须同时填写破格理由',
        example: '技术创新成果获得省部级以上奖项',
      },
      {
        field: 'exceptionalDetail',
        header: '破格理由',
        required: false,
        type: 'text',
        maxLength: 2000,
        width: 40,
        help: '解决的难题、所获奖项或所带徒弟，至少 10 字',
        example: '2025年主持的工艺改进项目获湖南省科学技术进步奖二等奖',
      },
      {
        field: 'tradeYears',
        header: '从事本职业年限',
        required: false,
        type: 'number',
        range: [0, 60],
        width: 14,
        help: '申报信息：从事本职业（工种）工作的整年数，按工作方案的申报条件核对',
        example: '6',
      },
      {
        field: 'trainingHours',
        header: '培训学时',
        required: false,
        type: 'number',
        range: [0, 10_000],
        width: 10,
        help: '申报信息：本职业培训的标准学时数',
        example: '120',
      },
      {
        field: 'education',
        header: '文化程度',
        required: false,
        type: 'option',
        options: EDUCATION_LEVELS,
        width: 26,
        help: '申报信息：从下拉列表选择',
        example: '高中、中专、技工学校',
      },
      {
        field: 'overrideReason',
        header: '破例参评理由',
        required: false,
        type: 'text',
        maxLength: 1000,
        width: 40,
        help: '仅当未满足工作方案的申报条件而仍参评时填写，至少 10 字，记入档案',
        example: '经评价工作委员会研究，同意其以省级技能竞赛获奖成绩破例参评',
      },
    ],
    notes: [
      '参评人员须先登记为本机构职工（职工名单模板）；按公民身份号码找到职工，姓名用于核对。',
      '计划须为已报备状态，在报备截止日（评价日前第 5 个工作日）之前录入。',
      '按计划报备时施行的工作方案核对申报条件（从事本职业年限、培训学时、文化程度、入职年限、已取得的等级）；未满足的须填写破例参评理由，记入计划档案。',
      '上传：POST /uploads/candidates?planId=<评价计划 id>',
    ],
  },
  scores: {
    kind: 'scores',
    sheetName: '评分',
    title: '评分导入模板',
    needsPlan: true,
    field: 'importScores',
    mutation: `mutation ImportScores($planId: ID!, $rows: [ImportScoreRow!]!, $dryRun: Boolean) { importScores(planId: $planId, rows: $rows, dryRun: $dryRun) { ${RESULT} } }`,
    columns: [
      { ...residentId, help: `参评人员的${residentId.help}` },
      {
        field: 'name',
        header: '姓名',
        required: false,
        type: 'text',
        maxLength: 50,
        width: 12,
        help: '填写时须与职工登记的姓名一致（用于核对）',
        example: '张三',
      },
      {
        field: 'assessorName',
        header: '考评员',
        required: true,
        type: 'text',
        maxLength: 50,
        width: 14,
        help: '本计划考评员的姓名（同名时填其 id）',
        example: '王考评',
      },
      {
        field: 'part',
        header: '评分项目',
        required: true,
        type: 'option',
        options: SCORE_PARTS,
        width: 16,
        help: '从下拉列表选择；须是本计划评价方式的评分项目',
        example: '技能操作',
      },
      {
        field: 'score',
        header: '分数',
        required: true,
        type: 'number',
        range: [0, 100],
        width: 10,
        help: '0 至 100，可含小数',
        example: '85',
      },
    ],
    notes: [
      '每位考评员对每位参评人员的每个评分项目一行；再次导入同一考评员同一项目的分数即覆盖原分数。',
      '评价日当天起、评价工作委员会审核前录入。',
      '上传：POST /uploads/scores?planId=<评价计划 id>',
    ],
  },
};

/** The spec by the name in a path (`workers`, `candidates.xlsx` …), or undefined. */
export function sheetOf(name: string): SheetSpec | undefined {
  const kind = name.replace(/\.xlsx$/, '');
  return (SHEET_KINDS as readonly string[]).includes(kind) ? SHEETS[kind as SheetKind] : undefined;
}

/** Column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}
