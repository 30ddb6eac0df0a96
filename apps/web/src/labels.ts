/** Names of stages, statuses and decisions, and the plain-language explanation of the API's refusals. */
import { ApiError } from './api';
import type { Lang } from './i18n';

const STAGES: Record<string, [string, string]> = {
  PROJECT_APPROVAL: ['立项审批', 'Project approval'],
  DRAFTING: ['起草', 'Drafting'],
  FAIR_COMPETITION_REVIEW: ['公平竞争审查', 'Fair-competition review'],
  PUBLIC_COMMENT: ['公开征求意见', 'Public comment'],
  OWN_LEGALITY_CHECK: ['本单位合法性审核', 'Own legality check'],
  MATERIALS_CHECK: ['材料齐全性审查', 'Materials check'],
  LEGALITY_REVIEW: ['合法性审核', 'Legality review'],
  REVISION: ['修改', 'Revision'],
  DELIBERATION: ['集体审议', 'Deliberation'],
  REGISTRATION: ['统一登记编号', 'Registration'],
  PUBLICATION: ['统一发布', 'Publication'],
  IN_FORCE: ['施行中', 'In force'],
  EXPIRED: ['已失效', 'Expired'],
  REPEALED: ['已废止', 'Repealed'],
  NOT_ADOPTED: ['未通过', 'Not adopted'],
  REJECTED: ['不予立项', 'Rejected'],
  WITHDRAWN: ['已撤回', 'Withdrawn'],
  ADVISER_OPINION: ['法律顾问意见', 'Adviser opinion'],
  // Major administrative decisions (State Council Decree 713).
  SCOPE_CLASSIFICATION: ['决策事项范围认定', 'Scope classification'],
  LAUNCH: ['决策启动', 'Launch'],
  CONSULTATION: ['部门协商', 'Inter-agency consultation'],
  PUBLIC_PARTICIPATION: ['公众参与', 'Public participation'],
  EXPERT_ARGUMENTATION: ['专家论证', 'Expert argumentation'],
  RISK_ASSESSMENT: ['风险评估', 'Risk assessment'],
  MEETING_PACKAGE: ['提交审议材料', 'Meeting package'],
  COLLECTIVE_DISCUSSION: ['集体讨论决定', 'Collective discussion'],
  PARTY_REPORT: ['向党委请示报告', 'Report to the Party committee'],
  ARCHIVE: ['决策归档', 'Archive'],
  EXECUTION: ['决策执行与评估', 'Execution and evaluation'],
  SUSPENDED: ['中止执行', 'Suspended'],
  OUT_OF_SCOPE: ['不属于重大行政决策', 'Out of scope'],
  NOT_LAUNCHED: ['不予启动', 'Not launched'],
  CLOSED: ['已结束', 'Closed'],
};

export function stageName(stage: string, lang: Lang = 'zh'): string {
  const s = STAGES[stage];
  return s ? s[lang === 'zh' ? 0 : 1] : stage;
}

export const STAGE_OPTIONS = Object.keys(STAGES);

const STATUS: Record<string, string> = {
  ACTIVE: '进行中',
  COMPLETED: '已完成',
  IN_FORCE: '施行中',
  ENDED: '已结束',
  REJECTED: '不予立项',
  WITHDRAWN: '已撤回',
  OPEN: '待办',
  DONE: '已办',
  CLOSED: '已关闭',
  EXPIRED: '已失效',
  REPEALED: '已废止',
  REGISTERED: '已登记',
  VOIDED: '已作废',
};

export const statusName = (s: string) => STATUS[s] ?? s;

const CONCLUSIONS: Record<string, string> = {
  LAWFUL: '合法',
  UNLAWFUL: '不合法',
  MUST_AMEND: '应当予以修改',
  ADOPTED: '采纳',
  PARTLY_ADOPTED: '部分采纳',
  NOT_ADOPTED: '不予采纳',
  APPROVED: '同意',
};

export const conclusionName = (c: string) => CONCLUSIONS[c] ?? c;

export const DOCUMENT_KIND_NAMES: Record<string, string> = {
  DRAFT: '草案',
  DRAFTING_EXPLANATION: '起草说明',
  BASIS_LIST: '制定依据',
  FAIR_COMPETITION_REVIEW: '公平竞争审查结论',
  OWN_LEGALITY_OPINION: '本单位合法性审核意见',
  MEETING_RECORD: '会议纪要',
};

/**
 * A refusal in words a person understands. The API's message is English and technical; the code and the message's
 * facts (such as the current version) give the Chinese explanation, and the original stays available beside it.
 */
export function explain(err: unknown): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? `操作失败：${err.message}` : '操作失败，请稍后重试。';
  const { code, message } = err.body;
  switch (code) {
    case 'STALE_VERSION': {
      const version = /version (\d+)/.exec(message)?.[1];
      return version
        ? `草案已更新为第${version}稿，请阅读最新版本后重新签署。`
        : '草案已更新，请阅读最新版本后重新签署。';
    }
    case 'WRONG_STAGE': {
      const stage = /stage ([A-Z_]+)/.exec(message)?.[1];
      return stage
        ? `程序已进入“${stageName(stage)}”阶段，此操作在当前阶段不能进行。请刷新页面查看最新进度。`
        : '程序已进入其他阶段，此操作在当前阶段不能进行。请刷新页面查看最新进度。';
    }
    case 'TASK_CLOSED':
      return '该任务已经办结或已被他人处理，请刷新待办列表。';
    case 'VALIDATION_FAILED':
      return `填写的内容不完整或格式不对：${message}`;
    case 'RULE_VIOLATION':
      return `程序规则不允许此操作：${message}`;
    case 'FORBIDDEN':
      return '您的角色或单位无权进行此操作。';
    case 'NOT_FOUND':
      return '未找到该内容，或您无权查看。';
    case 'UNAUTHENTICATED':
      return '用户名或密码不正确，或登录已过期，请重新登录。';
    case 'DUPLICATE_PROCEDURE':
      return '本单位已有相同项目编号的程序，请更换项目编号。';
    case 'COMMENT_WINDOW_NOT_OPEN':
      return '征求意见期未开始或已结束，暂不能提交意见。';
    case 'TOO_MANY_REQUESTS':
      return '提交过于频繁，请稍后再试。';
    case 'SERVICE_UNAVAILABLE':
      return '系统暂时不可用，请稍后再试。';
    default:
      return `操作失败：${message}`;
  }
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** Countdown to a due time, in days and hours (working days are what the deadline was counted in). */
export function countdown(dueAt: string | null, now = Date.now()): { text: string; overdue: boolean } {
  if (!dueAt) return { text: '无期限', overdue: false };
  const ms = Date.parse(dueAt) - now;
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const span = days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时${minutes}分` : `${minutes}分钟`;
  return ms < 0 ? { text: `已逾期 ${span}`, overdue: true } : { text: `剩余 ${span}`, overdue: false };
}
