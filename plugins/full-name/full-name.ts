import type { RecordValues } from '@crm/engine';

/** The `config` a module gives `full-name`: the text fields to join, in order, and the field that receives them. */
export interface FullNameConfig {
  parts: string[];
  target: string;
}

/** The parts that have a value, trimmed and joined by one space; shared by the server hook and the Studio part. */
export function fullName(record: Readonly<RecordValues>, config: FullNameConfig): string {
  return config.parts
    .map((key) => record[key])
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .map((value) => value.trim())
    .join(' ');
}
