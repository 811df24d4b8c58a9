import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional } from 'class-validator';
import { Requires } from '../core/requires.decorator';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { SchemaBundlesService } from './schema-bundles.service';

export class ImportBundleDto {
  @IsObject() bundle!: Record<string, unknown>;
  @IsOptional() @IsBoolean() dryRun?: boolean;
  /** Values a type change cannot convert are kept aside in the audit log instead of refusing the import. */
  @IsOptional() @IsBoolean() keepAside?: boolean;
}

@ApiTags('schema')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Controller('api/v1/schema')
export class SchemaBundlesController {
  constructor(@Inject(SchemaBundlesService) private readonly bundles: SchemaBundlesService) {}

  /** `?modules=casos,vehiculos`; every module when absent. */
  @Requires.admin()
  @Get('export')
  export(@CurrentOperation() operation: OperationRef, @Query('modules') modules?: string) {
    const keys =
      typeof modules === 'string'
        ? modules
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean)
        : undefined;
    return this.bundles.export(operation, keys);
  }

  @Requires.admin()
  @Post('import')
  @HttpCode(200)
  import(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Body() body: ImportBundleDto) {
    return this.bundles.import(operation, body.bundle, { dryRun: body.dryRun, keepAside: body.keepAside, userId: caller.userId });
  }
}
