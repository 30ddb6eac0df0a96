import { acts, refuse } from '../../activity-proxies';
import type { Md } from '../context';
import { undertakerStep } from '../stage-table';
import { keepRecord } from '../records';
import { passes } from '../stage-table';
import { requireMeetingRecord, meetingHeading } from '../../steps/deliberation.step';
import { gateStep } from '../../steps/gate.step';
import {
  ErrorCode,
  MajorDecisionStage as Stage,
  mdRecordMeetingUpdate,
  mdSubmitMeetingPackageUpdate,
  type MeetingMinutes,
  type MemberPositionRecord,
  type RecordMeetingArgs,
  Role,
} from '@lawgate/domain';

/** A9 提交审议材料 (G-A8 hard gate, G-A11): only on the reviewed text, with every material Art 29 names. */
export function meetingPackage(md: Md): void {
  const { p, s, cls, legality, A } = md;
  undertakerStep(md, mdSubmitMeetingPackageUpdate, 'submit the meeting package', {
    check: (args) => {
      legality.requireReviewedText('The meeting package');
      const last = legality.last();
      if (p.stage === Stage.LegalityReview || (!(last && passes(last.conclusion)) && !p.ended)) {
        refuse(
          ErrorCode.RuleViolation,
          `No meeting without a legality-review opinion that is not unlawful (G-A8, ${A('D713/25', 'D713/29')}); ` +
            (last ? `the latest opinion is ${last.conclusion}.` : 'no opinion has been given.'),
        );
      }
      p.requireStage(Stage.MeetingPackage, 'The meeting package');
      const missing: string[] = [];
      if (!p.documents.DRAFT) missing.push('决策草案');
      // Art 29 (二): the public's opinions are in the package where public participation took place; a matter decided
      // without an open consultation (a recorded decision, Art 14) needs none.
      if (!md.comments.window?.closed && !s.r.withoutOpenConsultation) missing.push('公众意见及采纳情况');
      if (cls.professional && !s.r.expertAdoption) missing.push('专家论证意见采纳情况');
      if (cls.riskFlagged && !s.r.risk?.controllable) missing.push('风险评估报告');
      if (cls.touchesMarket && !args.fairCompetitionReview?.trim()) missing.push('公平竞争审查结论');
      if (missing.length > 0) {
        refuse(ErrorCode.RuleViolation, `The meeting package lacks: ${missing.join('、')} (G-A11, ${A('D713/29')}).`);
      }
      p.requireText(args.note, 'The package needs a covering note.');
    },
    run: async (args) => {
      await p.sign({
        taskId: p.openTaskId,
        decision: 'MEETING_PACKAGE_COMPLETE',
        opinion:
          `${args.note}\n审议材料：决策草案；` +
          (md.comments.window?.closed ? '公众意见及采纳情况；' : `未公开征求意见（${A('D713/29.2')}，已记录理由）；`) +
          `${cls.professional ? `专家论证意见采纳情况（${s.r.expertAdoption}）；` : ''}` +
          `${cls.riskFlagged ? '风险评估报告；' : ''}合法性审查意见` +
          `${args.fairCompetitionReview ? `；公平竞争审查：${args.fairCompetitionReview}` : ''}`,
        actor: args.actor,
        role: Role.Drafter,
      });
      await md.advance();
    },
  });
}

/** G-A12: each member's position, the head last; a head deciding against the majority states the reason. */
function checkPositions(md: Md, args: RecordMeetingArgs): void {
  const { p, A } = md;
  const positions: MemberPositionRecord[] = args.positions ?? [];
  if (positions.length === 0) {
    refuse(ErrorCode.RuleViolation, `The minutes record each member's position (${A('D713/30')}).`);
  }
  if (new Set(positions.map((x) => x.memberId)).size !== positions.length) {
    refuse(ErrorCode.RuleViolation, 'Each member has one position in the minutes.');
  }
  for (const x of positions) {
    p.requireText(x.name, 'Each position names its member.');
    if (!['FOR', 'AGAINST', 'ABSTAIN'].includes(x.position)) {
      refuse(ErrorCode.ValidationFailed, `Position of ${x.name} must be FOR, AGAINST or ABSTAIN.`);
    }
    if (x.position === 'AGAINST') {
      p.requireText(x.statement, `Dissent is recorded verbatim: ${x.name}'s statement is missing (G-A12).`);
    }
  }
  if (positions[positions.length - 1].memberId !== args.headId) {
    refuse(
      ErrorCode.RuleViolation,
      `The head of government speaks last: the last position must be the head's (G-A12, ${A('D713/30')}).`,
    );
  }
  const others = positions.slice(0, -1);
  const forCount = others.filter((x) => x.position === 'FOR').length;
  const against = others.filter((x) => x.position === 'AGAINST').length;
  const majority = forCount > against ? 'ADOPTED' : against > forCount ? 'NOT_ADOPTED' : null;
  if (majority && majority !== args.decision) {
    p.requireText(
      args.headReason,
      `The head decided ${args.decision} against the majority (${forCount} for, ${against} against): the reason ` +
        `must be stated in the minutes (G-A12, ${A('D713/30')}).`,
    );
  }
}

/** The quorum the policy sets: more than this share of the meeting's members present (default more than half). */
function quorumOf(md: Md, total: number): { share: number; needed: number } {
  const share = md.policy.meetingQuorum?.moreThanShare ?? 0.5;
  return { share, needed: Math.floor(total * share) + 1 };
}

/**
 * The members present (出席人员) and the quorum: every member whose position is recorded was present, and a meeting
 * with no more than the policy's share of its members present (the district government's work rules, unverified)
 * cannot decide.
 */
