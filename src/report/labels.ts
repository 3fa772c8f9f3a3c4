/** The words of the reports, in English and in Chinese (seed 001's readers are Chinese payroll offices). */
import type { StatementLineKind } from '../period/types.js';

/** Every caption, heading and column name a report prints. */
export interface ReportLabels {
  readonly lang: string;
  readonly report: string;
  readonly whatIf: string;
  readonly plan: string;
  readonly period: string;
  readonly versions: string;
  readonly summary: string;
  readonly totals: string;
  readonly total: string;
  readonly amount: string;
  readonly checks: string;
  readonly check: string;
  readonly equation: string;
  readonly left: string;
  readonly right: string;
  readonly holds: string;
  readonly ok: string;
  readonly failed: string;
  readonly departments: string;
  readonly department: string;
  readonly name: string;
  readonly side: string;
  readonly people: string;
  readonly person: string;
  readonly own: string;
  readonly applied: string;
  readonly uniform: string;
  readonly matrixMinusUniform: string;
  readonly coefficientsChart: string;
  readonly coefficientsChartText: (departments: number) => string;
  readonly support: string;
  readonly metric: string;
  readonly tickets: string;
  readonly open: string;
  readonly meanScore: string;
  readonly withinFirstBand: string;
  readonly breaches: string;
  readonly response: string;
  readonly resolution: string;
  readonly rating: string;
  readonly bands: string;
  readonly supportChart: string;
  readonly noSupport: string;
  readonly reviewQueue: string;
  readonly reviewEmpty: string;
  readonly kind: string;
  readonly code: string;
  readonly id: string;
  readonly subjects: string;
  readonly reason: string;
  readonly exclusions: string;
  readonly statements: string;
  readonly statementsNote: string;
  readonly statement: string;
  readonly grade: string;
  readonly coefficient: string;
  readonly employedDays: string;
  readonly line: string;
  readonly version: string;
  readonly componentsChart: (person: string) => string;
  readonly trace: string;
  readonly rule: string;
  readonly formula: string;
  readonly inputs: string;
  readonly result: string;
  readonly back: string;
  readonly lineKinds: Readonly<Record<StatementLineKind, string>>;
  readonly totalNames: Readonly<Record<string, string>>;
  readonly base: string;
  readonly proposed: string;
  readonly delta: string;
  readonly gainers: string;
  readonly losers: string;
  readonly unchanged: string;
  readonly changes: string;
  readonly histogram: string;
  readonly histogramText: (people: number, gainers: number, losers: number) => string;
  readonly from: string;
  readonly to: string;
  readonly count: string;
  readonly departmentDeltas: string;
  readonly pool: string;
  readonly recipients: string;
  readonly min: string;
  readonly median: string;
  readonly max: string;
  readonly gini: string;
  readonly lorenz: string;
  readonly lorenzText: (base: string, proposed: string) => string;
  readonly lorenzNote: string;
  readonly lorenzMissing: string;
  readonly shareOfRecipients: string;
  readonly shareOfAwards: string;
  readonly largest: (shown: number, of: number) => string;
  readonly identical: string;
}

