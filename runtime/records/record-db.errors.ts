import type { ModuleDefinition } from '@crm/engine';
import { indexName } from '../database/sql';
import { ApiError } from '../core/api-error';
import { activeFields } from './record-fields';
import { RecordErrors, recordIssue, uniqueIssue } from './record.errors';

interface DriverError {
  code?: string;
  constraint?: string;
  detail?: string;
}

const driverError = (error: unknown): DriverError | null => {
  if (error === null || typeof error !== 'object') return null;
  const inner = (error as { driverError?: unknown }).driverError;
  return (inner && typeof inner === 'object' ? inner : error) as DriverError;
};

/**
 * Database refusals a client's values can still cause after validation (a
 * unique value taken by a concurrent write, a date Postgres cannot hold) →
 * 4xx in the API's shape. Anything else is the server's own fault and passes.
 */
export function clientDatabaseError(error: unknown, definition: ModuleDefinition): ApiError | null {
  if (error instanceof ApiError) return null;
  const pg = driverError(error);
  if (!pg?.code) return null;
  if (pg.code === '23505') {
    const field = activeFields(definition).find((f) => indexName(definition.key, f.key, 'uniq') === pg.constraint);
    return RecordErrors.duplicate([uniqueIssue(field?.key ?? '')]);
  }
  // Class 22: data exceptions (dates out of range, numbers that overflow, text a type cannot read).
  if (pg.code.startsWith('22')) {
    return ApiError.validation([recordIssue('', 'invalid', 'Hay un valor que la base de datos no puede guardar ni comparar.', 'A value cannot be stored or compared by the database.')]);
  }
  return null;
}

/** Runs `work`, turning database refusals caused by client values into 4xx errors. */
export async function withClientErrors<T>(definition: ModuleDefinition, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw clientDatabaseError(error, definition) ?? error;
  }
}
