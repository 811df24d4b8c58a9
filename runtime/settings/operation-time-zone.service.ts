import { DEFAULT_TIME_ZONE, isTimeZone, issue } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';

/** The operation's time zone (core.operations.time_zone): the calendar aggregations bucket dates and times by. */
@Injectable()
export class OperationTimeZoneService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async get(operation: OperationRef): Promise<string> {
    const [row] = await this.db.query(`SELECT time_zone AS "timeZone" FROM core.operations WHERE id = $1`, [operation.id]);
    return (row?.timeZone as string | undefined) ?? DEFAULT_TIME_ZONE;
  }

  /** 400 with the path `timeZone` for a name that is not an IANA zone of both this server and Postgres. */
  async save(operation: OperationRef, timeZone: string): Promise<string> {
    const known = isTimeZone(timeZone) && (await this.db.query(`SELECT 1 FROM pg_timezone_names WHERE name = $1`, [timeZone])).length > 0;
    if (!known) throw ApiError.validation([issue('timeZone', 'aggregate.timeZone', { zone: String(timeZone) })]);
    await this.db.query(`UPDATE core.operations SET time_zone = $2, updated_at = now() WHERE id = $1`, [operation.id, timeZone]);
    return timeZone;
  }
}
