import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ProcedureActivities, type RouteTaskInput } from '../../activities/procedure.activities';
import { Role } from '@lawgate/domain';
import {
  CalendarRepository,
  ProcedureEntity,
  RoutingRulesVersionEntity,
  LedgerRepository,
  AdviserRepository,
  AuditRepository,
  DocumentRepository,
  NotificationRepository,
  OrgRepository,
  ProcedureRepository,
  TaskRepository,
  seedDemoOrganisation,
} from '@lawgate/persistence';
import { withScratchDatabase } from '../support/scratch-db';

function activitiesOn(ds: DataSource): ProcedureActivities {
  return new ProcedureActivities(
    ds,
    new ProcedureRepository(ds),
    new TaskRepository(ds),
    new LedgerRepository(ds),
    new AuditRepository(ds),
    new OrgRepository(ds),
    new CalendarRepository(ds),
    new AdviserRepository(ds),
    new DocumentRepository(ds),
    new NotificationRepository(ds),
  );
}

async function ids(ds: DataSource) {
  const users = await ds.query<{ username: string; id: string; org_unit_id: string }[]>(
    'SELECT username, id, org_unit_id FROM app_user',
  );
  const units = await ds.query<{ code: string; id: string }[]>('SELECT code, id FROM org_unit');
  return {
    user: (u: string) => users.find((r) => r.username === u)!,
    unit: (c: string) => units.find((r) => r.code === c)!.id,
  };
}

/** A procedure of a department, and a review task for it. */
async function reviewOf(
  ds: DataSource,
  department: string,
  overrides: Partial<RouteTaskInput> = {},
): Promise<RouteTaskInput> {
  const { user, unit } = await ids(ds);
  const procedureId = randomUUID();
  const drafter = user(department === 'JT-EDU' ? 'drafter.edu' : 'drafter.mkt');
  await ds.getRepository(ProcedureEntity).insert({
    id: procedureId,
    workflowId: `normative-document:${department}:${procedureId}`,
    type: 'NORMATIVE_DOCUMENT',
    projectCode: procedureId,
    title: 't',
    departmentId: unit(department),
    initiatorId: drafter.id,
    stage: 'LEGALITY_REVIEW',
    status: 'ACTIVE',
    policyVersion: 'test',
    details: {},
  });
  return {
    procedureId,
    workflowId: `normative-document:${department}:${procedureId}`,
    stage: 'LEGALITY_REVIEW',
    round: 1,
    kind: 'ADVISER_OPINION',
    title: '合法性审核：法律顾问意见',
    legalBasis: { regulation: '国办发〔2018〕115号', article: '（八）', verified: true },
    period: { amount: 3600, unit: 'SECONDS' },
    departmentId: unit(department),
    drafterIds: [drafter.id],
    expertise: [],
    ...overrides,
  };
}

describe('routing review tasks to legal advisers', () => {
  it('should route by expertise and assignment, balance load, and be idempotent per step', async () => {
    await withScratchDatabase(async (ds) => {
      await seedDemoOrganisation(ds);
      const activities = activitiesOn(ds);
      const { user } = await ids(ds);

      const edu = await reviewOf(ds, 'JT-EDU', { expertise: ['教育'] });
      const first = await activities.routeTask(edu);
      expect(first).toMatchObject({ assigneeUserId: user('adviser.li').id, escalated: false });
      expect(first.routingNote).toMatch(
        /Routed to 李律师（法律顾问） \(rules v0\): expertise 1\/1 \(教育\); assigned to the drafting department/,
      );
      expect(await activities.routeTask(edu)).toEqual(first);

      // Without expertise asked, the least-loaded adviser takes the next tasks: li already holds one.
      const second = await activities.routeTask(await reviewOf(ds, 'JT-MKT'));
      expect(second.assigneeUserId).toBe(user('adviser.chen').id); // assigned to JT-MKT, no open task
      const third = await activities.routeTask(await reviewOf(ds, 'JT-MKT'));
      expect(third.assigneeUserId).toBe(user('adviser.chen').id); // still preferred as the department's adviser
      const fourth = await activities.routeTask(await reviewOf(ds, 'JT-EDU'));
      expect(fourth.assigneeUserId).toBe(user('adviser.li').id);
      const [{ n }] = await ds.query<{ n: string }[]>(
        "SELECT count(*) AS n FROM audit_entry WHERE action = 'task.routed'",
      );
      expect(Number(n)).toBe(4);
    });
  });

  it('should never route to the drafter or an adviser with a declared conflict', async () => {
    await withScratchDatabase(async (ds) => {
      await seedDemoOrganisation(ds);
      const activities = activitiesOn(ds);
      const { user } = await ids(ds);
      const advisers = new AdviserRepository(ds);
      // adviser.li drafted this one (advisers help draft too): recused.
      const drafted = await reviewOf(ds, 'JT-EDU', { expertise: ['教育'], drafterIds: [user('adviser.li').id] });
      const routed = await activities.routeTask(drafted);
      expect(routed.assigneeUserId).not.toBe(user('adviser.li').id);
      // adviser.chen declares a conflict with the market regulation bureau.
      await advisers.declareConflict(ds.manager, {
        userId: user('adviser.chen').id,
        procedureId: null,
        departmentId: user('drafter.mkt').org_unit_id,
        reason: '近亲属在该局任职',
      });
      const mkt = await activities.routeTask(await reviewOf(ds, 'JT-MKT', { expertise: ['市场监管'] }));
      expect(mkt.assigneeUserId).not.toBe(user('adviser.chen').id);
      const [audit] = await ds.query<{ details: { excluded: Record<string, string> } }[]>(
        "SELECT details FROM audit_entry WHERE action = 'task.routed' ORDER BY id DESC LIMIT 1",
      );
      expect(audit.details.excluded[user('adviser.chen').id]).toBe(
        'declared a conflict of interest with the department',
      );
    });
  });

  it('should escalate to the legal-affairs office with the reason when no adviser is eligible', async () => {
    await withScratchDatabase(async (ds) => {
      await seedDemoOrganisation(ds);
      const activities = activitiesOn(ds);
      await ds.getRepository(RoutingRulesVersionEntity).save({
        rules: { assignedAdvisersOnly: true, requireExpertiseMatch: true },
        actorId: null,
        reason: 'test: only assigned advisers with matching expertise',
      });
      const task = await activities.routeTask(await reviewOf(ds, 'JT-EDU', { expertise: ['税收'] }));
      const [office] = await ds.query<{ id: string }[]>("SELECT id FROM org_unit WHERE code = 'JT-LAO'");
      expect(task).toMatchObject({ escalated: true, assigneeUserId: null, assigneeUnitId: office.id });
      expect(task.routingNote).toMatch(
        /^Escalated to the legal-affairs office \(rules v1\): No legal adviser is eligible: /,
      );
      expect(task.routingNote).toContain('李律师（法律顾问） (no matching expertise)');
      expect(task.routingNote).toContain('陈教授（法律顾问） (not assigned to the department)');
      const inbox = await new TaskRepository(ds).listInbox(randomUUID(), office.id, 10);
      expect(inbox.map((t) => t.id)).toContain(task.taskId);
      const roles = await ds.query<{ roles: string[] }[]>(
        "SELECT roles FROM app_user WHERE username = 'officer.zhang'",
      );
      expect(roles[0].roles).toContain(Role.LegalAffairsOfficer);
    });
  });
});
