import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Requires } from '../core/requires.decorator';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { RecordAccessResolver } from '../records/record-access.resolver';
import { LEVELS_REPORT_LIMIT, LevelsReportService } from './levels-report.service';
import { LevelsReportQuery } from './dto/levels-report.query';

/** Niveles de usuario in reports (seed 003): how many levels each record passed through and the time at each. */
@ApiTags('levels')
@ApiBearerAuth()
@Controller('api/v1/levels/report')
export class LevelsReportController {
  constructor(
    @Inject(LevelsReportService) private readonly reports: LevelsReportService,
    @Inject(RecordAccessResolver) private readonly access: RecordAccessResolver,
  ) {}

  @Requires.module('view')
  @Get(':module')
  async report(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Query() query: LevelsReportQuery) {
    return this.reports.report(operation, module, await this.access.forCaller(operation, caller), {
      limit: query.limit ?? LEVELS_REPORT_LIMIT.default,
      offset: query.cursor ? Number(query.cursor) : 0,
    });
  }
}
