import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';

export interface LoginHistoryFilter {
  /** YYYY-MM */
  month?: string;
  userId?: string;
  limit: number;
  offset: number;
}

export interface LoginEntry {
  id: string;
  userId: string | null;
  username: string;
  ip: string | null;
  success: boolean;
  reason: string | null;
  at: Date;
}

/** Login history per agent by month (A8, seed 002 §12): every login and failed attempt, newest first. */
@Injectable()
export class LoginHistoryService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async list(operation: OperationRef, filter: LoginHistoryFilter): Promise<{ items: LoginEntry[]; total: number }> {
    const params: unknown[] = [operation.id];
    let where = 'operation_id = $1';
    if (filter.month) {
      params.push(`${filter.month}-01`);
      where += ` AND at >= $${params.length}::date AND at < ($${params.length}::date + interval '1 month')`;
    }
    if (filter.userId) {
      params.push(filter.userId);
      where += ` AND user_id = $${params.length}`;
    }
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM core.login_history WHERE ${where}`, params);
    params.push(filter.limit, filter.offset);
    const items = await this.db.query(
      `SELECT id::text, user_id AS "userId", username, ip, success, reason, at FROM core.login_history WHERE ${where}
        ORDER BY at DESC, id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items, total };
  }
}
