import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import {
  FILING_REVIEW,
  POLICY_VERSIONS,
  catalogPeriodsDue,
  policyVersionFor,
  type FilingReviewPolicy,
} from '@lawgate/domain';
import { FilingCatalogRepository } from '@lawgate/persistence';

/**
 * E3 (G-E5): publishes the filed-documents catalog on the filing-review policy's cadence. Every
 * `FILING_CATALOG_SECONDS` (0: never) it publishes the edition of each closed period after the newest one (at
 * first, the last closed period). An edition is once per period (a unique key in PostgreSQL): several workers, a
 * restart in the middle or a second tick publish it once; a worker that was down catches up on its next tick.
 */
@Injectable()
export class FilingCatalogScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FilingCatalogScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalog: FilingCatalogRepository,
  ) {}

  private policy(): FilingReviewPolicy {
    return POLICY_VERSIONS[policyVersionFor(FILING_REVIEW, this.config.PROCEDURE_PERIODS === 'demo')]
      .policy as FilingReviewPolicy;
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.FILING_CATALOG_SECONDS;
    if (seconds === 0) {
      this.logger.warn('FILING_CATALOG_SECONDS=0: the filed-documents catalog is not published on its cadence');
      return;
    }
    const tick = () => {
      this.running = this.publishDue()
        .then(() => undefined)
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, seconds * 1000);
        });
    };
    this.timer = setTimeout(tick, 1000);
  }

  /** Publishes every edition due now; returns the keys of those it published. */
  async publishDue(now = new Date()): Promise<string[]> {
    const published: string[] = [];
    try {
      const policy = this.policy();
      const demo = policy.catalogDemoPeriod ?? null;
      const cadence = demo ? `SECONDS_${demo.amount}` : policy.catalogCadence;
      const until = await this.catalog.publishedUntil(cadence);
      for (const period of catalogPeriodsDue(policy.catalogCadence, now, until, demo)) {
        const { edition, created } = await this.catalog.publish(period, cadence, policy.receivingOrgan);
        if (created) {
          published.push(edition.periodKey);
          this.logger.log(`filed-documents catalog ${edition.label}: ${edition.entries.length} documents`);
        }
      }
    } catch (err) {
      this.logger.error(`filed-documents catalog not published: ${(err as Error).message}`);
    }
    return published;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
