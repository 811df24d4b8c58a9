import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime.config';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';
import type { SaveMailSenderDto } from './dto/save-mail-sender.dto';

export interface MailSender {
  fromName: string | null;
  fromAddress: string | null;
  replyTo: string | null;
  /** The From header messages leave with now: the operation's own, or the server's MAIL_FROM. */
  effectiveFrom: string;
}

/** The From header of a sender: its name and address, or the server's MAIL_FROM when it has no address. */
export function fromHeader(sender: { fromName: string | null; fromAddress: string | null }, fallback: string): string {
  if (!sender.fromAddress) return fallback;
  return sender.fromName ? `"${sender.fromName}" <${sender.fromAddress}>` : sender.fromAddress;
}

/** The operation's own sender (core.operations), which the dispatcher reads at each delivery. */
@Injectable()
export class MailSenderService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async get(operation: OperationRef): Promise<MailSender> {
    const [row] = await sqlRows<Omit<MailSender, 'effectiveFrom'>>(
      this.db.manager,
      `SELECT mail_from_name AS "fromName", mail_from_address AS "fromAddress", mail_reply_to AS "replyTo" FROM core.operations WHERE id = $1`,
      [operation.id],
    );
    const sender = row ?? { fromName: null, fromAddress: null, replyTo: null };
    return { ...sender, effectiveFrom: fromHeader(sender, this.config.mail.from) };
  }

  async save(operation: OperationRef, body: SaveMailSenderDto): Promise<MailSender> {
    const clean = (value: string | null | undefined) => (typeof value === 'string' && value.trim() ? value.trim() : null);
    await this.db.query(`UPDATE core.operations SET mail_from_name = $2, mail_from_address = $3, mail_reply_to = $4, updated_at = now() WHERE id = $1`, [
      operation.id,
      clean(body.fromName),
      clean(body.fromAddress),
      clean(body.replyTo),
    ]);
    return this.get(operation);
  }
}
