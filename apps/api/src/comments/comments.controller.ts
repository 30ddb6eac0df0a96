import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OfficeCommentDto, OfficeCommentWindowDto } from './public-comments.responses';
import { DomainError, ErrorCode, Role } from '@lawgate/domain';
import { type ProcedureEntity, CommentRepository, ProcedureRepository, TaskRepository } from '@lawgate/persistence';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { canSeeProcedure } from '../procedures/procedures.service';
import { publicWindowDto } from './public-comments.controller';
import { uuidParam } from '../common/params';

const uuid = uuidParam;

/** Who reads the commenters' names and contacts (a reviewing adviser reads what was said, not who said it). */
const SEES_COMMENTERS: Role[] = [Role.Drafter, Role.LegalAffairsOfficer, Role.Leader];

/**
 * Comment windows and the comments with their names, contacts and answers, for those who work on the procedure:
 * the drafting department, the legal-affairs office and leaders (the procedure visibility rule), not other
 * departments. A legal adviser involved through a task reads the comments and their answers for the review, without
 * the commenters' names and contacts. Administrators are not admitted: operating the system does not open what
 * citizens wrote.
 */
@ApiTags('comments')
@ApiBearerAuth()
@Controller()
export class CommentsController {
  constructor(
    private readonly comments: CommentRepository,
    private readonly procedures: ProcedureRepository,
    private readonly tasks: TaskRepository,
  ) {}

  @Get('procedures/:id/comment-windows')
  @Roles(Role.Drafter, Role.LegalAffairsOfficer, Role.Leader, Role.LegalAdviser)
  @ApiOperation({ summary: "The procedure's comment windows with their extensions and answer counts" })
  @ApiOkResponse({ type: OfficeCommentWindowDto, isArray: true })
  async windows(@CurrentUser() user: Principal, @Param('id', uuid('id')) procedureId: string) {
    await this.visibleProcedure(user, procedureId);
    const rows = await this.comments.windowsForProcedure(procedureId);
    return Promise.all(
      rows.map(async ({ window, comments }) => ({
        ...publicWindowDto(window, comments),
        closedAt: window.closedAt?.toISOString() ?? null,
        calendarVersion: window.calendarVersion,
        summary: await this.comments.counts(window.id),
        extensions: (await this.comments.extensions(window.id)).map((e) => ({
          oldClosesAt: e.oldClosesAt.toISOString(),
          newClosesAt: e.newClosesAt.toISOString(),
          reason: e.reason,
          actorId: e.actorId,
          extendedAt: e.extendedAt.toISOString(),
        })),
      })),
    );
  }

  @Get('comment-windows/:id/comments')
  @Roles(Role.Drafter, Role.LegalAffairsOfficer, Role.Leader, Role.LegalAdviser)
  @ApiOperation({
    summary: "Every comment of a window with its answer, and the commenter's name and contact (not for advisers)",
  })
  @ApiOkResponse({ type: OfficeCommentDto, isArray: true })
  async list(@CurrentUser() user: Principal, @Param('id', uuid('id')) windowId: string) {
    const window = await this.comments.findWindow(windowId);
    if (!window) throw new DomainError(ErrorCode.NotFound, `There is no comment window ${windowId} that you can see.`);
    await this.visibleProcedure(user, window.procedureId, `There is no comment window ${windowId} that you can see.`);
    const comments = await this.comments.comments(windowId);
    const seesWho = user.roles.some((r) => SEES_COMMENTERS.includes(r));
    return comments.map((c) => ({
      commentId: c.id,
      receiptNo: c.receiptNo,
      content: c.body,
      name: seesWho ? c.name : null,
      contact: seesWho ? c.contact : null,
      submittedAt: c.submittedAt.toISOString(),
      answer: c.answer,
      answerReason: c.answerReason,
      answeredBy: c.answerer?.displayName ?? c.answeredBy,
      answeredAt: c.answeredAt?.toISOString() ?? null,
    }));
  }

  private async visibleProcedure(user: Principal, procedureId: string, notFound?: string): Promise<ProcedureEntity> {
    const procedure = await this.procedures.findById(procedureId);
    const tasks = procedure ? await this.tasks.findByProcedure(procedureId) : [];
    if (!procedure || !canSeeProcedure(user, procedure, tasks)) {
      throw new DomainError(ErrorCode.NotFound, notFound ?? `There is no procedure ${procedureId} that you can see.`);
    }
    return procedure;
  }
}
