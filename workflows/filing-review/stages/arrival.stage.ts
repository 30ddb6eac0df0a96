import { condition } from '@temporalio/workflow';
import { refuse } from '../../activity-proxies';
import { OFFICE } from '../../kernel/procedure-run';
import { changedSince, documentShas, requireIssuer, requireOffice, type Fr } from '../context';
import {
  ErrorCode,
  FILING_REVIEW_DEFINITION as DEF,
  FilingReviewStage as S,
  cite,
  filingLate,
  filingStageName,
  frFileUpdate,
  frFollowUpUpdate,
  frRegisterUpdate,
  frSupplementUpdate,
  registrationRefusal,
  Role,
  type Actor,
} from '@lawgate/domain';

/** E1 报送备案: the filing arrives (late or in time), and the office's task is to register it. */
export async function receiveFiling(fr: Fr, actor: Actor, role: Role): Promise<void> {
  const { p, input, s } = fr;
  s.filedAt = new Date().toISOString();
  s.late = filingLate(s.filedAt, s.filingDueAt);
  const d = input.document;
  await p.sign({
    taskId: p.openTaskId,
    decision: s.late ? 'FILING_RECEIVED_LATE' : 'FILING_RECEIVED',
    opinion:
      `${d.issuerName} ${d.documentNumber}《${d.title}》，${d.publishedOn} 发布，应于 ${s.filingDueAt ?? '—'} 前报送备案` +
      (s.late ? `；逾期报送（${cite('FRR/23')}）` : ''),
    actor,
    role,
    next: S.Registration,
  });
  await fr.enter(S.Registration);
}

/** E1–E2 and E8: a filing made by the issuer, a missing one followed up, registration and deferral (G-E1, G-E2). */
export function arrival(fr: Fr): void {
  const { p, input, s } = fr;

  p.step(frFileUpdate, {
    check: (args) => {
      requireIssuer(input, args.actor, 'file the document');
      p.requireStage(S.AwaitingFiling, 'Filing');
      if (!p.documents.DRAFT || !p.documents.FILING_REPORT) {
        refuse(
          ErrorCode.RuleViolation,
          `A filing carries the official text (DRAFT) and the filing report (FILING_REPORT): ${cite('FRR/8')}.`,
        );
      }
    },
    run: (args) => receiveFiling(fr, args.actor, Role.Drafter),
  });

  p.step(frFollowUpUpdate, {
    check: (args) => {
      requireOffice(p, args.actor, 'follow up a missing filing');
      p.requireStage(S.AwaitingFiling, 'A follow-up of a missing filing');
      p.requireTask(args.taskId);
      p.requireText(args.note, 'A follow-up says what the issuer was told and by when it must file.');
      const done = s.followUps.map((f) => f.action);
      if (args.action === 'ORDER' && !done.includes('NOTICE')) {
        refuse(ErrorCode.RuleViolation, `An order to correct follows a notice with a deadline (${cite('FRR/23')}).`);
      }
    },
    run: async (args) => {
      s.followUps.push({ action: args.action, note: args.note.trim(), at: new Date().toISOString() });
      await p.sign({
        taskId: args.taskId,
        decision: `FILING_FOLLOW_UP_${args.action}`,
        opinion: `${args.note.trim()}（${cite('FRR/23')}）`,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
      });
      // The next follow-up is due in its turn until the filing arrives.
      await p.openStageTask('FR_FOLLOW_UP', DEF.tasks.FR_FOLLOW_UP.title, OFFICE, fr.policy().followUpPeriod);
    },
  });

  p.step(frRegisterUpdate, {
    check: (args) => {
      requireOffice(p, args.actor, 'register a filing');
      p.requireStage(S.Registration, 'Registration');
      p.requireTask(args.taskId);
      const wrong = registrationRefusal(args);
      if (wrong) refuse(ErrorCode.RuleViolation, `${wrong} (${cite('FRR/9')})`);
    },
    run: async (args) => {
      const missing = (args.missing ?? []).map((m) => m.trim()).filter(Boolean);
      s.registrations.push({
        decision: args.decision,
        ground: args.ground ?? null,
        reasons: args.reasons.trim(),
        missing,
        at: new Date().toISOString(),
      });
      const sign = (decision: string, opinion: string, next: S) =>
        p.sign({ taskId: args.taskId, decision, opinion, actor: args.actor, role: Role.LegalAffairsOfficer, next });
      if (args.decision === 'REGISTER') {
        await sign('FILING_REGISTERED', args.reasons.trim() || '予以登记', S.Review);
        await fr.enter(S.Review);
      } else if (args.decision === 'REFUSE') {
        await sign(
          `FILING_NOT_REGISTERED_${args.ground}`,
          `${args.reasons.trim()}（${cite('FRR/9')}）`,
          S.NotRegistered,
        );
      } else {
        s.askedOn = documentShas(p);
        await sign('FILING_DEFERRED', `暂缓登记，请补充：${missing.join('；')}（${cite('FRR/9')}）`, S.Supplement);
        await fr.enter(S.Supplement);
      }
    },
  });

  p.step(frSupplementUpdate, {
    check: (args) => {
      requireIssuer(input, args.actor, 'supplement the filing');
      p.requireStage(S.Supplement, 'A supplement');
      if (changedSince(p, s.askedOn).length === 0) {
        const missing = s.registrations.at(-1)?.missing.join('；') ?? '';
        refuse(
          ErrorCode.RuleViolation,
          `Upload the missing materials first: ${missing} (${filingStageName(S.Supplement)}).`,
        );
      }
    },
    run: async (args) => {
      await p.sign({
        taskId: p.openTaskId,
        decision: 'FILING_SUPPLEMENTED',
        opinion: `补充：${changedSince(p, s.askedOn).join('、')}。${args.note}`,
        actor: args.actor,
        role: Role.Drafter,
        next: S.Registration,
      });
      await fr.enter(S.Registration);
    },
  });
}

/** E8: a filing not made by its due date opens the office's follow-up task (notice → 通报 → order to correct). */
export async function awaitFiling(fr: Fr): Promise<void> {
  const { p, s } = fr;
  if (!s.filingDueAt || p.openTaskId) return;
  const wait = Date.parse(s.filingDueAt) - Date.now();
  if (wait > 0 && (await condition(() => p.stage !== S.AwaitingFiling, wait))) return;
  if (p.stage !== S.AwaitingFiling || p.openTaskId) return;
  await p.openStageTask('FR_FOLLOW_UP', DEF.tasks.FR_FOLLOW_UP.title, OFFICE, fr.policy().followUpPeriod);
}
