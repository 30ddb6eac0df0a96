import { refuse } from '../../activity-proxies';
import type { Md } from '../context';
import { undertakerStep } from '../stage-table';
import { keepRecord } from '../records';
import {
  isSha256,
  ErrorCode,
  type Period,
  MajorDecisionStage as Stage,
  mdCompletePublicParticipationUpdate,
  mdRecordConsultationUpdate,
  mdRecordHearingUpdate,
  mdSubmitDraftOptionsUpdate,
  Role,
} from '@lawgate/domain';

/** A period's length in milliseconds where the workflow can count it itself; working days count as calendar days. */
export function roughMs(period: Period): number {
  return period.amount * (period.unit === 'SECONDS' ? 1000 : 24 * 3600 * 1000);
}

/** A3 拟订决策草案: one or more options, with the inventory of relevant laws and policies (Art 12). */
export function draftOptions(md: Md): void {
  const { p, s, A } = md;
  undertakerStep(md, mdSubmitDraftOptionsUpdate, 'submit the draft', {
    check: (args) => {
      p.requireStage(Stage.Drafting, 'Submitting the draft options');
      if (!p.documents.DRAFT) refuse(ErrorCode.RuleViolation, `Upload the draft (DRAFT) first (${A('D713/12')}).`);
      if (!Array.isArray(args.options) || args.options.length === 0) {
        refuse(ErrorCode.RuleViolation, `A draft needs at least one option (${A('D713/12')}).`);
      }
      for (const o of args.options) {
        p.requireText(o.label, 'Every option needs a label.');
        if (!isSha256(o.sha256)) refuse(ErrorCode.ValidationFailed, `Option ${o.label}: sha256 must be 64 hex digits.`);
      }
      p.requireText(
        args.lawInventory,
        `The draft needs the inventory of relevant laws and policies (${A('D713/12')}).`,
      );
    },
    run: async (args) => {
      s.r.options = args.options.map((o) => ({ label: o.label, sha256: o.sha256 }));
      const options = args.options.map((o) => `${o.label}（${o.sha256}）`).join('；');
      await p.sign({
        taskId: p.openTaskId,
        decision: 'DRAFTED',
        opinion:
          `方案：${options}\n法律法规规章政策清单：${args.lawInventory}` +
          (args.costBenefit ? `\n成本效益分析：${args.costBenefit}` : ''),
        actor: args.actor,
        role: Role.Drafter,
      });
      await md.advance();
    },
  });
}

/** A4 协商: inter-agency consultation; without consensus, a dispute memo for the decision organ (Art 13). */
export function consultation(md: Md): void {
  const { p, s, A } = md;
  undertakerStep(md, mdRecordConsultationUpdate, 'record the consultation', {
    check: (args) => {
      p.requireStage(Stage.Consultation, 'The inter-agency consultation');
      if (!Array.isArray(args.consulted) || args.consulted.length === 0) {
        // Art 13 applies where other departments' or lower governments' duties are involved: none is a decision,
        // stated with its reason.
        p.requireText(
          args.noDepartmentInvolvedReason,
          `Name the departments consulted, or state why the matter involves no other department's duties ` +
            `(${A('D713/13')}).`,
        );
      }
      if (!args.consensus) {
        p.requireText(
          args.disputeMemo,
          `Without consensus the decision organ needs a dispute memo: the issues, each side's view, the undertaker's ` +
            `view with reasons and basis (${A('D713/13')}).`,
        );
      }
    },
    run: async (args) => {
      if (args.consulted.length === 0) {
        await p.recordDiscretion({
          rule: 'INTER_AGENCY_CONSULTATION',
          basis: A('D713/13'),
          decision: '决策事项不涉及其他部门、下一级人民政府等单位的职责，未开展部门协商',
          reason: args.noDepartmentInvolvedReason!,
          actor: args.actor,
          role: Role.Drafter,
        });
      }
      s.r.consultation = {
        consulted: [...args.consulted],
        consensus: args.consensus,
        disputeMemo: args.disputeMemo?.trim() || null,
      };
      const outcome = args.consensus ? '；意见一致' : `\n争议说明：${args.disputeMemo}`;
      await p.sign({
        taskId: p.openTaskId,
        decision: args.consensus ? 'CONSULTED_CONSENSUS' : 'CONSULTED_DISPUTE_MEMO',
        opinion:
          args.consulted.length === 0
            ? `不涉及其他单位职责，未开展部门协商：${args.noDepartmentInvolvedReason!.trim()}`
            : `征求意见单位：${args.consulted.join('、')}${outcome}`,
        actor: args.actor,
        role: Role.Drafter,
      });
      await md.advance();
    },
  });
}

