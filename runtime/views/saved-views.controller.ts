import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Requires } from '../core/requires.decorator';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { SavedViewsService } from './saved-views.service';

/**
 * Saved custom views of a module (R5): GET/POST /api/v1/views/{module}, PATCH/DELETE /api/v1/views/{module}/{id}.
 * Reading the module is enough: a view only arranges what the caller may already see.
 * Bodies are checked by ajv in the service (so errors carry exact paths), hence `unknown` here.
 */
@ApiTags('views')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Requires.module('view')
@Controller('api/v1/views/:module')
export class SavedViewsController {
  constructor(@Inject(SavedViewsService) private readonly views: SavedViewsService) {}

  @Get()
  @ApiQuery({ name: 'kind', required: false, enum: ['table', 'kanban'] })
  async list(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Query('kind') kind?: string) {
    const items = await this.views.list(operation, module, caller, kind);
    return { items, total: items.length, nextCursor: null };
  }

  @Post()
  @HttpCode(201)
  create(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Body() body: unknown) {
    return this.views.create(operation, module, caller, body);
  }

  @Patch(':id')
  update(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Param('id') id: string, @Body() body: unknown) {
    return this.views.update(operation, module, caller, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Param('id') id: string) {
    await this.views.remove(operation, module, caller, id);
  }
}
