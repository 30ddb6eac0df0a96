import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { cstDateOf, DomainError, ErrorCode } from '@lawgate/domain';
import { CommentWindowEntity, CommentWindowExtensionEntity, PublicCommentEntity } from '../entities';

export interface NewCommentWindow {
  procedureId: string;
  workflowId: string;
  title: string;
  draftVersionId: string;
  draftSha256: string;
  opensAt: Date;
  minimumClosesAt: Date;
  closesAt: Date;
  shortenedReason: string | null;
  calendarVersion: number | null;
  idempotencyKey: string;
}

export interface NewPublicComment {
  windowId: string;
  body: string;
  name: string | null;
  contact: string | null;
  clientFingerprint: string;
}

export interface CommentCounts {
  total: number;
  answered: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
}

/** An open window as the public lists it, with how many comments it has. */
export interface OpenWindowRow {
  window: CommentWindowEntity;
  comments: number;
}

/**
 * Public comment windows, their extensions and the comments. Submissions and closing meet on the window row: a
 * submission holds it FOR SHARE (many at once), closing takes it FOR UPDATE, so no comment is stored after the close
 * and the list the close returns is complete.
 */
@Injectable()
export class CommentRepository {
  constructor(private readonly dataSource: DataSource) {}

  findWindowByKey(manager: EntityManager, idempotencyKey: string): Promise<CommentWindowEntity | null> {
    return manager.getRepository(CommentWindowEntity).findOne({ where: { idempotencyKey } });
  }

