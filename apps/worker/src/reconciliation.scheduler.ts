import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { Reconciler } from '@lawgate/temporal';

/**
 * Every `RECONCILIATION_SECONDS` (0: never), compares the procedures' read models and ledger with their workflows'
 * status and history and raises integrity alerts for resets, terminations and mismatches (see `Reconciler`). Several
 * workers may run it: an alert is raised once per procedure, kind and run.
 */
@Injectable()
export class ReconciliationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconciliationScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reconciler: Reconciler,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.RECONCILIATION_SECONDS;
    if (seconds === 0) {
      this.logger.warn('RECONCILIATION_SECONDS=0: procedures are not reconciled with their workflows');
      return;
    }
    const tick = () => {
      this.running = this.reconcile().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, seconds * 1000);
      });
    };
    this.timer = setTimeout(tick, seconds * 1000);
  }

  private async reconcile(): Promise<void> {
    try {
      const report = await this.reconciler.reconcile();
      if (report.raised.length > 0) {
        this.logger.warn(
          `reconciliation: ${report.checked} procedures checked, alerts ${report.raised.map((a) => `${a.kind}:${a.workflowId}`).join(', ')}`,
        );
      }
    } catch (err) {
      this.logger.error(`reconciliation failed: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
