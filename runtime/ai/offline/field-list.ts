import { parseFieldItem, startsWithPicklist, type FieldSpec } from './field-item.parser';
import type { ParseContext } from './parse-context';
import { Span, type Token } from './span';
import { OPTIONAL_WORDS, REQUIRED_WORDS } from './vocabulary';

const FLAG_FILLER = new Set(['de', 'caracter', 'es', 'que', 'sea', 'debe', 'ser', 'campo', 'no', 'is', 'it', 'must', 'be', 'should', 'also', 'tambien', 'el', 'the', 'y', 'and', '.']);

const SEPARATORS = new Set([',', ';', 'y', 'e', 'and', '&', '+']);
/** Names that hold a separator word: "fecha y hora", "términos y condiciones". */
const JOINED = [
  ['fecha', 'hora'],
  ['date', 'time'],
  ['terminos', 'condiciones'],
  ['terms', 'conditions'],
  ['si', 'no'],
  ['yes', 'no'],
];
/** Once options start outside parentheses they run to the end of the list, unless a later part has its own parentheses. */
const OPTION_START = new Set(['opciones', 'options', 'valores', 'values', ':']);
const ALL_REQUIRED = new Set(['todos', 'todas', 'all', 'son', 'of', 'them', 'are', 'los', 'campos', 'fields', 'deben', 'ser', 'must', 'be', 'should']);

/**
 * Splits "placa (texto, obligatorio), marca (lista: A, B) y año (número)" into one
 * part per field: commas and "y"/"and" split only outside parentheses and outside
 * an option list. A closing "todos obligatorios" / "all required" applies to every field.
 */
export function parseFieldList(span: Span, context: ParseContext): FieldSpec[] {
  const items = splitItems(span.tokens);
  let allRequired = false;
  const specs: FieldSpec[] = [];
  for (const item of items) {
    const words = item.map((t) => t.norm);
    if (words.some((w) => REQUIRED_WORDS.includes(w)) && words.every((w) => ALL_REQUIRED.has(w) || REQUIRED_WORDS.includes(w)) && words.length > 1) {
      allRequired = true;
      continue;
    }
    // ", de carácter obligatorio" / ", required" after a field: its flag, not a field.
    const flagOnly = words.every((w) => FLAG_FILLER.has(w) || REQUIRED_WORDS.includes(w) || OPTIONAL_WORDS.includes(w));
    if (flagOnly && specs.length && words.some((w) => !FLAG_FILLER.has(w))) {
      specs[specs.length - 1].required = words.some((w) => REQUIRED_WORDS.includes(w)) && !words.includes('no');
      continue;
    }
    const spec = parseFieldItem(new Span(item), context);
    if (spec) specs.push(spec);
  }
  if (allRequired) for (const spec of specs) spec.required ??= true;
  return specs;
}

function splitItems(tokens: Token[]): Token[][] {
  const items: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  let inOptions = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.norm === '(') depth++;
    if (token.norm === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && current.length && (OPTION_START.has(token.norm) || (['con', 'with'].includes(token.norm) && startsWithPicklist(current)))) inOptions = true;
    const separator = depth === 0 && SEPARATORS.has(token.norm) && !joined(tokens, i);
    if (separator && inOptions && !nextPartHasParens(tokens, i + 1)) {
      current.push(token);
      continue;
    }
    if (separator) {
      if (current.length) items.push(current);
      current = [];
      inOptions = false;
      continue;
    }
    current.push(token);
  }
  if (current.length) items.push(current);
  return items;
}

function joined(tokens: Token[], index: number): boolean {
  return JOINED.some(([a, b]) => tokens[index - 1]?.norm === a && tokens[index + 1]?.norm === b);
}

function nextPartHasParens(tokens: Token[], from: number): boolean {
  for (let i = from; i < tokens.length; i++) {
    if (tokens[i].norm === '(') return true;
    if (SEPARATORS.has(tokens[i].norm)) return false;
  }
  return false;
}
