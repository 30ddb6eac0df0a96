import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AvailableStepsResponseDto } from './procedure-steps.responses';
import { ALL_ROLES } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { idempotencyKeyOf, uuidParam } from '../common/params';
import { ProcedureStepsService } from './procedure-steps.service';

const uuid = uuidParam('id');

/**
 * One way to take a step on any procedure: `POST /api/procedures/:id/steps/:step`, dispatched through the procedure
 * type's API (`registry.ts`); `GET /api/procedures/:id/steps` lists what the caller may do now. Each step is
 * documented in OpenAPI as its own path with its request body and responses (see `steps-openapi.ts`).
 */
@ApiTags('procedure steps')
@ApiBearerAuth()
@Controller('procedures/:id/steps')
export class ProcedureStepsController {
  constructor(private readonly steps: ProcedureStepsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The steps I can take now in this procedure, each with the fields of its body' })
  @ApiOkResponse({ type: AvailableStepsResponseDto })
  available(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.steps.available(user, id);
  }

  @Post(':step')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  // Documented per step by `documentProcedureSteps`, which replaces this generic path in the OpenAPI document.
  @ApiExcludeEndpoint()
  take(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('step') step: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idem?: string,
  ) {
    return this.steps.take(user, id, step, body, idempotencyKeyOf(idem));
  }
}
