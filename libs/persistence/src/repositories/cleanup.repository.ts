import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import type { CleanupCampaignStatus, CleanupDecision } from '@lawgate/domain';
import { CleanupCampaignEntity, CleanupReviewEntity, RegisterEntryEntity } from '../entities';

export interface NewCleanupReview {
  registerEntryId: string;
  procedureId: string;
  number: string;
  title: string;
  workflowId: string;
}

/** The review task of one document, opened with its page. */
export interface NewCleanupReviewTask {
  procedureId: string;
  /** The review workflow's id: the task's key is (workflow, stage, round 1, kind). */
  workflowId: string;
  title: string;
}

/** What the review tasks of a page share: where they go, why, and when they are due. */
export interface CleanupReviewTaskTerms {
  stage: string;
  kind: string;
  legalBasis: string;
  assigneeUnitId: string;
  dueAt: Date | null;
  dueCalendarVersion: number | null;
  dueProblem: string | null;
}

export interface CleanupCounts {
  reviews: number;
  decided: number;
  kept: number;
  amended: number;
  repealed: number;
}

/** Clean-up campaigns and their reviews (read models written by `CleanupActivities`, read by the API). */
@Injectable()
export class CleanupRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates the campaign row once (a retried activity finds it), counting the documents in force at that moment.
   * Returns the row as stored.
   */
  async openCampaign(
    manager: EntityManager,
    row: { id: string; title: string; startedBy: string; startedAt: Date },
  ): Promise<CleanupCampaignEntity> {
    await manager.query(
      `INSERT INTO cleanup_campaign (id, title, started_by, started_at, status, total_in_force, reviews_started)
       SELECT $1, $2, $3, $4, 'RUNNING', count(*)::int, 0 FROM register_entry WHERE status = 'IN_FORCE'
       ON CONFLICT (id) DO NOTHING`,
      [row.id, row.title, row.startedBy, row.startedAt],
    );
    return manager.getRepository(CleanupCampaignEntity).findOneByOrFail({ id: row.id });
  }

  /** Inserts review rows, skipping those the campaign has already (retried pages). One statement per page. */
  async insertReviews(campaignId: string, rows: NewCleanupReview[]): Promise<void> {
    if (rows.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO cleanup_review (campaign_id, register_entry_id, procedure_id, number, title, workflow_id)
       SELECT $1, r.entry, r.proc, r.number, r.title, r.wf
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS r(entry, proc, number, title, wf)
       ON CONFLICT (campaign_id, register_entry_id) DO NOTHING`,
      [
        campaignId,
        rows.map((r) => r.registerEntryId),
        rows.map((r) => r.procedureId),
        rows.map((r) => r.number),
        rows.map((r) => r.title),
        rows.map((r) => r.workflowId),
      ],
    );
  }

  /**
   * Opens the review tasks of one page in one statement, skipping those already open (the task's unique key is
   * workflow, stage, round and kind, as for `TaskRepository.openIfAbsent`), and returns every task id by workflow id,
   * the new and the existing alike. A task inserted by a concurrent run of the same page after this statement's
   * snapshot is neither inserted nor seen, so it is missing from the map: the caller retries.
   */
  async openReviewTasks(terms: CleanupReviewTaskTerms, rows: NewCleanupReviewTask[]): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const found = await this.dataSource.query<{ workflow_id: string; id: string }[]>(
      `WITH page AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) AS p(procedure_id, workflow_id, title)
       ), opened AS (
         INSERT INTO task (procedure_id, workflow_id, stage, round, kind, title, legal_basis, assignee_unit_id,
                           due_at, due_calendar_version, due_problem)
         SELECT p.procedure_id, p.workflow_id, $4, 1, $5, p.title, $6, $7, $8, $9, $10 FROM page p
         ON CONFLICT (workflow_id, stage, round, kind) DO NOTHING
         RETURNING workflow_id, id
       )
       SELECT workflow_id, id FROM opened
       UNION ALL
       SELECT t.workflow_id, t.id FROM task t JOIN page p ON p.workflow_id = t.workflow_id
       WHERE t.stage = $4 AND t.round = 1 AND t.kind = $5`,
      [
        rows.map((r) => r.procedureId),
        rows.map((r) => r.workflowId),
        rows.map((r) => r.title),
        terms.stage,
        terms.kind,
        terms.legalBasis,
        terms.assigneeUnitId,
        terms.dueAt,
        terms.dueCalendarVersion,
        terms.dueProblem,
      ],
    );
    return new Map(found.map((r) => [r.workflow_id, r.id]));
  }

  /** Counts the campaign's started reviews (its review rows) into its row; `all` moves it to STARTED_ALL. */
  async recordStarted(campaignId: string, all: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE cleanup_campaign
       SET reviews_started = (SELECT count(*) FROM cleanup_review WHERE campaign_id = $1),
           status = CASE WHEN $2 AND status = 'RUNNING' THEN 'STARTED_ALL' ELSE status END
       WHERE id = $1`,
      [campaignId, all],
    );
  }

  /** Moves the campaign's progress; `finished_at` is stamped when it becomes DONE. */
  async setProgress(campaignId: string, reviewsStarted: number, status: CleanupCampaignStatus): Promise<void> {
    await this.dataSource.query(
      `UPDATE cleanup_campaign
       SET reviews_started = $2, status = $3,
           finished_at = CASE WHEN $3 = 'DONE' THEN coalesce(finished_at, now()) ELSE finished_at END
       WHERE id = $1`,
      [campaignId, reviewsStarted, status],
    );
  }

  /**
   * Records a review's decision once: a retry, or a second decision that slipped past the workflow, leaves the
   * first in place. Returns whether this call recorded it.
   */
  async decide(
    manager: EntityManager,
    input: {
      campaignId: string;
      registerEntryId: string;
      taskId: string | null;
      decision: CleanupDecision;
      reason: string;
      decidedBy: string;
      decidedAt: Date;
    },
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(CleanupReviewEntity)
      .set({
        taskId: input.taskId,
        decision: input.decision,
        reason: input.reason,
        decidedBy: input.decidedBy,
        decidedAt: input.decidedAt,
      })
      .where('campaign_id = :campaignId AND register_entry_id = :registerEntryId AND decision IS NULL', input)
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async counts(campaignId: string): Promise<CleanupCounts> {
    const [row] = await this.dataSource.query<Record<keyof CleanupCounts, number>[]>(
      `SELECT count(*)::int AS reviews,
              count(decision)::int AS decided,
              count(*) FILTER (WHERE decision = 'KEEP')::int AS kept,
              count(*) FILTER (WHERE decision = 'AMEND')::int AS amended,
              count(*) FILTER (WHERE decision = 'REPEAL')::int AS repealed
       FROM cleanup_review WHERE campaign_id = $1`,
      [campaignId],
    );
    return row;
  }

  findCampaign(id: string): Promise<CleanupCampaignEntity | null> {
    return this.dataSource.getRepository(CleanupCampaignEntity).findOneBy({ id });
  }

  listCampaigns(limit = 100): Promise<CleanupCampaignEntity[]> {
    return this.dataSource.getRepository(CleanupCampaignEntity).find({ order: { startedAt: 'DESC' }, take: limit });
  }

  /** The decided reviews of a campaign in number order. */
  decided(campaignId: string): Promise<CleanupReviewEntity[]> {
    return this.dataSource
      .getRepository(CleanupReviewEntity)
      .createQueryBuilder('r')
      .where('r.campaign_id = :campaignId AND r.decision IS NOT NULL', { campaignId })
      .orderBy('r.number', 'ASC')
      .getMany();
  }

  /** Every register entry whose validity ran out (the expired list; 失效). */
  expired(): Promise<RegisterEntryEntity[]> {
    return this.dataSource
      .getRepository(RegisterEntryEntity)
      .createQueryBuilder('e')
      .where("e.status = 'EXPIRED'")
      .orderBy('e.expired_at', 'ASC')
      .addOrderBy('e.number', 'ASC')
      .getMany();
  }

  /** The campaign's decided review of a procedure's document, if any. */
  findDecidedReview(campaignId: string, procedureId: string): Promise<CleanupReviewEntity | null> {
    return this.dataSource.getRepository(CleanupReviewEntity).findOne({
      where: { campaignId, procedureId, decision: Not(IsNull()) },
    });
  }

  findReviewByWorkflowId(workflowId: string): Promise<CleanupReviewEntity | null> {
    return this.dataSource.getRepository(CleanupReviewEntity).findOneBy({ workflowId });
  }
}
