import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { DataSource } from 'typeorm';
import { CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { Requires } from '../core/requires.decorator';

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
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  @Get()
  async list(@CurrentOperation() operation: OperationRef, @Query() query: LoginHistoryQuery) {
    const params: unknown[] = [operation.id];
    let where = 'operation_id = $1';
    if (query.month) {
      params.push(`${query.month}-01`);
      where += ` AND at >= $${params.length}::date AND at < ($${params.length}::date + interval '1 month')`;
    }
    if (query.userId) {
      params.push(query.userId);
      where += ` AND user_id = $${params.length}`;
    }
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM core.login_history WHERE ${where}`, params);
    const limit = query.pageSize ?? 50;
    const offset = query.offset ?? 0;
    const items = await this.db.query(
      `SELECT id::text, user_id AS "userId", username, ip, success, reason, at FROM core.login_history WHERE ${where} ORDER BY at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { items, total, nextCursor: offset + items.length < total ? String(offset + items.length) : null };
  }
}