  /** Inserts the window once per key (a concurrent retry finds the first one) and returns it. */
  async openWindow(manager: EntityManager, w: NewCommentWindow): Promise<CommentWindowEntity> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CommentWindowEntity)
      .values({ ...w, status: 'OPEN', closedAt: null })
      .orIgnore()
      .execute();
    return manager.getRepository(CommentWindowEntity).findOneOrFail({ where: { idempotencyKey: w.idempotencyKey } });
  }

  /** The window, locked for the rest of the transaction (FOR UPDATE to change it, FOR SHARE to add to it). */
  lockWindow(
    manager: EntityManager,
    windowId: string,
    mode: 'pessimistic_write' | 'pessimistic_read',
  ): Promise<CommentWindowEntity | null> {
    return manager
      .getRepository(CommentWindowEntity)
      .createQueryBuilder('w')
      .setLock(mode)
      .where('w.id = :windowId', { windowId })
      .getOne();
  }

  findWindow(windowId: string): Promise<CommentWindowEntity | null> {
    return this.dataSource
      .getRepository(CommentWindowEntity)
      .findOne({ where: { id: windowId }, relations: { draftVersion: true } });
  }

  findExtension(manager: EntityManager, idempotencyKey: string): Promise<CommentWindowExtensionEntity | null> {
    return manager.getRepository(CommentWindowExtensionEntity).findOne({ where: { idempotencyKey } });
  }

  /** Records an extension and moves the window's closing time, in the caller's transaction (window locked). */
  async extend(
    manager: EntityManager,
    window: CommentWindowEntity,
    e: { newClosesAt: Date; reason: string; actorId: string; idempotencyKey: string; at: Date },
  ): Promise<CommentWindowExtensionEntity> {
    const extension = await manager.getRepository(CommentWindowExtensionEntity).save({
      windowId: window.id,
      oldClosesAt: window.closesAt,
      newClosesAt: e.newClosesAt,
      reason: e.reason,
      actorId: e.actorId,
      extendedAt: e.at,
      idempotencyKey: e.idempotencyKey,
    });
    await manager.getRepository(CommentWindowEntity).update({ id: window.id }, { closesAt: e.newClosesAt });
    return extension;
  }

  extensions(windowId: string): Promise<CommentWindowExtensionEntity[]> {
    return this.dataSource
      .getRepository(CommentWindowExtensionEntity)
      .find({ where: { windowId }, order: { extendedAt: 'ASC' } });
  }

  /**
   * Stores a comment if the window accepts it at this moment, with the next receipt number of the day. Refusals are
   * `DomainError`s (unknown window, not yet open, closed) and store nothing.
   */
  async submit(c: NewPublicComment, now = new Date()): Promise<PublicCommentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const window = await this.lockWindow(manager, c.windowId, 'pessimistic_read');
      if (!window) throw new DomainError(ErrorCode.NotFound, `There is no comment window ${c.windowId}.`);
      if (window.status !== 'OPEN' || now.getTime() >= window.closesAt.getTime()) {
        throw new DomainError(
          ErrorCode.CommentWindowNotOpen,
          `The consultation on 「${window.title}」 closed at ${window.closesAt.toISOString()}; comments are no longer accepted.`,
          { windowId: window.id, closesAt: window.closesAt.toISOString() },
        );
      }
      if (now.getTime() < window.opensAt.getTime()) {
        throw new DomainError(
          ErrorCode.CommentWindowNotOpen,
          `The consultation on 「${window.title}」 opens at ${window.opensAt.toISOString()}; comments are not accepted yet.`,
          { windowId: window.id, opensAt: window.opensAt.toISOString() },
        );
      }
      return this.insertWithReceipt(manager, c, now);
    });
  }

  /**
   * `ZQ-<date>-<n>`: n counts up per day (China Standard Time). The day's counter and the comment are written by one
   * statement, last in the transaction: the counter row's lock (which keeps concurrent submissions' numbers distinct)
   * is held for that statement and the commit only. A rolled-back submission leaves a gap.
   */
  private async insertWithReceipt(
    manager: EntityManager,
    c: NewPublicComment,
    now: Date,
  ): Promise<PublicCommentEntity> {
    const day = cstDateOf(now);
    const [row] = await manager.query<{ id: string; receipt_no: string }[]>(
      `WITH n AS (
         INSERT INTO comment_receipt_sequence (day, last_no) VALUES ($1, 1)
         ON CONFLICT (day) DO UPDATE SET last_no = comment_receipt_sequence.last_no + 1
         RETURNING last_no)
       INSERT INTO public_comment (window_id, receipt_no, body, name, contact, submitted_at, client_fingerprint)
       SELECT $2, 'ZQ-' || $3 || '-' || lpad(n.last_no::text, greatest(4, length(n.last_no::text)), '0'),
              $4, $5, $6, $7, $8
         FROM n
       RETURNING id, receipt_no`,
      [day, c.windowId, day.replace(/-/g, ''), c.body, c.name, c.contact, now, c.clientFingerprint],
    );
    return Object.assign(new PublicCommentEntity(), {
      id: row.id,
      windowId: c.windowId,
      receiptNo: row.receipt_no,
      body: c.body,
      name: c.name,
      contact: c.contact,
      submittedAt: now,
      clientFingerprint: c.clientFingerprint,
      answer: null,
      answerReason: null,
      answeredBy: null,
      answeredAt: null,
      answerIdempotencyKey: null,
    });
  }

  /** Closes the window (once) and returns its comments; the FOR UPDATE lock waits for submissions in flight. */
  async close(
    manager: EntityManager,
    windowId: string,
    at: Date,
  ): Promise<{ window: CommentWindowEntity; closedNow: boolean; comments: PublicCommentEntity[] } | null> {
    const window = await this.lockWindow(manager, windowId, 'pessimistic_write');
    if (!window) return null;
    let closedNow = false;
    if (window.status === 'OPEN') {
      await manager.getRepository(CommentWindowEntity).update({ id: windowId }, { status: 'CLOSED', closedAt: at });
      window.status = 'CLOSED';
      window.closedAt = at;
      closedNow = true;
    }
    return { window, closedNow, comments: await this.comments(windowId, manager) };
  }

  /** A window's comments in the order they arrived. */
  comments(windowId: string, manager: EntityManager = this.dataSource.manager): Promise<PublicCommentEntity[]> {
    return manager
      .getRepository(PublicCommentEntity)
      .find({ where: { windowId }, order: { submittedAt: 'ASC', receiptNo: 'ASC' }, relations: { answerer: true } });
  }

  lockComment(manager: EntityManager, commentId: string): Promise<PublicCommentEntity | null> {
    return manager
      .getRepository(PublicCommentEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :commentId', { commentId })
      .getOne();
  }

  async setAnswer(
    manager: EntityManager,
    commentId: string,
    a: { answer: string; reason: string; answeredBy: string; at: Date; idempotencyKey: string },
  ): Promise<void> {
    await manager.getRepository(PublicCommentEntity).update(
      { id: commentId },
      {
        answer: a.answer,
        answerReason: a.reason,
        answeredBy: a.answeredBy,
        answeredAt: a.at,
        answerIdempotencyKey: a.idempotencyKey,
      },
    );
  }

  async counts(windowId: string, manager: EntityManager = this.dataSource.manager): Promise<CommentCounts> {
    const [row] = await manager.query<Record<keyof CommentCounts, number>[]>(
      `SELECT count(*)::int AS total,
              count(answer)::int AS answered,
              count(*) FILTER (WHERE answer = 'ADOPTED')::int AS adopted,
              count(*) FILTER (WHERE answer = 'PARTLY_ADOPTED')::int AS "partlyAdopted",
              count(*) FILTER (WHERE answer = 'NOT_ADOPTED')::int AS "notAdopted"
         FROM public_comment WHERE window_id = $1`,
      [windowId],
    );
    return row;
  }

  /** Windows open for comment at `now`, soonest closing first, with their comment counts. */
  async openWindows(now = new Date()): Promise<OpenWindowRow[]> {
    const windows = await this.dataSource
      .getRepository(CommentWindowEntity)
      .createQueryBuilder('w')
      .leftJoinAndSelect('w.draftVersion', 'draft')
      .where("w.status = 'OPEN' AND w.opens_at <= :now AND w.closes_at > :now", { now })
      .orderBy('w.closes_at', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .getMany();
    return this.withCounts(windows);
  }

  async windowsForProcedure(procedureId: string): Promise<OpenWindowRow[]> {
    const windows = await this.dataSource
      .getRepository(CommentWindowEntity)
      .find({ where: { procedureId }, order: { opensAt: 'ASC' }, relations: { draftVersion: true } });
    return this.withCounts(windows);
  }

  async commentCount(windowId: string): Promise<number> {
    return this.dataSource.getRepository(PublicCommentEntity).count({ where: { windowId } });
  }

  findByReceipt(receiptNo: string): Promise<PublicCommentEntity | null> {
    return this.dataSource
      .getRepository(PublicCommentEntity)
      .findOne({ where: { receiptNo }, relations: { window: true } });
  }

  private async withCounts(windows: CommentWindowEntity[]): Promise<OpenWindowRow[]> {
    if (windows.length === 0) return [];
    const rows = await this.dataSource.query<{ window_id: string; n: number }[]>(
      'SELECT window_id, count(*)::int AS n FROM public_comment WHERE window_id = ANY($1) GROUP BY window_id',
      [windows.map((w) => w.id)],
    );
    const counts = new Map(rows.map((r) => [r.window_id, r.n]));
    return windows.map((window) => ({ window, comments: counts.get(window.id) ?? 0 }));
  }
}
