import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { Requires } from '../core/requires.decorator';
import { LoginHistoryService } from './login-history.service';

export class LoginHistoryQuery {
  /** YYYY-MM */
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/) month?: string;
  @IsOptional() @IsUUID() userId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

/** Login history per agent by month (A8, seed 002 §12): every login and failed attempt with time, user and IP. */
@ApiTags('users')
@ApiBearerAuth()
@Requires.admin()
@Controller('api/v1/login-history')
export class LoginHistoryController {
  constructor(@Inject(LoginHistoryService) private readonly history: LoginHistoryService) {}

  @Get()
  async list(@CurrentOperation() operation: OperationRef, @Query() query: LoginHistoryQuery) {
    const limit = query.pageSize ?? 50;
    const offset = query.offset ?? 0;
    const { items, total } = await this.history.list(operation, { month: query.month, userId: query.userId, limit, offset });
    return { items, total, nextCursor: offset + items.length < total ? String(offset + items.length) : null };
  }
}
