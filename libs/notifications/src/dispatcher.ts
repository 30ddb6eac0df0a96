import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { OutboxRepository, type ClaimedDelivery, type DeliveryChannel } from '@lawgate/persistence';
import { linkOf, subjectOf, webhookPayload } from './messages';
import { postWebhook } from './webhook';

const BATCH = 20;
const LEASE_MS = 60000;
const MAX_RETRY_MS = 3600000;

/**
 * Sends the outbox: e-mail through SMTP (nodemailer) and the outgoing webhook. Runs in the worker, polling every
 * NOTIFY_POLL_MS. A failed send is retried with exponential backoff from NOTIFY_RETRY_BASE_MS; a channel that is not
 * configured here is not claimed: its deliveries wait for a worker that can send them. Each e-mail's Message-ID is
 * derived from its delivery, so that even a send repeated after a crash is recognised by the mail system.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationDispatcher.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private mailer: Transporter | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.SMTP_URL) {
      const url = new URL(this.config.SMTP_URL);
      this.mailer = nodemailer.createTransport({
        host: url.hostname,
        port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
        secure: url.protocol === 'smtps:',
        auth: url.username
          ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
          : undefined,
        // A local test or intranet relay may offer STARTTLS with a certificate of its own: use TLS when offered,
        // and require it only for smtps://.
        tls: { rejectUnauthorized: url.searchParams.get('tlsVerify') !== 'false' },
        connectionTimeout: 10000,
        greetingTimeout: 10000,
        socketTimeout: 20000,
      });
    }
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.mailer?.close();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(() => undefined)
        .catch((err: unknown) => this.logger.warn(`notification outbox: ${(err as Error).message}`))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.config.NOTIFY_POLL_MS);
    this.timer.unref();
  }

  /** One round: claims due deliveries and sends them. Exposed for tests. */
  async tick(): Promise<number> {
    const channels: DeliveryChannel[] = [];
    if (this.mailer) channels.push('EMAIL');
    if (this.config.NOTIFY_WEBHOOK_URL && this.config.NOTIFY_WEBHOOK_SECRET) channels.push('WEBHOOK');
    const claimed = await this.outbox.claim(BATCH, LEASE_MS, channels);
    for (const delivery of claimed) {
      try {
        await this.send(delivery);
        await this.outbox.markSent(delivery.id);
      } catch (err) {
        const retryIn = Math.min(MAX_RETRY_MS, this.config.NOTIFY_RETRY_BASE_MS * 2 ** Math.min(delivery.attempts, 20));
        await this.outbox.markFailed(delivery.id, (err as Error).message, retryIn, this.config.NOTIFY_MAX_ATTEMPTS);
        this.logger.warn(
          `${delivery.channel} delivery ${delivery.id} failed (attempt ${delivery.attempts + 1}): ${(err as Error).message}`,
        );
      }
    }
    return claimed.length;
  }

  private async send(delivery: ClaimedDelivery): Promise<void> {
    const base = this.config.PUBLIC_BASE_URL;
    if (delivery.channel === 'EMAIL') {
      if (!this.mailer) throw new Error('SMTP_URL is not set');
      if (!delivery.email) throw new Error('the account has no e-mail address');
      const link = linkOf(base, delivery);
      await this.mailer.sendMail({
        from: this.config.MAIL_FROM,
        to: { name: delivery.displayName, address: delivery.email },
        subject: subjectOf(delivery.kind),
        text: `${delivery.displayName}：\n\n${delivery.message}\n\n${link}\n`,
        messageId: `<${delivery.id}@lawgate>`,
        headers: { 'X-LawGate-Delivery': delivery.id, 'X-LawGate-Event': delivery.kind },
      });
      return;
    }
    if (!this.config.NOTIFY_WEBHOOK_URL || !this.config.NOTIFY_WEBHOOK_SECRET) {
      throw new Error('NOTIFY_WEBHOOK_URL or NOTIFY_WEBHOOK_SECRET is not set');
    }
    await postWebhook(
      this.config.NOTIFY_WEBHOOK_URL,
      this.config.NOTIFY_WEBHOOK_SECRET,
      delivery.id,
      webhookPayload(delivery, base),
    );
  }
}
