import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { CheckpointRepository, signerFromFile, type EvidenceSigner } from '@lawgate/persistence';

/**
 * Signs checkpoints of the ledger's and the audit trail's heads: every `LEDGER_CHECKPOINT_SECONDS` it writes one when
 * the chains moved since the last (so each batch of sign-offs is anchored within that time), and one a day when
 * nothing moved. Several workers may run this; the repository serialises them and skips what is not due.
 */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly signer: EvidenceSigner | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checkpoints: CheckpointRepository,
  ) {
    this.signer = config.LAWGATE_SIGNING_KEY_FILE ? signerFromFile(config.LAWGATE_SIGNING_KEY_FILE) : null;
  }

  onApplicationBootstrap(): void {
    if (!this.signer) {
      this.logger.warn('LAWGATE_SIGNING_KEY_FILE is not set: no ledger checkpoints are signed');
      return;
    }
    const tick = () => {
      this.running = this.checkpoint().finally(() => {
        this.timer = setTimeout(tick, this.config.LEDGER_CHECKPOINT_SECONDS * 1000);
      });
    };
    tick();
  }

  private async checkpoint(): Promise<void> {
    try {
      const written = await this.checkpoints.checkpointIfDue(this.signer!);
      if (written) {
        this.logger.log(`ledger checkpoint ${written.id} (${written.reason}) at ledger entry ${written.ledgerHeadSeq}`);
      }
    } catch (err) {
      this.logger.error(`ledger checkpoint failed: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    await this.running;
    clearTimeout(this.timer);
  }
}
