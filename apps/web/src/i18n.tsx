/** Chinese first, English second: the labels of the interface in both, and the switch between them. */
import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

const zh = {
  appName: 'LawGate 法治政府程序平台',
  inbox: '待办',
  drafting: '起草单位',
  console: '法制机构控制台',
  register: '公开登记',
  login: '登录',
  logout: '退出',
  username: '用户名',
  password: '密码',
  language: 'English',
  dueIn: '剩余',
  overdue: '已逾期',
  claim: '认领',
  release: '退回',
  open: '打开',
  stage: '阶段',
  procedureType: '程序类型',
  dueWithin: '工作日内到期',
  onlyOverdue: '仅看逾期',
  saveView: '保存视图',
  savedViews: '已保存视图',
  timeline: '程序进度',
  ledger: '签署记录',
  documents: '文件与版本',
  tasks: '任务',
  waitingFor: '下一步',
  signOpinion: '签署审核意见',
  sign: '签署',
  conclusion: '结论',
  reasons: '理由',
  newProcedure: '启动规范性文件程序',
  myProcedures: '本单位程序',
  comments: '公众意见',
  answer: '答复',
  reassign: '改派',
  verifyLedger: '校验签署链',
  temporalUi: '在 Temporal 中查看',
  calendar: '工作日历',
  routing: '分派规则',
  charts: '统计',
  search: '搜索',
  openWindows: '正在征求意见',
  feeds: '订阅',
  submitComment: '提交意见',
  receipt: '回执编号',
};

const en: typeof zh = {
  appName: 'LawGate',
  inbox: 'Inbox',
  drafting: 'Drafting department',
  console: 'Legal-affairs console',
  register: 'Public register',
  login: 'Sign in',
  logout: 'Sign out',
  username: 'Username',
  password: 'Password',
  language: '中文',
  dueIn: 'Due in',
  overdue: 'Overdue',
  claim: 'Claim',
  release: 'Release',
  open: 'Open',
  stage: 'Stage',
  procedureType: 'Procedure type',
  dueWithin: 'Due within working days',
  onlyOverdue: 'Overdue only',
  saveView: 'Save view',
  savedViews: 'Saved views',
  timeline: 'Timeline',
  ledger: 'Sign-off ledger',
  documents: 'Documents and versions',
  tasks: 'Tasks',
  waitingFor: 'Next',
  signOpinion: 'Sign the legality opinion',
  sign: 'Sign',
  conclusion: 'Conclusion',
  reasons: 'Reasons',
  newProcedure: 'Start a normative document',
  myProcedures: "My department's procedures",
  comments: 'Public comments',
  answer: 'Answer',
  reassign: 'Reassign',
  verifyLedger: 'Verify the ledger',
  temporalUi: 'Open in Temporal',
  calendar: 'Working-day calendar',
  routing: 'Routing rules',
  charts: 'Charts',
  search: 'Search',
  openWindows: 'Open for comment',
  feeds: 'Feeds',
  submitComment: 'Submit comment',
  receipt: 'Receipt number',
};

export type Labels = typeof zh;
export const LABELS: Record<Lang, Labels> = { zh, en };

export const LangContext = createContext<{ lang: Lang; t: Labels; setLang: (l: Lang) => void }>({
  lang: 'zh',
  t: zh,
  setLang: () => undefined,
});

export const useLang = () => useContext(LangContext);

/**
 * For a page's own wording: `tr('逾期工作', 'Overdue work')` gives the text in the chosen language. The shared
 * labels above are for words many pages use; a page's sentences stay beside the page that shows them.
 */
export function useTr(): (zh: string, en: string) => string {
  const { lang } = useLang();
  return (zhText, enText) => (lang === 'en' ? enText : zhText);
}
