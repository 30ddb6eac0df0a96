import { Body } from '@nestjs/common';
import type { ContractReviewSnapshot } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../../auth/principal';
import { ProcedureStartController, StartsProcedure } from '../start-procedure';
import { StartContractReviewDto } from './contract-review.dto';
import { ContractReviewService } from './contract-review.service';

/**
 * Government contract reviews (政府合同合法性审查): a contracting unit submits a contract in scope. Its steps are taken
 * at `POST /api/procedures/:id/steps/:step` (`contract-review.api.ts`); its state at `GET /api/procedures/:id`.
 */
@ProcedureStartController('contract reviews')
export class ContractReviewController {
  constructor(private readonly reviews: ContractReviewService) {}

  @StartsProcedure('contract-reviews', {
    summary: 'D1–D4: open the legality review of a government contract (threshold or kind, G-D1)',
    forbidden: 'Not a contracting unit (department or town)',
    conflict: 'A review of this contract number exists already',
    unprocessable: 'Not in scope, or the term is wrong',
  })
  start(@CurrentUser() user: Principal, @Body() body: StartContractReviewDto): Promise<ContractReviewSnapshot> {
    return this.reviews.start(user, body);
  }
}
