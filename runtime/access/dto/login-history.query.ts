import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/** `GET /login-history?month=…&userId=…&limit=…&cursor=…`: pages like every list, `{ items, total, nextCursor }`. */
export class LoginHistoryQuery {
  /** YYYY-MM */
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/) month?: string;
  @IsOptional() @IsUUID() userId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  /** The older name of `limit`, still accepted from existing clients. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
  /** The `nextCursor` of the previous page. */
  @IsOptional() @Matches(/^\d{1,9}$/) cursor?: string;
}
