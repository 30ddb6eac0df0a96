/** Names of stages, statuses and decisions, and the plain-language explanation of the API's refusals. */
import { ApiError } from './api';
import { stageNameOf, PROCEDURE_DEFINITIONS, procedureDefinition } from '@lawgate/domain';
import type { Lang } from './i18n';
import { workingDayCountdown, type CalendarSnapshot } from './working-days';

/**
 * Stage names from the procedure definitions (each procedure type's stages and terminal stages); a code two types
 * share is named as the first type names it unless the type is given.
 */
const STAGES: Record<string, [string, string]> = Object.fromEntries(
  [...PROCEDURE_DEFINITIONS]
    .reverse()
    .flatMap((d) => [...d.stages, ...d.terminal].map((s) => [s.stage, [s.name.zh, s.name.en] as [string, string]])),
);
/** Names of tasks shown where a stage is (an adviser's opinion is asked within drafting). */
const TASK_STAGES: Record<string, [string, string]> = { ADVISER_OPINION: ['法律顾问意见', 'Adviser opinion'] };

export function stageName(stage: string, lang: Lang = 'zh', type?: string): string {
  const own = type ? procedureDefinition(type) : undefined;
  const name = own ? stageNameOf(own, stage) : undefined;
  if (name) return lang === 'zh' ? name.zh : name.en;
  const s = STAGES[stage] ?? TASK_STAGES[stage];
  return s ? s[lang === 'zh' ? 0 : 1] : stage;
}

export const STAGE_OPTIONS = [...Object.keys(STAGES), ...Object.keys(TASK_STAGES)];

/** Procedure types with their names, for filters and charts. */
export const PROCEDURE_TYPE_OPTIONS = PROCEDURE_DEFINITIONS.map((d) => ({ type: d.type, name: d.name }));

export const procedureTypeName = (type: string, lang: Lang = 'zh') => {
  const name = procedureDefinition(type)?.name;
  return name ? (lang === 'zh' ? name.zh : name.en) : type;
};

const STATUS: Record<string, [string, string]> = {
  ACTIVE: ['进行中', 'Active'],
  COMPLETED: ['已完成', 'Completed'],
  IN_FORCE: ['施行中', 'In force'],
  ENDED: ['已结束', 'Ended'],
  REJECTED: ['不予立项', 'Rejected'],
  WITHDRAWN: ['已撤回', 'Withdrawn'],
  OPEN: ['待办', 'Open'],
  DONE: ['已办', 'Done'],
  CLOSED: ['已关闭', 'Closed'],
  EXPIRED: ['已失效', 'Expired'],
  REPEALED: ['已废止', 'Repealed'],
  REGISTERED: ['已登记', 'Registered'],
  VOIDED: ['已作废', 'Voided'],
};

const pick = (names: Record<string, [string, string]>, key: string, lang: Lang) =>
  names[key]?.[lang === 'en' ? 1 : 0] ?? key;

export const statusName = (s: string, lang: Lang = 'zh') => pick(STATUS, s, lang);

const CONCLUSIONS: Record<string, [string, string]> = {
  LAWFUL: ['合法', 'Lawful'],
  UNLAWFUL: ['不合法', 'Unlawful'],
  MUST_AMEND: ['应当予以修改', 'Must be amended'],
  ADOPTED: ['采纳', 'Adopted'],
  PARTLY_ADOPTED: ['部分采纳', 'Partly adopted'],
  NOT_ADOPTED: ['不予采纳', 'Not adopted'],
  APPROVED: ['同意', 'Approved'],
  // Major decisions: the exploratory-reform opinion, execution reports and members' positions.
  NO_CLEAR_RULE: ['无明确规定（探索性改革）', 'No clear rule (exploratory reform)'],
  PROGRESS: ['进展', 'Progress'],
  PROBLEM: ['问题', 'Problem'],
  FOR: ['赞成', 'For'],
  AGAINST: ['反对', 'Against'],
  ABSTAIN: ['弃权', 'Abstain'],
};

