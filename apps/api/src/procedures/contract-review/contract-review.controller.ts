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
import { Role, type ContractReviewSnapshot } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { ErrorBodyDto } from '../../common/error-body';
import { ProcedureSnapshotDto } from '../procedures.dto';
import { StartContractReviewDto } from './contract-review.dto';
import { ContractReviewService } from './contract-review.service';

/**
 * Government contract reviews (政府合同合法性审查): a contracting unit submits a contract in scope. Its steps are taken
 * at `POST /api/procedures/:id/steps/:step` (`contract-review.api.ts`); its state at `GET /api/procedures/:id`.
 */
@ApiTags('contract reviews')
@ApiBearerAuth()
@Controller('procedures')
export class ContractReviewController {
  constructor(private readonly reviews: ContractReviewService) {}

  @Post('contract-reviews')
  @HttpCode(201)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'D1–D4: open the legality review of a government contract (threshold or kind, G-D1)' })
  @ApiCreatedResponse({ type: ProcedureSnapshotDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not a contracting unit (department or town)' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'A review of this contract number exists already' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'Not in scope, or the term is wrong' })
  start(@CurrentUser() user: Principal, @Body() body: StartContractReviewDto): Promise<ContractReviewSnapshot> {
    return this.reviews.start(user, body);
  }
}