const english: ReportLabels = {
  lang: 'en',
  report: 'Pay period report',
  whatIf: 'What-if: base against proposed',
  plan: 'Plan',
  period: 'Period',
  versions: 'Plan versions',
  summary: 'Company summary',
  totals: 'Totals',
  total: 'Total',
  amount: 'Amount',
  checks: 'Checks',
  check: 'Check',
  equation: 'Equation',
  left: 'Left',
  right: 'Right',
  holds: 'Holds',
  ok: 'ok',
  failed: 'FAILED',
  departments: 'Departments',
  department: 'Department',
  name: 'Name',
  side: 'Side',
  people: 'People',
  person: 'Person',
  own: 'Own coefficient D',
  applied: 'Applied coefficient',
  uniform: 'Uniform D·C',
  matrixMinusUniform: 'Matrix − uniform',
  coefficientsChart: 'Department coefficients: relevance matrix against the uniform coefficient',
  coefficientsChartText: (n) =>
    `Bar chart of the applied (matrix) and the uniform coefficient of ${n} departments; the figures are in the table below.`,
  support: 'Support measures',
  metric: 'Metric',
  tickets: 'Tickets',
  open: 'Open',
  meanScore: 'Mean score',
  withinFirstBand: 'Within the first band',
  breaches: 'Breaches',
  response: 'response',
  resolution: 'resolution',
  rating: 'Peripheral rating',
  bands: 'Tickets per band',
  supportChart: 'Mean response-time score per department',
  noSupport: 'The plan scores no response times.',
  reviewQueue: 'Review queue',
  reviewEmpty: 'Nothing to review.',
  kind: 'Kind',
  code: 'Code',
  id: 'Id',
  subjects: 'Subjects',
  reason: 'Reason',
  exclusions: 'Exclusions',
  statements: 'Pay statements',
  statementsNote: 'Each person’s statement opens on its own page: follow the link.',
  statement: 'Pay statement',
  grade: 'Grade',
  coefficient: 'Coefficient',
  employedDays: 'Days employed',
  line: 'Line',
  version: 'Version',
  componentsChart: (person) => `Pay components of ${person}`,
  trace: 'How it was computed',
  rule: 'Rule',
  formula: 'Formula',
  inputs: 'Inputs',
  result: 'Result',
  back: 'Back to the summary',
  lineKinds: {
    basePay: 'Base pay',
    performanceBonus: 'Performance bonus',
    commission: 'Commission',
    poolAward: 'Support award',
    interlockReward: 'Interlock reward',
    interlockDeduction: 'Interlock deduction',
    guaranteeTopUp: 'Guarantee top-up',
    drawAdvance: 'Draw advance',
    drawRecovery: 'Draw recovery',
    deduction: 'Deductions',
  },
  totalNames: {
    basePay: 'Base pay',
    performanceBonus: 'Performance bonus',
    grossCommission: 'Gross commission',
    poolContribution: 'Pool contribution',
    netCommission: 'Net commission',
    pool: 'Support pool',
    poolAwards: 'Pool awards',
    unallocated: 'Unallocated',
    deductions: 'Deductions',
    statements: 'Statements total',
  },
  base: 'Base',
  proposed: 'Proposed',
  delta: 'Change',
  gainers: 'Gainers',
  losers: 'Losers',
  unchanged: 'Unchanged',
  changes: 'Who gains and who loses',
  histogram: 'Distribution of the change in pay per person',
  histogramText: (people, gainers, losers) =>
    `Histogram of the change in statement total of ${people} people: ${gainers} gain, ${losers} lose; the counts are in the table below.`,
  from: 'From',
  to: 'To',
  count: 'People',
  departmentDeltas: 'Change per department',
  pool: 'Support pool and its spread',
  recipients: 'Recipients',
  min: 'Min',
  median: 'Median',
  max: 'Max',
  gini: 'Gini',
  lorenz: 'Lorenz curve of the pool awards',
  lorenzText: (base, proposed) =>
    `Lorenz curves of the support-pool awards: Gini ${base} (base) and ${proposed} (proposed); the points are in the table below.`,
  lorenzNote:
    'Gini = (2 Σ i·xᵢ − (n+1) Σ x) / (n Σ x) over the awards sorted ascending, computed exactly and rounded half-up to 4 decimals at the end.',
  lorenzMissing: 'The Lorenz curve needs the two results (the comparison alone lists the Gini figures).',
  shareOfRecipients: 'Share of recipients',
  shareOfAwards: 'Share of awards',
  largest: (shown, of) => `the ${shown} largest of ${of}`,
  identical: 'No differences: every statement line, coefficient and total is the same.',
};