export const conclusionName = (c: string, lang: Lang = 'zh') => pick(CONCLUSIONS, c, lang);

const DOCUMENT_KINDS: Record<string, [string, string]> = {
  DRAFT: ['草案', 'Draft'],
  DRAFTING_EXPLANATION: ['起草说明', 'Drafting explanation'],
  BASIS_LIST: ['制定依据', 'Basis list'],
  FAIR_COMPETITION_REVIEW: ['公平竞争审查结论', 'Fair-competition review'],
  OWN_LEGALITY_OPINION: ['本单位合法性审核意见', 'Own legality opinion'],
  MEETING_RECORD: ['会议纪要', 'Meeting record'],
  EVIDENCE: ['证据材料', 'Evidence'],
  HEARING_RECORD: ['听证笔录', 'Hearing record'],
  FILING_REPORT: ['备案报告', 'Filing report'],
  HANDLING_REPORT: ['处理情况报告', 'Handling report'],
};

export const DOCUMENT_KIND_NAMES: Record<string, string> = Object.fromEntries(
  Object.entries(DOCUMENT_KINDS).map(([k, [zh]]) => [k, zh]),
);

export const documentKindName = (k: string, lang: Lang = 'zh') => pick(DOCUMENT_KINDS, k, lang);

/**
 * A refusal in words a person understands. The API's message is English and technical; the code and the message's
 * facts (such as the current version) give the explanation, and the original stays available beside it.
 */
