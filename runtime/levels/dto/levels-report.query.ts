import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { LEVELS_REPORT_LIMIT } from '../levels-report.service';

export class LevelsReportQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LEVELS_REPORT_LIMIT.max) limit?: number;
  /** The `nextCursor` of the previous page. */
  @IsOptional() @Matches(/^\d{1,9}$/) cursor?: string;
}
