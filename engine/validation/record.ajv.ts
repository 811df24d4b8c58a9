import Ajv, { type ErrorObject, type SchemaValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import Decimal from 'decimal.js';

/** Digits a numeric(20, s) column holds before the point. */
const INTEGER_DIGITS = 18;
const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

interface DecimalRule {
  scale: number;
  minimum?: number;
  maximum?: number;
}
interface FileRule {
  accept: string[];
  maxSizeMb: number;
}

function decimalPlaces(data: number | string): number {
  const text = typeof data === 'number' ? String(data) : data;
  if (/e/i.test(text)) return new Decimal(text).decimalPlaces();
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

const checkDecimal: SchemaValidateFunction = function (rule: DecimalRule, data: unknown): boolean {
  const fail = (params: Record<string, unknown>) => {
    checkDecimal.errors = [{ keyword: 'x-decimal', params, message: String(params.code) }];
    return false;
  };
  if (typeof data === 'string' && !DECIMAL_STRING.test(data)) return fail({ code: 'decimal' });
  if (typeof data === 'number' && !Number.isFinite(data)) return fail({ code: 'decimal' });
  const value = data as number | string;
  const integerDigits = String(value).replace(/^-/, '').split('.')[0].length;
  if (typeof value === 'string' && integerDigits > INTEGER_DIGITS) return fail({ code: 'maximum', limit: `1e${INTEGER_DIGITS}` });
  if (decimalPlaces(value) > rule.scale) return fail({ code: 'scale', scale: rule.scale });
  const numeric = Number(value);
  if (rule.minimum !== undefined && numeric < rule.minimum) return fail({ code: 'minimum', limit: rule.minimum });
  if (rule.maximum !== undefined && numeric > rule.maximum) return fail({ code: 'maximum', limit: rule.maximum });
  return true;
};

const checkFiles: SchemaValidateFunction = function (rule: FileRule, data: unknown): boolean {
  if (!Array.isArray(data)) return true;
  const errors: Partial<ErrorObject>[] = [];
  data.forEach((file, index) => {
    const name = typeof file?.name === 'string' ? file.name : '';
    const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
    if (!rule.accept.includes(extension)) {
      errors.push({ keyword: 'x-file', params: { code: 'fileType', index, accept: rule.accept.join(', ') }, message: 'fileType' });
    }
    if (typeof file?.size === 'number' && file.size > rule.maxSizeMb * 1024 * 1024) {
      errors.push({ keyword: 'x-file', params: { code: 'fileSize', index, limit: rule.maxSizeMb }, message: 'fileSize' });
    }
  });
  checkFiles.errors = errors;
  return errors.length === 0;
};

/** Phone numbers as agents type them: digits with spaces, dashes, dots, parentheses and an optional leading +. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ().-]{4,24}$/;

/** The ajv instance every record validator is compiled with. */
export function createRecordAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, useDefaults: false, coerceTypes: false });
  addFormats(ajv, ['date', 'date-time', 'email', 'uri', 'uuid']);
  ajv.addFormat('phone', PHONE_PATTERN);
  ajv.addKeyword({ keyword: 'x-decimal', validate: checkDecimal, errors: true });
  ajv.addKeyword({ keyword: 'x-file', validate: checkFiles, errors: true });
  return ajv;
}
