/** Legal names (zh-CN) and English labels of every income item and deduction the breakdowns show. */
export interface Label {
  'zh-CN': string;
  en: string;
}

export const LABELS = {
  wages: { 'zh-CN': '工资、薪金所得', en: 'Wages and salaries' },
  otherIncome: { 'zh-CN': '劳务报酬、稿酬、特许权使用费所得', en: 'Remuneration for services, author’s remuneration, royalties' },
  businessIncome: { 'zh-CN': '经营所得', en: 'Business income' },
  basicDeduction: { 'zh-CN': '基本减除费用', en: 'Basic deduction' },
  specialDeductions: { 'zh-CN': '专项扣除', en: 'Special deductions (social insurance, housing fund)' },
  specialAdditionalDeductions: { 'zh-CN': '专项附加扣除', en: 'Special additional deductions' },
  otherDeductions: { 'zh-CN': '依法确定的其他扣除', en: 'Other deductions allowed by law' },
  infantCare: { 'zh-CN': '3岁以下婴幼儿照护', en: 'Care of infants under 3' },
  childrenEducation: { 'zh-CN': '子女教育', en: 'Children’s education' },
  elderlySupport: { 'zh-CN': '赡养老人', en: 'Support of elderly parents' },
  continuingEducation: { 'zh-CN': '继续教育', en: 'Continuing education' },
  housingLoanInterest: { 'zh-CN': '住房贷款利息', en: 'Housing loan interest' },
  housingRent: { 'zh-CN': '住房租金', en: 'Housing rent' },
  seriousIllness: { 'zh-CN': '大病医疗', en: 'Serious illness medical expenses' },
  salaryIncome: { 'zh-CN': '薪资所得', en: 'Salary income' },
  twOtherIncome: { 'zh-CN': '其他所得（含营利、执行业务所得）', en: 'Other income (incl. business and professional income)' },
  exemption: { 'zh-CN': '免税额', en: 'Exemptions' },
  standardDeduction: { 'zh-CN': '标准扣除额', en: 'Standard deduction' },
  salarySpecialDeduction: { 'zh-CN': '薪资所得特别扣除额', en: 'Special deduction for salary income' },
  basicLivingExpense: { 'zh-CN': '基本生活费差额', en: 'Basic living expense difference' },
} as const satisfies Record<string, Label>;