function checkAttendance(md: Md, args: RecordMeetingArgs): void {
  const { p, A } = md;
  const total = args.membersTotal;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 1) {
    refuse(
      ErrorCode.RuleViolation,
      `The minutes state how many members the meeting has (membersTotal), for its quorum (${A('WORK_RULES/quorum')}).`,
    );
  }
  const attendees = args.attendees ?? [];
  if (attendees.length === 0) {
    refuse(ErrorCode.RuleViolation, `The minutes record the members present (attendees) (${A('D713/30')}).`);
  }
  const present = new Set(attendees.map((a) => a.memberId));
  if (present.size !== attendees.length) refuse(ErrorCode.RuleViolation, 'Each member present is listed once.');
  for (const a of attendees) p.requireText(a.name, 'Each member present is named.');
  if (attendees.length > total) {
    refuse(ErrorCode.RuleViolation, `${attendees.length} members present, but the meeting has only ${total}.`);
  }
  const absent = args.positions.filter((x) => !present.has(x.memberId));
  if (absent.length > 0) {
    refuse(
      ErrorCode.RuleViolation,
      `Positions are recorded only for members present: ${absent.map((x) => x.name).join('、')} ` +
        `is not among them (${A('D713/30')}).`,
    );
  }
  const { share, needed } = quorumOf(md, total);
  if (attendees.length < needed) {
    refuse(
      ErrorCode.RuleViolation,
      `${attendees.length} of ${total} members present: below the quorum (more than ${Math.round(share * 100)}%, ` +
        `at least ${needed}) the meeting cannot adopt or reject the decision (${A('WORK_RULES/quorum')}).`,
    );
  }
}

/** A10 集体讨论决定 (G-A12, G-A17): an executive or plenary meeting decides on the reviewed text; minutes immutable. */
export function collectiveDiscussion(md: Md): void {
  const { p, s, A } = md;
  gateStep(p, md.legality, {
    update: mdRecordMeetingUpdate,
    stage: Stage.CollectiveDiscussion,
    what: 'The collective discussion',
    who: { roles: [Role.Leader], name: 'a leader of the decision organ' },
    doing: 'record the meeting',
    before: () => {
      if (s.r.minutes) {
        refuse(
          ErrorCode.WrongStage,
          `The minutes were signed on ${s.r.minutes.signedAt} and are immutable (G-A12, ${A('D713/30')}).`,
        );
      }
    },
    check: (args) => {
      if (args.meetingType !== 'EXECUTIVE' && args.meetingType !== 'PLENARY') {
        refuse(
          ErrorCode.RuleViolation,
          `A major decision is taken at an executive or plenary meeting, not by circulation (G-A12, ${A('D713/30')}).`,
        );
      }
      requireMeetingRecord(
        p,
        args.meeting,
        args.meetingDate,
        ErrorCode.ValidationFailed,
        'meetingDate must be an ISO date.',
      );
      checkPositions(md, args);
      if (md.confirmsFlags) checkAttendance(md, args);
    },
    run: async (args) => {
      const others = args.positions.slice(0, -1);
      const minimum = md.legality.minimumEndsAt;
      if (minimum && Date.parse(args.meetingDate) < Date.parse(minimum)) {
        s.warnings.push(
          `G-A10: the meeting (${args.meetingDate}) came before the reviewer's minimum period ended ` +
            `(${minimum}) (${A('D713/26.2')} "一般").`,
        );
      }
      const kind = args.meetingType === 'EXECUTIVE' ? '常务会议' : '全体会议';
      const attendance = md.confirmsFlags
        ? {
            attendees: (args.attendees ?? []).map((a) => ({ memberId: a.memberId, name: a.name })),
            membersTotal: args.membersTotal!,
            quorum: `应到${args.membersTotal}人，实到${args.attendees!.length}人，法定人数${
              quorumOf(md, args.membersTotal!).needed
            }人（${A('WORK_RULES/quorum')}）`,
          }
        : null;
      const minutesText =
        `${meetingHeading(args.meeting, args.meetingDate, kind)}\n` +
        (attendance ? `出席：${attendance.attendees.map((a) => a.name).join('、')}；${attendance.quorum}\n` : '') +
        args.positions.map((x) => `${x.name}：${x.position}——${x.statement}`).join('\n') +
        `\n决定：${args.decision}${args.headReason ? `\n行政首长未采纳多数意见的理由：${args.headReason}` : ''}` +
        `\n（其他成员 ${others.length} 人）`;
      const entry = await p.sign({
        taskId: args.taskId,
        decision: args.decision === 'ADOPTED' ? 'DECIDED_ADOPTED' : 'DECIDED_NOT_ADOPTED',
        opinion: minutesText,
        actor: args.actor,
        role: Role.Leader,
      });
      s.r.minutes = {
        meetingType: args.meetingType as MeetingMinutes['meetingType'],
        meeting: args.meeting,
        meetingDate: args.meetingDate,
        positions: args.positions.map((x) => ({ ...x })),
        headId: args.headId,
        decision: args.decision,
        headReason: args.headReason?.trim() || null,
        ...(attendance ?? {}),
        signedBy: args.actor.displayName,
        signedAt: new Date().toISOString(),
        ledgerHash: entry.hash,
      };
      await keepRecord(md, 'MEETING_MINUTES', { ...s.r.minutes }, entry);
      if (args.decision === 'ADOPTED') return md.advance();
      p.moveTo(Stage.NotAdopted, 'ENDED');
      await acts.endProcedure({
        procedureId: md.input.procedureId,
        workflowId: p.workflowId,
        stage: Stage.NotAdopted,
        status: 'ENDED',
        actor: args.actor,
        action: 'procedure.not-adopted',
        reason: 'The meeting did not adopt the decision.',
        idempotencyKey: `${p.workflowId}:not-adopted:${p.round}`,
      });
    },
  });
}
