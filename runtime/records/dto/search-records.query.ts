import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SEARCH_LIMIT } from '../record-query.service';

/** `GET /records/{module}?q=…&limit=…&cursor=…`: quick search. */
export class SearchRecordsQuery {
  @IsOptional() @IsString() @MaxLength(500) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(SEARCH_LIMIT.max) limit?: number;
  @IsOptional() @IsString() @MaxLength(4096) cursor?: string;
}
