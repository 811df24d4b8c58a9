import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/** `GET /integration/notes-history?companyId=…&limit=…&cursor=…`: pages like every list, `{ items, total, nextCursor }`. */
export class NotesHistoryQuery {
  @IsOptional() @IsUUID() companyId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  /** The `nextCursor` of the previous page. */
  @IsOptional() @Matches(/^\d{1,9}$/) cursor?: string;
}
