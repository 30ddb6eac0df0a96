import { applyDecorators, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Role } from '@lawgate/domain';
import { Roles } from '../auth/roles.decorator';
import { ErrorBodyDto } from '../common/error-body';
import { ProcedureSnapshotDto } from './procedures.dto';

/** A controller that starts procedures of one type under `/api/procedures`, listed in OpenAPI under `tag`. */
export function ProcedureStartController(tag: string): ClassDecorator {
  return applyDecorators(ApiTags(tag), ApiBearerAuth(), Controller('procedures'));
}

/** What the OpenAPI document says of a start: its summary and the reason of each refusal. */
export interface StartRefusals {
  summary: string;
  /** 403: the caller's unit may not start one. */
  forbidden: string;
  /** 409: one with this business key exists. */
  conflict: string;
  /** 422: a rule of the procedure refuses it. */
  unprocessable: string;
}

/**
 * `POST /api/procedures/<path>`: a drafter starts a procedure, which answers 201 with its snapshot once settled, or
 * one of the refusals documented from `doc`.
 */
export function StartsProcedure(path: string, doc: StartRefusals): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(201),
    Roles(Role.Drafter),
    ApiOperation({ summary: doc.summary }),
    ApiCreatedResponse({ type: ProcedureSnapshotDto }),
    ApiForbiddenResponse({ type: ErrorBodyDto, description: doc.forbidden }),
    ApiConflictResponse({ type: ErrorBodyDto, description: doc.conflict }),
    ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: doc.unprocessable }),
  );
}
