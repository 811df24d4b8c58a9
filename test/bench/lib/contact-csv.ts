/**
 * The import benchmark's file: contactos from `contactRows` written as the
 * CSV a contact centre exports from another system (Spanish headers that are
 * the catalog's field labels, option labels rather than keys, DD/MM/YYYY
 * dates, `;` between cells, CRLF), streamed to disk chunk by chunk, so the
 * file is never whole in memory.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import contactos from '../../../modules-catalog/contactos.module.json';
import { contactRows, type ContactRow } from './contact-data';

/** The 14 columns of the file: the contact's identity, reachability and origin. */
export const CSV_FIELDS = [
  'nombre',
  'apellido',
  'tipo_documento',
  'documento',
  'fecha_nacimiento',
  'genero',
  'email',
  'telefono',
  'movil',

  'direccion',
  'ciudad',
  'region',
  'lista',
  'origen',
] as const;

interface CatalogField {
  key: string;
  type: string;
  label: { es: string; en: string };
  options?: { key: string; label: { es: string; en: string } }[];
}

const fields = new Map((contactos.fields as CatalogField[]).map((f) => [f.key, f]));
export const CSV_HEADERS = CSV_FIELDS.map((key) => fields.get(key)!.label.es);

const optionLabel = new Map(CSV_FIELDS.flatMap((key) => (fields.get(key)!.options ?? []).map((o) => [`${key}:${o.key}`, o.label.es] as const)));

const quote = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** One contact as the file's cells: option labels for picklists, DD/MM/YYYY for dates, empty for no value. */
export function csvCells(row: ContactRow): string[] {
  return CSV_FIELDS.map((key) => {
    const value = row[key];
    if (value === null || value === undefined) return '';
    const text = String(value);
    if (fields.get(key)!.type === 'date') return `${text.slice(8, 10)}/${text.slice(5, 7)}/${text.slice(0, 4)}`;
    return optionLabel.get(`${key}:${text}`) ?? text;
  });
}

/** Writes `count` contacts (seeded: the same file every run) to `path`; resolves with its size in bytes. */
export async function writeContactCsv(path: string, count: number, chunkRows = 10_000): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${CSV_HEADERS.map(quote).join(';')}\r\n`);
  for (let first = 0; first < count; first += chunkRows) {
    const rows = contactRows(Math.min(chunkRows, count - first), 5_000 + first, first);
    await write(rows.map((row) => `${csvCells(row).map(quote).join(';')}\r\n`).join(''));
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
