import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { TemporalClientModule } from '@lawgate/temporal';
import { AmendmentActivities } from './amendment.activities';
import { CleanupActivities } from './cleanup.activities';
import { CommentActivities } from './comment.activities';
import { DecisionRecordActivities } from './decision-record.activities';
import { FilingArrivals } from './filing-arrival';
import { PolicyActivities } from './policy.activities';
import { ProcedureActivities } from './procedure.activities';
import { RegisterActivities } from './register.activities';

/**
 * Activity providers. The worker binds their methods into Temporal's activities object. The Temporal client (for
 * clean-up campaigns, which start review workflows) connects on first use and is closed on shutdown.
 */
@Module({
  imports: [PersistenceModule, TemporalClientModule],
  providers: [
    ProcedureActivities,
    CommentActivities,
    RegisterActivities,
    CleanupActivities,
    PolicyActivities,
    DecisionRecordActivities,
    AmendmentActivities,
    FilingArrivals,
  ],
  exports: [
    ProcedureActivities,
    CommentActivities,
    RegisterActivities,
    CleanupActivities,
    PolicyActivities,
    DecisionRecordActivities,
    AmendmentActivities,
  ],
})
export class ActivitiesModule {}

/** Every activity class, whose public methods become activities (names must be unique across classes). */
export const ACTIVITY_CLASSES = [
  ProcedureActivities,
  CommentActivities,
  RegisterActivities,
  CleanupActivities,
  PolicyActivities,
  DecisionRecordActivities,
  AmendmentActivities,
] as const;