/** A5 公众参与 (G-A4, G-A5): hearings, and the end of public participation once every opinion is answered. */
export function publicParticipation(md: Md): void {
  const { p, s, A } = md;
  undertakerStep(md, mdRecordHearingUpdate, 'record a hearing', {
    check: (args) => {
      p.requireStage(Stage.PublicParticipation, 'A hearing');
      const delivered = Date.parse(args.materialsDeliveredAt);
      const listed = Date.parse(args.participantListPublishedAt);
      const held = Date.parse(args.heldAt);
      if ([delivered, listed, held].some(Number.isNaN)) {
        refuse(ErrorCode.ValidationFailed, 'Hearing times must be ISO dates.');
      }
      const notice = md.policy.hearingNotice;
      if (held - delivered < roughMs(notice)) {
        refuse(
          ErrorCode.RuleViolation,
          `Hearing materials must reach participants at least ${notice.amount} ${notice.unit} before the hearing ` +
            `(G-A5, ${A('D713/16')}).`,
        );
      }
      if (listed > held) {
        refuse(
          ErrorCode.RuleViolation,
          `The participant list is published before the hearing (G-A5, ${A('D713/16')}).`,
        );
      }
      if (!Array.isArray(args.participants) || args.participants.length === 0) {
        refuse(ErrorCode.RuleViolation, `A hearing needs its participant list (${A('D713/16')}).`);
      }
      if (!isSha256(args.signedRecordSha256)) {
        refuse(
          ErrorCode.RuleViolation,
          `The hearing record must be signed by the participants: give the SHA-256 of the signed record (G-A5, ${A('D713/17')}).`,
        );
      }
    },
    run: async (args) => {
      s.r.hearing = {
        materialsDeliveredAt: args.materialsDeliveredAt,
        participantListPublishedAt: args.participantListPublishedAt,
        heldAt: args.heldAt,
        participants: [...args.participants],
        signedRecordSha256: args.signedRecordSha256,
      };
      const entry = await p.sign({
        taskId: null,
        decision: 'HEARING_HELD',
        opinion: `听证会 ${args.heldAt}；材料送达 ${args.materialsDeliveredAt}；参加人 ${args.participants.join('、')}；听证笔录经参加人签字`,
        actor: args.actor,
        role: Role.Drafter,
        sha256: args.signedRecordSha256,
      });
      await keepRecord(md, 'HEARING', { ...s.r.hearing }, entry);
    },
  });
  undertakerStep(md, mdCompletePublicParticipationUpdate, 'complete public participation', {
    check: (args) => {
      p.requireStage(Stage.PublicParticipation, 'Completing public participation');
      const without = args.withoutOpenConsultation;
      if (!md.comments.window && without) {
        p.requireText(
          without.reason,
          `Without an open consultation, state why: a matter that may not be disclosed, or the other ways opinions ` +
            `were heard (${A('D713/14')}).`,
        );
        if (!without.exempt && (without.methods ?? []).every((m) => !m?.trim())) {
          refuse(
            ErrorCode.RuleViolation,
            `Opinions are heard in a way the public can take part in: name the ways used instead of an open ` +
              `consultation (${A('D713/14.2')}).`,
          );
        }
        return;
      }
      if (!md.comments.window) {
        refuse(
          ErrorCode.RuleViolation,
          `Public participation needs an open consultation (${A('D713/15')}) or a recorded decision to hear ` +
            `opinions in other ways or not to disclose the matter, with its reason (${A('D713/14')}).`,
        );
      }
      md.comments.requireAnswered();
    },
    run: async (args) => {
      const without = args.withoutOpenConsultation;
      if (!md.comments.window && without) {
        const methods = (without.methods ?? []).map((m) => m.trim()).filter((m) => m);
        s.r.withoutOpenConsultation = true;
        await p.recordDiscretion({
          rule: 'OPEN_CONSULTATION',
          basis: A(without.exempt ? 'D713/14.1' : 'D713/14.2'),
          decision: without.exempt
            ? '依法不予公开的决策事项，不向社会公开征求意见'
            : `未向社会公开征求意见，采取${methods.join('、')}等方式听取意见`,
          reason: without.reason,
          actor: args.actor,
          role: Role.Drafter,
        });
        await p.sign({
          taskId: p.openTaskId,
          decision: without.exempt ? 'PUBLIC_PARTICIPATION_EXEMPT' : 'PUBLIC_OPINIONS_HEARD_OTHERWISE',
          opinion: without.exempt
            ? `依法不予公开的决策事项：${without.reason.trim()}`
            : `听取意见方式：${methods.join('、')}；未公开征求意见的理由：${without.reason.trim()}`,
          actor: args.actor,
          role: Role.Drafter,
        });
        await md.advance();
        return;
      }
      const w = md.comments.window!;
      const hearing = s.r.hearing ? '；已举行听证' : '';
      await p.sign({
        taskId: p.openTaskId,
        decision: 'PUBLIC_OPINIONS_ANSWERED',
        opinion: `公开征求意见 ${w.opensAt}—${w.closesAt}，收到意见 ${w.commentIds.length} 条，已逐条答复${hearing}`,
        actor: args.actor,
        role: Role.Drafter,
      });
      await md.advance();
    },
  });
}
