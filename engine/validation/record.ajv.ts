import Ajv, { type ErrorObject, type SchemaValidateFunction } from 'ajv';
import type { DataValidateFunction } from 'ajv/dist/types';
import addFormats from 'ajv-formats';
import Decimal from 'decimal.js';
import { PHONE_PATTERN } from '../fields/formatted-text';

/** Digits a numeric(20, s) column holds before the point. */
const INTEGER_DIGITS = 18;

interface DecimalRule {
  scale: number;
  minimum?: number;
  maximum?: number;
}
interface FileRule {
  accept: string[];
  maxSizeMb: number;
}

function refuse(check: DataValidateFunction, keyword: string, params: Record<string, unknown>): false {
  check.errors = [{ keyword, params, message: keyword }];
  return false;
}

/**
 * maxLength counts characters, not UTF-16 units. Ajv's own version counts
 * every string; a string no longer in units than the limit cannot be longer
 * in characters, so only the rare long string pays for the count.
 */
function compileMaxLength(limit: number): DataValidateFunction {
  const check: DataValidateFunction = (data: unknown): boolean => {
    if (typeof data !== 'string' || data.length <= limit) return true;
    let characters = 0;
    for (const _ of data) characters++;
    return characters <= limit || refuse(check, 'maxLength', { limit });
  };
  return check;
}

/**
 * Decimal amounts as numbers or strings. Compiled once per field: one regex
 * bounds the digits before and after the point, so a valid value costs one test.
 */
function compileDecimal(rule: DecimalRule): DataValidateFunction {
  // Scale 0 (whole amounts, e.g. pesos) allows no point at all: `\d{1,0}` is not even a valid regex.
  const fraction = rule.scale > 0 ? `(?:\\.\\d{1,${rule.scale}})?` : '';
  const shape = new RegExp(`^-?\\d{1,${INTEGER_DIGITS}}${fraction}$`);
  const loose = /^-?\d+(?:\.\d+)?$/;
  const check: DataValidateFunction = (data: unknown): boolean => {
    let text: string;
    if (typeof data === 'number') {
      if (!Number.isFinite(data)) return refuse(check, 'x-decimal', { code: 'decimal' });
      text = String(data);
      if (text.includes('e')) text = new Decimal(data).toFixed();
    } else if (typeof data === 'string') {
      text = data;
    } else {
      return true; // the type keyword reports it
    }
    if (!shape.test(text)) {
      if (!loose.test(text)) return refuse(check, 'x-decimal', { code: 'decimal' });
      const whole = text.replace(/^-/, '').split('.')[0];
      if (whole.length > INTEGER_DIGITS) return refuse(check, 'x-decimal', { code: 'maximum', limit: `1e${INTEGER_DIGITS}` });
      return refuse(check, 'x-decimal', { code: 'scale', scale: rule.scale });
    }
    if (rule.minimum !== undefined || rule.maximum !== undefined) {
      const numeric = Number(text);
      if (rule.minimum !== undefined && numeric < rule.minimum) return refuse(check, 'x-decimal', { code: 'minimum', limit: rule.minimum });
      if (rule.maximum !== undefined && numeric > rule.maximum) return refuse(check, 'x-decimal', { code: 'maximum', limit: rule.maximum });
    }
    return true;
  };
  return check;
}

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

export { PHONE_PATTERN };

/** The ajv instance every record validator is compiled with. */
export function createRecordAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, useDefaults: false, coerceTypes: false });
  addFormats(ajv, ['date', 'date-time', 'email', 'uri', 'uuid']);
  return addRecordKeywords(ajv);
}

/**
 * What record schemas need beyond standard JSON Schema: the phone format,
 * maxLength in characters, exact decimals and file rules. The Studio's form
 * validator is extended with the same, so a form refuses what the server would.
 */
export function addRecordKeywords(ajv: Ajv): Ajv {
  ajv.addFormat('phone', PHONE_PATTERN);
  ajv.removeKeyword('maxLength');
  ajv.addKeyword({ keyword: 'maxLength', schemaType: 'number', compile: (limit: number) => compileMaxLength(limit), errors: true });
  ajv.addKeyword({ keyword: 'x-decimal', compile: (rule: DecimalRule) => compileDecimal(rule), errors: true });
  ajv.addKeyword({ keyword: 'x-file', validate: checkFiles, errors: true });
  return ajv;
}
