import type { FieldType } from '@crm/engine';
import type { ParseContext } from './parse-context';
import { Span, type Token } from './span';
import { OPTIONAL_WORDS, REQUIRED_WORDS, TYPE_WORDS, UNIQUE_WORDS } from './vocabulary';

/** What the words around a field's name say about it: "(texto, obligatorio)", "tipo lista: A, B". */
export interface Annotations {
  type?: FieldType;
  required?: boolean;
  unique?: boolean;
  options?: Span[];
  /** Module key of a lookup; `null` when a relation was named without a module. */
  target?: string | null;
  currency?: string;
  /** Words that were none of the above. */
  unknown: Span[];
}

const CURRENCIES: Record<string, string> = {
  usd: 'USD',
  cop: 'COP',
  eur: 'EUR',
  mxn: 'MXN',
  pen: 'PEN',
  clp: 'CLP',
  ars: 'ARS',
  brl: 'BRL',
  dolares: 'USD',
  dollars: 'USD',
  euros: 'EUR',
  pesos: 'COP',
  soles: 'PEN',
};
const SKIP = new Set([
  'tipo',
  'de',
  'type',
  'campo',
  'field',
  'es',
  'un',
  'una',
  'a',
  'an',
  'of',
  'como',
  'as',
  'que',
  'sea',
  'en',
  'is',
  'be',
  'el',
  'la',
  'the',
  'debe',
  'ser',
  'must',
  'should',
  '¿',
  '?',
  ':',
]);
const SEPARATORS = new Set([',', ';', 'y', 'e', 'and', '/', '&', '+']);
const RELATION = new Set([
  'relacion',
  'relacionado',
  'relacionada',
  'lookup',
  'referencia',
  'related',
  'relation',
  'relationship',
  'vinculado',
  'vinculada',
  'vinculo',
  'link',
  'linked',
  'enlazado',
  'asociado',
  'asociada',
]);
const LIST_INTRO = new Set(['lista', 'opciones', 'options', 'valores', 'values', 'list', 'desplegable', 'dropdown', 'picklist', 'seleccion']);

/** The longest type phrase at `index`: its length in tokens and its type. */
export function typeAt(tokens: Token[], index: number): { length: number; type: FieldType } | undefined {
  for (const [phrase, type] of TYPE_WORDS) {
    const words = phrase.split(' ');
    if (words.every((w, k) => tokens[index + k]?.norm === w)) return { length: words.length, type };
  }
  return undefined;
}

/**
 * Reads annotation words left to right. A list word followed by values
 * ("lista: A, B") makes the rest options; two or more unknown parts with no
 * type ("(abierto, cerrado)") are taken as options too.
 */
export function readAnnotations(span: Span, context: ParseContext): Annotations {
  const out: Annotations = { unknown: [] };
  const tokens = span.tokens;
  const chunks: Token[][] = [];
  let chunk: Token[] = [];
  const flush = () => {
    if (chunk.length) chunks.push(chunk);
    chunk = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i].norm;
    const next = tokens[i + 1]?.norm;
    if (norm === 'no' && next && REQUIRED_WORDS.includes(next)) {
      out.required = false;
      i++;
    } else if (REQUIRED_WORDS.includes(norm)) out.required = true;
    else if (OPTIONAL_WORDS.includes(norm)) out.required = false;
    else if (UNIQUE_WORDS.includes(norm)) out.unique = true;
    else if (RELATION.has(norm)) {
      let j = i + 1;
      while (tokens[j] && ['con', 'a', 'al', 'to', 'with', 'de', 'un', 'una', 'the', 'los', 'las', 'el', 'la', 'modulo', 'module', ':'].includes(tokens[j].norm)) j++;
      const rest = new Span(tokens.slice(j)).text;
      out.type = 'lookup';
      out.target = rest ? (context.resolveModule(rest) ?? null) : null;
      if (rest && !out.target) out.unknown.push(new Span(tokens.slice(i)));
      return finish(out, chunks, flush);
    } else if (LIST_INTRO.has(norm) && tokens.slice(i + 1).some((t) => !SKIP.has(t.norm)) && (next === ':' || next === 'de' || next === 'con' || hasSeparator(tokens.slice(i + 1)))) {
      flush();
      out.type = out.type === 'multiSelect' ? 'multiSelect' : 'select';
      out.options = splitOptions(new Span(tokens.slice(i + 1)));
      return finish(out, chunks, flush);
    } else if (CURRENCIES[norm] && (norm.length === 3 || out.type === 'currency' || !typeAt(tokens, i))) {
      out.currency = CURRENCIES[norm];
      out.type = 'currency';
    } else if (typeAt(tokens, i)) {
      const found = typeAt(tokens, i) as { length: number; type: FieldType };
      out.type = found.type;
      if (found.type === 'currency' && CURRENCIES[norm]) out.currency = CURRENCIES[norm];
      i += found.length - 1;
    } else if (SEPARATORS.has(norm)) flush();
    else if (!SKIP.has(norm)) chunk.push(tokens[i]);
  }
  return finish(out, chunks, flush);
}

function finish(out: Annotations, chunks: Token[][], flush: () => void): Annotations {
  flush();
  const spans = chunks.map((c) => new Span(c));
  if (spans.length >= 2 && (out.type === undefined || out.type === 'select' || out.type === 'multiSelect') && !out.options) {
    out.type = out.type ?? 'select';
    out.options = spans;
  } else out.unknown.push(...spans);
  return out;
}

function hasSeparator(tokens: Token[]): boolean {
  return tokens.some((t) => SEPARATORS.has(t.norm) || t.norm === 'o' || t.norm === 'or');
}

/** "WhatsApp, Teléfono y Correo" → three options; "o", "or" and "/" separate too. */
export function splitOptions(span: Span): Span[] {
  const out: Span[] = [];
  let current: Token[] = [];
  const lead = new Set([':', 'las', 'los', 'the', 'de', 'con', 'entre', 'ser', 'with', 'opciones', 'options', 'valores', 'values', 'las opciones']);
  for (const token of span.tokens) {
    if (SEPARATORS.has(token.norm) || token.norm === 'o' || token.norm === 'or' || token.norm === 'u' || token.norm === '|') {
      if (current.length) out.push(new Span(current));
      current = [];
    } else if (!(current.length === 0 && lead.has(token.norm)) && !['.', '(', ')', '¿', '?'].includes(token.norm)) current.push(token);
  }
  if (current.length) out.push(new Span(current));
  return out;
}
