import type { ColumnMapping, ImportValueOptions } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';

export interface SavedMapping {
  id: string;
  name: string;
  mapping: ColumnMapping[];
  options: ImportValueOptions;
  createdAt: string;
}

interface StoredMapping {
  id: string;
  name: string;
  mapping: ColumnMapping[];
  options: ImportValueOptions;
  created_at: Date;
}

const toMapping = (row: StoredMapping): SavedMapping => ({ id: row.id, name: row.name, mapping: row.mapping, options: row.options, createdAt: row.created_at.toISOString() });

/** Mappings saved per module for the next file of the same shape; a name saved again replaces the old one. */
@Injectable()
export class ImportMappingsRepository {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async list(operation: OperationRef, module: string): Promise<SavedMapping[]> {
    const rows = await sqlRows<StoredMapping>(this.db.manager, `SELECT id, name, mapping, options, created_at FROM core.import_mappings WHERE operation_id = $1 AND module = $2 ORDER BY name`, [
      operation.id,
      module,
    ]);
    return rows.map(toMapping);
  }

  async save(operation: OperationRef, module: string, name: string, mapping: ColumnMapping[], options: ImportValueOptions, userId: string | null): Promise<SavedMapping> {
    const [row] = await sqlRows<StoredMapping>(
      this.db.manager,
      `INSERT INTO core.import_mappings (operation_id, module, name, mapping, options, created_by) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)
       ON CONFLICT (operation_id, module, name) DO UPDATE SET mapping = EXCLUDED.mapping, options = EXCLUDED.options, created_by = EXCLUDED.created_by, created_at = now()
       RETURNING id, name, mapping, options, created_at`,
      [operation.id, module, name, JSON.stringify(mapping), JSON.stringify(options), userId],
    );
    return toMapping(row);
  }

  async remove(operation: OperationRef, module: string, id: string): Promise<boolean> {
    const rows = await sqlRows<{ id: string }>(this.db.manager, `DELETE FROM core.import_mappings WHERE operation_id = $1 AND module = $2 AND id = $3 RETURNING id`, [operation.id, module, id]);
    return rows.length > 0;
  }
}
