import { Body } from '@nestjs/common';
import type { EnforcementReviewSnapshot } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../../auth/principal';
import { ProcedureStartController, StartsProcedure } from '../start-procedure';
import { StartEnforcementReviewDto } from './enforcement-review.dto';
import { EnforcementReviewService } from './enforcement-review.service';

/**
 * Major enforcement decision reviews (重大执法决定法制审核): a case unit opens one for a major case. Its steps are taken
 * at `POST /api/procedures/:id/steps/:step` (`enforcement-review.api.ts`); its state at `GET /api/procedures/:id`.
 */
@ProcedureStartController('enforcement reviews')
export class EnforcementReviewController {
  constructor(private readonly reviews: EnforcementReviewService) {}

  @StartsProcedure('enforcement-reviews', {
    summary: 'C1–C2: open the legal review of a major enforcement case (catalog or statutory ground)',
    forbidden: 'Not a case unit of an enforcement department',
    conflict: 'A review of this case number exists already',
    unprocessable: 'Not a major case, or its handlers are wrong',
  })
  start(@CurrentUser() user: Principal, @Body() body: StartEnforcementReviewDto): Promise<EnforcementReviewSnapshot> {
    return this.reviews.start(user, body);
  }
}
