import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Role, type EnforcementReviewSnapshot } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { ErrorBodyDto } from '../../common/error-body';
import { ProcedureSnapshotDto } from '../procedures.dto';
import { StartEnforcementReviewDto } from './enforcement-review.dto';
import { EnforcementReviewService } from './enforcement-review.service';

/**
 * Major enforcement decision reviews (重大执法决定法制审核): a case unit opens one for a major case. Its steps are taken
 * at `POST /api/procedures/:id/steps/:step` (`enforcement-review.api.ts`); its state at `GET /api/procedures/:id`.
 */
@ApiTags('enforcement reviews')
@ApiBearerAuth()
@Controller('procedures')
export class EnforcementReviewController {
  constructor(private readonly reviews: EnforcementReviewService) {}

  @Post('enforcement-reviews')
  @HttpCode(201)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'C1–C2: open the legal review of a major enforcement case (catalog or statutory ground)' })
  @ApiCreatedResponse({ type: ProcedureSnapshotDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not a case unit of an enforcement department' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'A review of this case number exists already' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'Not a major case, or its handlers are wrong' })
  start(@CurrentUser() user: Principal, @Body() body: StartEnforcementReviewDto): Promise<EnforcementReviewSnapshot> {
    return this.reviews.start(user, body);
  }
}
