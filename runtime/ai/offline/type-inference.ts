import type { FieldType } from '@crm/engine';
import type { Language } from './naming';
import type { Span } from './span';
import { COUNTABLE, NAME_HINTS } from './vocabulary';

const NUMBER = new Set(['numero', 'number', 'nro', 'num']);
const PHONE = new Set(['telefono', 'celular', 'movil', 'phone', 'mobile', 'cell', 'whatsapp', 'tel', 'fax']);

/**
 * The type a field's name suggests when the prompt did not say it: "fecha de
 * compra" → date, "correo del cliente" → email, "número de serie" → text (it
 * identifies), "número de hijos" → integer (it counts). The head noun decides:
 * Spanish names are read from the left, English ones from the right.
 */
export function inferType(name: Span, language: Language): FieldType {
  const words = name.tokens.map((t) => t.norm).filter((w) => /[a-z0-9]/.test(w));
  const order = language === 'es' ? words.map((_, i) => i) : words.map((_, i) => words.length - 1 - i);
  for (const i of order) {
    const word = words[i];
    if (NUMBER.has(word)) return numberType(words, i);
    const hint = NAME_HINTS[word];
    if (hint) return hint === 'date' && words[i + 1] === 'y' && words[i + 2] === 'hora' ? 'datetime' : hint;
  }
  return 'text';
}

/** "número de X" / "number of X" count when X is countable; "X number" / "número de X" otherwise identify. */
function numberType(words: string[], index: number): FieldType {
  const rest = words.slice(index + 1).filter((w) => !['de', 'of', 'del', 'la', 'el', 'the'].includes(w));
  const before = words.slice(0, index);
  if ([...rest, ...before].some((w) => PHONE.has(w))) return 'phone';
  if (words[index + 1] === 'of') return 'integer';
  // Spanish counts plurals ("número de habitaciones") and identifies with singulars ("número de serie").
  if (rest.length && (COUNTABLE.includes(rest[0]) || (words[index] === 'numero' && /[^s]s$/.test(rest[0]) && rest[0].length > 3))) return 'integer';
  if (!rest.length && !before.length) return 'integer';
  return 'text';
}
