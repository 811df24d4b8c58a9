import type { Issue, LocalizedText } from '@crm/engine';
import { ApiError } from '../core/api-error';

/**
 * Why a running job stops without an outcome of its own:
 * - `cancelled`: someone cancelled it (the row says so already);
 * - `shutdown`: this server is stopping; the job resumes elsewhere from its checkpoint;
 * - `superseded`: another runner took the job over (its attempt is newer); this one just stops.
 */
export type InterruptReason = 'cancelled' | 'shutdown' | 'superseded';

export class JobInterruptedError extends Error {
  constructor(readonly reason: InterruptReason) {
    super(`job interrupted: ${reason}`);
    this.name = 'JobInterruptedError';
  }
}

/** A failure that retrying cannot fix (bad payload, missing module): the job fails at once. */
export class JobFailedError extends Error {
  constructor(
    readonly code: string,
    readonly text: LocalizedText,
    readonly details: Issue[] = [],
  ) {
    super(text.en);
    this.name = 'JobFailedError';
  }
}

/** The error a job row keeps: the API's error shape plus the attempt that met it. */
export interface StoredJobError {
  code: string;
  message: LocalizedText;
  details: Issue[];
  attempt: number;
  at: string;
}

/** Client-caused and explicit failures are final; anything else (a database hiccup, a bug) is worth a retry. */
export function isPermanent(error: unknown): boolean {
  if (error instanceof JobFailedError) return true;
  return error instanceof ApiError && error.status < 500;
}

export function storedError(error: unknown, attempt: number): StoredJobError {
  const at = new Date().toISOString();
  if (error instanceof ApiError) return { code: error.code, message: error.text, details: error.details, attempt, at };
  if (error instanceof JobFailedError) return { code: error.code, message: error.text, details: error.details, attempt, at };
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'job_error', message: { es: `El trabajo falló: ${text}`, en: `The job failed: ${text}` }, details: [], attempt, at };
}
