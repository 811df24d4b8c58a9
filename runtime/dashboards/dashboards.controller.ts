import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { Requires } from '../core/requires.decorator';
import { DashboardsService } from './dashboards.service';
import { CreateDashboardDto, ListDashboardsQuery, UpdateDashboardDto } from './dto/save-dashboard.dto';

/**
 * Dashboards (P2, P3): GET/POST /api/v1/dashboards, GET/PUT/DELETE /api/v1/dashboards/{id}.
 * Any user of the operation; what each widget shows is read through the aggregate API with the viewer's own access.
 */
@ApiTags('dashboards')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Requires.user()
@Controller('api/v1/dashboards')
export class DashboardsController {
  constructor(@Inject(DashboardsService) private readonly dashboards: DashboardsService) {}

  @Get()
  list(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Query() query: ListDashboardsQuery) {
    return this.dashboards.list(operation, caller, query.limit ?? 50, query.cursor);
  }

  @Post()
  @HttpCode(201)
  create(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Body() body: CreateDashboardDto) {
    return this.dashboards.create(operation, caller, body);
  }

  @Get(':id')
  get(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('id') id: string) {
    return this.dashboards.get(operation, caller, id);
  }

  @Put(':id')
  update(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('id') id: string, @Body() body: UpdateDashboardDto) {
    return this.dashboards.update(operation, caller, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('id') id: string) {
    await this.dashboards.remove(operation, caller, id);
  }
}
