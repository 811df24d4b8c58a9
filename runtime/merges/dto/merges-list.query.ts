import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { REQUIRED } from '../../core/dto-validation.pipe';

export const MERGES_PAGE = { default: 50, max: 200 };

/** GET /merges: one module's merges, a page at a time. */
export class MergesListQuery {
  @Matches(/^[a-z][a-z0-9_]{0,62}$/, REQUIRED) module!: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MERGES_PAGE.max) limit?: number;
  /** The `nextCursor` of the previous page. */
  @IsOptional() @Matches(/^\d{1,7}$/) cursor?: string;
}
