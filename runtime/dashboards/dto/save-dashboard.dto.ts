import type { DashboardWidget } from '@crm/engine';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { REQUIRED } from '../../core/dto-validation.pipe';

/** POST /dashboards: the envelope; `widgets` is checked by the engine's JSON Schema and against the modules (paths `widgets[2].query.groups[0].field`). */
export class CreateDashboardDto {
  @ApiProperty({ example: 'Ventas del trimestre' })
  @IsString(REQUIRED)
  @IsNotEmpty(REQUIRED)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', format: 'uuid' }, description: 'Profiles that see the dashboard; empty: private to its owner.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  sharedWith?: string[];

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Widgets: { id, title, kind, module, chart?, query, gauge?, layout }.' })
  @IsArray()
  widgets!: DashboardWidget[];
}

/** PUT /dashboards/{id}: the whole dashboard again, with the version it was read at (409 when someone saved since). */
export class UpdateDashboardDto extends CreateDashboardDto {
  @ApiProperty({ example: 1 })
  @IsInt(REQUIRED)
  @Min(1)
  version!: number;
}

export class ListDashboardsQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  /** The `nextCursor` of the previous page. */
  @IsOptional() @Matches(/^\d{1,9}$/) cursor?: string;
}