const chinese: ReportLabels = {
  ...english,
  lang: 'zh-CN',
  report: '薪酬周期报告',
  whatIf: '方案对比:现行与拟议',
  plan: '方案',
  period: '周期',
  versions: '方案版本',
  summary: '公司汇总',
  totals: '合计',
  total: '合计',
  amount: '金额',
  checks: '校验',
  check: '校验项',
  equation: '等式',
  left: '左边',
  right: '右边',
  holds: '成立',
  ok: '成立',
  failed: '不成立',
  departments: '部门',
  department: '部门',
  name: '名称',
  side: '前中后台',
  people: '人数',
  person: '员工',
  own: '部门自身系数 D',
  applied: '适用系数',
  uniform: '统一系数 D·C',
  matrixMinusUniform: '矩阵 − 统一',
  coefficientsChart: '部门系数:差异化关联矩阵与统一系数对比',
  coefficientsChartText: (n) => `${n} 个部门的矩阵系数与统一系数条形图;数据见下表。`,
  support: '支撑效能',
  metric: '指标',
  tickets: '工单数',
  open: '未完成',
  meanScore: '平均得分',
  withinFirstBand: '首档占比',
  breaches: '超时',
  response: '响应',
  resolution: '解决',
  rating: '周边评分',
  bands: '各档工单数',
  supportChart: '各部门响应时效平均得分',
  noSupport: '本方案不考核响应时效。',
  reviewQueue: '复核队列',
  reviewEmpty: '无待复核事项。',
  kind: '类别',
  code: '代码',
  id: '编号',
  subjects: '涉及对象',
  reason: '原因',
  exclusions: '排除项',
  statements: '个人薪酬看板',
  statementsNote: '点击链接查看每位员工的薪酬看板。',
  statement: '个人薪酬看板',
  grade: '职级',
  coefficient: '系数',
  employedDays: '在职天数',
  line: '项目',
  version: '版本',
  componentsChart: (person) => `${person} 的薪酬构成`,
  trace: '计算过程',
  rule: '规则',
  formula: '公式',
  inputs: '输入',
  result: '结果',
  back: '返回汇总',
  lineKinds: {
    basePay: '基本工资',
    performanceBonus: '绩效奖金',
    commission: '提成',
    poolAward: '后端支撑奖励',
    interlockReward: '互锁奖励',
    interlockDeduction: '互锁扣减',
    guaranteeTopUp: '保底补差',
    drawAdvance: '预支提成',
    drawRecovery: '预支回收',
    deduction: '扣减',
  },
  totalNames: {
    basePay: '基本工资',
    performanceBonus: '绩效奖金',
    grossCommission: '提成(毛额)',
    poolContribution: '奖励池计提',
    netCommission: '提成(净额)',
    pool: '后端支撑奖励池',
    poolAwards: '后端支撑奖励',
    unallocated: '未分配',
    deductions: '扣减',
    statements: '薪酬合计',
  },
  base: '现行',
  proposed: '拟议',
  delta: '变化',
  gainers: '增加',
  losers: '减少',
  unchanged: '不变',
  changes: '收入增减',
  histogram: '每人薪酬变化分布',
  histogramText: (people, gainers, losers) =>
    `${people} 人薪酬合计变化的直方图:${gainers} 人增加,${losers} 人减少;人数见下表。`,
  from: '自',
  to: '至',
  count: '人数',
  departmentDeltas: '各部门变化',
  pool: '后端支撑奖励池及其分布',
  recipients: '获奖人数',
  min: '最低',
  median: '中位数',
  max: '最高',
  gini: '基尼系数',
  lorenz: '奖励分配洛伦兹曲线',
  lorenzText: (base, proposed) => `后端支撑奖励的洛伦兹曲线:基尼系数 ${base}(现行)与 ${proposed}(拟议);数据点见下表。`,
  lorenzNote: '基尼系数 = (2 Σ i·xᵢ − (n+1) Σ x) / (n Σ x),奖励按升序排列,精确计算,最后四舍五入到 4 位小数。',
  lorenzMissing: '洛伦兹曲线需要两次运行的结果(仅有对比结果时只列出基尼系数)。',
  shareOfRecipients: '获奖人数占比',
  shareOfAwards: '奖励金额占比',
  largest: (shown, of) => `${of} 人中变化最大的 ${shown} 人`,
  identical: '无差异:每一行、每个系数和每项合计都相同。',
};

/** The labels for `locale`: Chinese for `zh` tags, English otherwise. */
export function reportLabels(locale: string): ReportLabels {
  return /^zh\b/i.test(locale) ? chinese : english;
}
