import { refuse } from '../../activity-proxies';
import type { Md } from '../context';
import { gateStep } from '../../steps/gate.step';
import { keepRecord } from '../records';
import { publishedNow, requirePublicationReference } from '../../steps/publication.step';
import {
  ErrorCode,
  cite,
  ART_32_CHANNELS,
  MajorDecisionStage as Stage,
  mdArchiveUpdate,
  mdRecordPartyReportUpdate,
  mdRecordPublicationUpdate,
  PUBLICATION_CHANNELS,
  Role,
} from '@lawgate/domain';

/** A11 向同级党委请示报告 (G-A13). */
export function partyReport(md: Md): void {
  const { p, s, advance } = md;
  p.step(mdRecordPartyReportUpdate, {
    check: (args) => {
      p.requireRole(
        args.actor,
        [Role.Leader],
        'a leader of the decision organ',
        'record the report to the Party committee',
      );
      p.requireStage(Stage.PartyReport, 'The report to the Party committee');
      p.requireTask(args.taskId);
      p.requireText(args.reportedTo, 'Name the Party committee reported to.');
      p.requireText(args.reference, 'Give the report reference.');
    },
    run: async (args) => {
      s.r.partyReport = { reportedTo: args.reportedTo, reference: args.reference, at: new Date().toISOString() };
      const entry = await p.sign({
        taskId: args.taskId,
        decision: 'REPORTED_TO_PARTY_COMMITTEE',
        opinion: `报告：${args.reportedTo}（${args.reference}）`,
        actor: args.actor,
        role: Role.Leader,
      });
      await keepRecord(md, 'PARTY_REPORT', { ...s.r.partyReport }, entry);
      await advance();
    },
  });
}

/** A12 决策公布 (G-A13, G-A14): after the Party report, the decided text, with the use of opinions explained. */
export function publication(md: Md): void {
  const { p, s, cls, A } = md;
  gateStep(p, md.legality, {
    update: mdRecordPublicationUpdate,
    stage: Stage.Publication,
    what: 'Publication',
    who: { roles: [Role.Leader, Role.LegalAffairsOfficer], name: 'the decision organ' },
    doing: 'publish the decision',
    before: () => {
      if (md.registerFirst && p.stage === Stage.Registration) {
        refuse(
          ErrorCode.RuleViolation,
          'A decision that is also a normative document is published with its number: register and number it first ' +
            `(统一登记、统一编号, ${cite('GB37/registration')}).`,
        );
      }
      if (p.stage === Stage.PartyReport) {
        refuse(
          ErrorCode.RuleViolation,
          `Publication is blocked until the report to the same-level Party committee is recorded (G-A13, ${A('D713/31')}).`,
        );
      }
    },
    check: (args) => {
      const known = PUBLICATION_CHANNELS as readonly string[];
      if ((args.channels ?? []).length === 0 || args.channels.some((c: string) => !known.includes(c))) {
        refuse(
          ErrorCode.RuleViolation,
          `Name the publication channels (${known.join(', ')}) (G-A14, ${A('D713/32')}).`,
        );
      }
      // Art 32 names the gazette, the government website and local newspapers: each is used, or its reason given.
      for (const channel of ART_32_CHANNELS) {
        if (args.channels.includes(channel)) continue;
        const why = args.channelsNotUsed?.find((c) => c.channel === channel)?.reason;
        if (!why?.trim()) {
          refuse(
            ErrorCode.RuleViolation,
            `Publication through ${channel} is missing: use it or give the reason it is not used (G-A14, ${A('D713/32')}).`,
          );
        }
      }
      requirePublicationReference(p, args.reference);
      if (cls.wideConcern) {
        p.requireText(
          args.opinionsExplanation,
          `A matter of wide concern is published with an explanation of how public and expert opinions were used ` +
            `(G-A14, ${A('D713/32')}).`,
        );
      }
    },
    run: async (args) => {
      const explanation = args.opinionsExplanation?.trim() || null;
      s.r.publication = {
        channels: [...args.channels],
        reference: args.reference,
        opinionsExplanation: explanation,
        publishedAt: publishedNow(),
        ...(args.channelsNotUsed?.length
          ? { channelsNotUsed: args.channelsNotUsed.map((c) => ({ channel: c.channel, reason: c.reason.trim() })) }
          : {}),
        ...(md.registerFirst ? { documentNumber: md.registration.record?.number ?? null } : {}),
      };
      const numbered = md.registerFirst && md.registration.record ? `文号：${md.registration.record.number}\n` : '';
      const entry = await p.sign({
        taskId: args.taskId,
        decision: 'PUBLISHED',
        opinion:
          numbered +
          `公布渠道：${args.channels.join('、')}（${args.reference}）` +
          (args.channelsNotUsed ?? []).map((c) => `\n未通过 ${c.channel} 公布的理由：${c.reason.trim()}`).join('') +
          (args.opinionsExplanation ? `\n公众和专家意见采纳情况说明：${args.opinionsExplanation}` : ''),
        actor: args.actor,
        role: args.actor.roles.includes(Role.Leader) ? Role.Leader : Role.LegalAffairsOfficer,
      });
      await keepRecord(md, 'PUBLICATION', { ...s.r.publication }, entry);
      await md.advance();
    },
  });
}

/** A13 决策档案 (G-A15): every step's records filed before the case goes on. */
export function archive(md: Md): void {
  const { p, s } = md;
  p.step(mdArchiveUpdate, {
    check: (args) => {
      p.requireRole(
        args.actor,
        [Role.LegalAffairsOfficer],
        'an officer of the legal-affairs office',
        'archive the records',
      );
      p.requireStage(Stage.Archive, 'Archiving');
      p.requireTask(args.taskId);
    },
    run: async (args) => {
      s.r.archived = true;
      await p.sign({
        taskId: args.taskId,
        decision: 'ARCHIVED',
        opinion: `${args.note}\n各环节记录和材料已归档（${p.steps.length} 项签署）`,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
      });
      await md.advance();
    },
  });
}
