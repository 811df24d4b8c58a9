import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';

export interface LevelView {
  id: string;
  name: string;
  description: string | null;
  createdAt: Date;
  createdBy: string | null;
}

const COLUMNS = `id, name, description, created_at AS "createdAt", created_by AS "createdBy"`;

/** Niveles de usuario (seed 003): name, description, created at and by. */
@Injectable()
export class LevelsService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  list(operation: OperationRef): Promise<LevelView[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM core.levels WHERE operation_id = $1 ORDER BY created_at`, [operation.id]);
  }

  async create(operation: OperationRef, input: { name: string; description: string | null }, userId: string | null): Promise<LevelView> {
    const [row] = await this.db.query(`INSERT INTO core.levels (operation_id, name, description, created_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`, [
      operation.id,
      input.name,
      input.description,
      userId,
    ]);
    return row;
  }
}
