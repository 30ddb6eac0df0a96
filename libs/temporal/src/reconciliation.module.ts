import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { Reconciler } from './reconciliation';
import { TemporalClientModule } from './temporal-client.module';

/** The reconciliation of read models and ledger with workflow histories, for the API (on demand) and the worker. */
@Module({
  imports: [PersistenceModule, TemporalClientModule],
  providers: [Reconciler],
  exports: [Reconciler],
})
export class ReconciliationModule {}