export function explain(err: unknown, lang: Lang = 'zh'): string {
  const en = lang === 'en';
  if (!(err instanceof ApiError)) {
    if (err instanceof Error) return en ? `The action failed: ${err.message}` : `操作失败：${err.message}`;
    return en ? 'The action failed; please try again later.' : '操作失败，请稍后重试。';
  }
  const { code, message } = err.body;
  switch (code) {
    case 'STALE_VERSION': {
      const version = /version (\d+)/.exec(message)?.[1];
      if (en) {
        return version
          ? `The draft has been updated to version ${version}; read the latest version and sign again.`
          : 'The draft has been updated; read the latest version and sign again.';
      }
      return version
        ? `草案已更新为第${version}稿，请阅读最新版本后重新签署。`
        : '草案已更新，请阅读最新版本后重新签署。';
    }
    case 'WRONG_STAGE': {
      const stage = /stage ([A-Z_]+)/.exec(message)?.[1];
      if (en) {
        return stage
          ? `The procedure has moved on to "${stageName(stage, 'en')}"; this action is not possible in that stage. Reload the page to see where it stands.`
          : 'The procedure has moved on to another stage; this action is not possible there. Reload the page to see where it stands.';
      }
      return stage
        ? `程序已进入“${stageName(stage)}”阶段，此操作在当前阶段不能进行。请刷新页面查看最新进度。`
        : '程序已进入其他阶段，此操作在当前阶段不能进行。请刷新页面查看最新进度。';
    }
    case 'TASK_CLOSED':
      return en
        ? 'This task has been completed or handled by someone else; reload the inbox.'
        : '该任务已经办结或已被他人处理，请刷新待办列表。';
    case 'VALIDATION_FAILED':
      return en
        ? `Something is missing or not in the right form: ${message}`
        : `填写的内容不完整或格式不对：${message}`;
    case 'RULE_VIOLATION':
      return en ? `The rules of the procedure do not allow this: ${message}` : `程序规则不允许此操作：${message}`;
    case 'FORBIDDEN':
      return en ? 'Your role or unit may not do this.' : '您的角色或单位无权进行此操作。';
    case 'NOT_FOUND':
      return en ? 'Not found, or you may not see it.' : '未找到该内容，或您无权查看。';
    case 'UNAUTHENTICATED':
      return en
        ? 'Wrong username or password, or your session has expired; please sign in again.'
        : '用户名或密码不正确，或登录已过期，请重新登录。';
    case 'DUPLICATE_PROCEDURE':
      return en
        ? 'Your department already has a procedure with this project code; choose another code.'
        : '本单位已有相同项目编号的程序，请更换项目编号。';
    case 'COMMENT_WINDOW_NOT_OPEN':
      return en
        ? 'The comment period has not started or has ended; comments cannot be submitted now.'
        : '征求意见期未开始或已结束，暂不能提交意见。';
    case 'TOO_MANY_REQUESTS':
      return en ? 'Too many submissions; please try again a little later.' : '提交过于频繁，请稍后再试。';
    case 'SERVICE_UNAVAILABLE':
      return en ? 'The system is unavailable for the moment; please try again later.' : '系统暂时不可用，请稍后再试。';
    case 'PROCEDURE_BUSY':
      return en
        ? 'Someone else is acting on this procedure at this moment; please try again in a moment.'
        : '他人正在办理该程序的其他事项，请稍后再试。';
    case 'PAYLOAD_TOO_LARGE':
      return en ? 'The file or the form is too large to be accepted.' : '文件或填写内容过大，无法接收。';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return en ? 'This kind of file is not accepted here.' : '此处不接收该类型的文件。';
    case 'CONFLICT':
      return en
        ? `This conflicts with what was recorded in the meantime: ${message}`
        : `与他人刚刚记录的内容冲突：${message}`;
    case 'BAD_REQUEST':
    case 'METHOD_NOT_ALLOWED':
    case 'NOT_ACCEPTABLE':
    case 'INTERNAL_ERROR':
    default:
      return en ? `The action failed: ${message}` : `操作失败：${message}`;
  }
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** Countdown to a due time in working days (see `workingDayCountdown`); in calendar days without a calendar. */
export function countdown(
  dueAt: string | null,
  now = Date.now(),
  calendar: CalendarSnapshot | null = null,
  lang: Lang = 'zh',
): { text: string; overdue: boolean } {
  return workingDayCountdown(dueAt, calendar, lang, now);
}

/** Decree 713 Art 3 §1 (in scope) and §2 (excluded) kinds; an excluded kind is refused at the start, with the article. */
const MATTER_KINDS: Record<string, [string, string]> = {
  PUBLIC_POLICY: [
    '制定有关公共服务、市场监管、社会管理、环境保护等方面的重大公共政策和措施',
    'Major public policy or measure',
  ],
  DEVELOPMENT_PLAN: ['制定经济和社会发展等方面的重要规划', 'Important development plan'],
  NATURAL_CULTURAL_RESOURCES: [
    '开发利用、保护重要自然资源和文化资源的重大公共政策和措施',
    'Natural and cultural resources',
  ],
  PUBLIC_CONSTRUCTION: ['在本行政区域实施的重大公共建设项目', 'Major public construction project'],
  MAJOR_PUBLIC_INTEREST: [
    '对经济社会发展有重大影响、涉及重大公共利益或者社会公众切身利益的其他重大事项',
    'Other matter of major public interest',
  ],
  MACRO_CONTROL: ['财政政策、货币政策等宏观调控决策（不适用本程序）', 'Macro-economic control (excluded)'],
  LEGISLATION: ['政府立法决策（不适用本程序）', 'Government legislation (excluded)'],
  EMERGENCY_RESPONSE: ['突发事件应急处置决策（不适用本程序）', 'Emergency response (excluded)'],
  SPECIAL_PROCEDURE: ['法律、行政法规另有规定的事项（不适用本程序）', 'Own statutory procedure (excluded)'],
};

/** Every kind, the five of Art 3 §1 first. */
export const MATTER_KIND_KEYS = Object.keys(MATTER_KINDS);
/** The five kinds a decision catalog lists (Art 3 §1). */
export const IN_SCOPE_MATTER_KINDS = MATTER_KIND_KEYS.slice(0, 5);
export const matterKindName = (kind: string, lang: Lang = 'zh') => pick(MATTER_KINDS, kind, lang);
