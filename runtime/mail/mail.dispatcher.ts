import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime.config';
import { type ClaimedMail, MailOutboxRepository } from './mail-outbox.repository';
import { fromHeader } from './mail-sender.service';

/** Messages taken per look at the outbox; the next look comes as soon as a full batch is done. */
const BATCH = 20;
/** How long a claimed message is held for its attempt before another server may try it. */
const LEASE_MS = 5 * 60_000;
const MAX_WAIT_MS = 60 * 60_000;
const REASON_LIMIT = 1000;

/** What nodemailer puts on an error: the SMTP reply when the server answered one. */
interface SmtpError {
  responseCode?: number;
  response?: string;
  code?: string;
  message?: string;
}

/** Why a message did not leave, as the admin reads it in the outbox. */
export function failureReason(error: unknown): string {
  const e = (error ?? {}) as SmtpError;
  const text = e.response ?? e.message ?? String(error);
  const code = e.responseCode ?? e.code;
  return (code && !text.startsWith(String(code)) ? `${code} ${text}` : text).slice(0, REASON_LIMIT);
}

/** An SMTP 5xx reply (unknown mailbox, refused sender) will not change on a retry; anything else may. */
export const isPermanent = (error: unknown): boolean => {
  const code = (error as SmtpError | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/** Exponential backoff: base, 2 × base, 4 × base … at most an hour. */
export const retryWait = (attempts: number, baseMs: number): number => Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_WAIT_MS);

/**
 * Sends the outbox through SMTP_URL with nodemailer. Every server with SMTP_URL drains
 * the same outbox (claims are leases taken with SKIP LOCKED). A temporary failure waits
 * and retries with backoff; an SMTP 5xx or the last allowed attempt marks the message
 * failed with its reason, for an admin to retry from the outbox page. Without SMTP_URL
 * nothing runs and messages stay pending, which the outbox page explains.
 */
@Injectable()
export class MailDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Mail');
  private transporter: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    @Inject(MailOutboxRepository) private readonly outbox: MailOutboxRepository,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.mail.smtpUrl);
  }

  /** The SMTP host messages leave through, without credentials (for the outbox page). */
  get host(): string | null {
    if (!this.config.mail.smtpUrl) return null;
    try {
      const url = new URL(this.config.mail.smtpUrl);
      return `${url.protocol}//${url.host}`;
    } catch {
      return null;
    }
  }

  onApplicationBootstrap(): void {
    if (!this.config.mail.smtpUrl) return;
    this.transporter = nodemailer.createTransport(this.config.mail.smtpUrl);
    this.log.log(`Sending the outbox through ${this.host ?? 'SMTP_URL'}`);
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.transporter?.close();
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((error: unknown) => this.log.error(`The outbox could not be read: ${failureReason(error)}`))
        .then((full) => this.schedule(full === true ? 0 : this.config.mail.pollMs));
    }, delay);
    this.timer.unref();
  }

  /** One batch; true when it was full, so more may be due now. */
  private async drain(): Promise<boolean> {
    const batch = await this.outbox.claim(BATCH, LEASE_MS);
    for (const message of batch) {
      if (this.stopped) break;
      await this.deliver(message);
    }
    return batch.length === BATCH;
  }

  private async deliver(message: ClaimedMail): Promise<void> {
    const from = fromHeader(message, this.config.mail.from);
    try {
      await this.transporter!.sendMail({ from, to: message.to, subject: message.subject, html: message.html, ...(message.replyTo ? { replyTo: message.replyTo } : {}) });
    } catch (error) {
      const reason = failureReason(error);
      if (isPermanent(error) || message.attempts >= this.config.mail.maxAttempts) {
        this.log.warn(`E-mail ${message.id} to ${message.to} failed: ${reason}`);
        await this.outbox.markFailed(message.id, reason);
      } else {
        await this.outbox.reschedule(message.id, reason, retryWait(message.attempts, this.config.mail.retryBaseMs));
      }
      return;
    }
    // Sent: a failure to record it is only logged; the message then leaves again when its lease ends (at least once, never lost).
    await this.outbox.markSent(message.id, from).catch((error: unknown) => this.log.error(`E-mail ${message.id} was sent but could not be marked sent: ${failureReason(error)}`));
  }
}
