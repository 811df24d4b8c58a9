import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { MAIL_STATUSES, type MailStatus } from '../mail-outbox.repository';

export const OUTBOX_PAGE = { default: 50, max: 200 };

export class OutboxListQuery {
  @IsOptional() @IsIn(MAIL_STATUSES) status?: MailStatus;
  @IsOptional() @IsUUID() jobId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(OUTBOX_PAGE.max) limit?: number;
  /** The `nextCursor` of the previous page. */
  @IsOptional() @Matches(/^\d{1,9}$/) cursor?: string;
}
