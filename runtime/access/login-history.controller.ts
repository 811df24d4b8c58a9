import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { Requires } from '../core/requires.decorator';
import { LoginHistoryService } from './login-history.service';
import { LoginHistoryQuery } from './dto/login-history.query';

/** Login history per agent by month (A8, seed 002 §12): every login and failed attempt with time, user and IP. */
@ApiTags('users')
@ApiBearerAuth()
@Requires.admin()
@Controller('api/v1/login-history')
export class LoginHistoryController {
  constructor(@Inject(LoginHistoryService) private readonly history: LoginHistoryService) {}

  @Get()
  async list(@CurrentOperation() operation: OperationRef, @Query() query: LoginHistoryQuery) {
    const limit = query.limit ?? query.pageSize ?? 50;
    const offset = Number(query.cursor ?? 0);
    const { items, total } = await this.history.list(operation, { month: query.month, userId: query.userId, limit, offset });
    return { items, total, nextCursor: offset + items.length < total ? String(offset + items.length) : null };
  }
}
