import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PlatformOnly } from '../core/public.decorator';
import { OperationsService } from './operations.service';
import { CreateOperationDto, UpdateOperationDto } from './dto/save-operation.dto';

@ApiTags('operations')
@ApiBearerAuth()
@PlatformOnly()
@Controller('api/v1/operations')
export class OperationsController {
  constructor(@Inject(OperationsService) private readonly operations: OperationsService) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: CreateOperationDto) {
    const row = await this.operations.create(body.key, body.name);
    return { id: row.id, key: row.key, name: row.name, crmEnabled: row.crmEnabled, adminUsername: OperationsService.adminUsername(row.key) };
  }

  @Patch(':key')
  async update(@Param('key') key: string, @Body() body: UpdateOperationDto) {
    const row = await this.operations.update(key, body);
    return { id: row.id, key: row.key, name: row.name, crmEnabled: row.crmEnabled };
  }

  @Get()
  async list() {
    const rows = await this.operations.list();
    return { items: rows.map((r) => ({ id: r.id, key: r.key, name: r.name, crmEnabled: r.crmEnabled, createdAt: r.createdAt })), total: rows.length, nextCursor: null };
  }
}
