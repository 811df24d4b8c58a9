import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PlatformOnly } from '../core/public.decorator';
import { OperationsService } from './operations.service';

export class CreateOperationDto {
  @IsString() @Matches(/^[a-z][a-z0-9_]{0,39}$/) key!: string;
  @IsOptional() @IsString() @MaxLength(200) name?: string;
}

/** Habilitar CRM (A1): a disabled operation refuses its users and its tokens; the platform still reaches it. */
export class UpdateOperationDto {
  @IsOptional() @IsBoolean() crmEnabled?: boolean;
  @IsOptional() @IsString() @MaxLength(200) name?: string;
}

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
