import { Module } from '@nestjs/common';
import { PersistenceModule } from '../libs/persistence/src/persistence.module';
import { CommentActivities } from './comment.activities';
import { ProcedureActivities } from './procedure.activities';
import { RegisterActivities } from './register.activities';

/** Activity providers. The worker binds their methods into Temporal's activities object. */
@Module({
  imports: [PersistenceModule],
  providers: [ProcedureActivities, CommentActivities, RegisterActivities],
  exports: [ProcedureActivities, CommentActivities, RegisterActivities],
})
export class ActivitiesModule {}

/** Every activity class, whose public methods become activities (names must be unique across classes). */
export const ACTIVITY_CLASSES = [ProcedureActivities, CommentActivities, RegisterActivities] as const;
