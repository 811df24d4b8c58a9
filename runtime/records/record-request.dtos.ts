import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { HISTORY_LIMIT } from './record-history.service';
import { SEARCH_LIMIT } from './record-query.service';

/** `POST /records/{module}/bulk`: at most 10,000 rows (more is a 413 from the service, with the count in the message). */
export class BulkRecordsDto {
  @IsArray() rows!: unknown[];
  @IsOptional() @IsIn(['insert', 'upsert']) mode?: 'insert' | 'upsert';
  @IsOptional() @IsString() @MaxLength(63) keyField?: string;
}

/** `GET /records/{module}?q=…&limit=…&cursor=…`: quick search. */
export class SearchRecordsQuery {
  @IsOptional() @IsString() @MaxLength(500) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(SEARCH_LIMIT.max) limit?: number;
  @IsOptional() @IsString() @MaxLength(4096) cursor?: string;
}

/** `POST /records/{module}/query?deleted=…`: live records (default), deleted ones as well, or only deleted ones. */
export class QueryScopeQuery {
  @IsOptional() @IsIn(['exclude', 'include', 'only']) deleted?: 'exclude' | 'include' | 'only';
}

/** `DELETE /records/{module}/{id}?version=n`: the version, when given, must be the current one. */
export class DeleteRecordQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}

/** `GET /records/{module}/{id}/history?limit=…&cursor=…`. */
export class HistoryQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(HISTORY_LIMIT.max) limit?: number;
  @IsOptional() @IsString() @Matches(/^\d{1,18}$/) cursor?: string;
}
