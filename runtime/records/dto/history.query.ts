import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { HISTORY_LIMIT } from '../record-history.service';

/** `GET /records/{module}/{id}/history?limit=…&cursor=…`. */
export class HistoryQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(HISTORY_LIMIT.max) limit?: number;
  @IsOptional() @IsString() @Matches(/^\d{1,18}$/) cursor?: string;
}
