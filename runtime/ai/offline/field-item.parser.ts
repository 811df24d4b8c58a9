import type { FieldType } from '@crm/engine';
import { readAnnotations, splitOptions, typeAt, type Annotations } from './annotations';
import type { ParseContext } from './parse-context';
import { Span, type Token } from './span';
import { inferType } from './type-inference';
import { LEADING_FILLER, OPTIONAL_WORDS, REQUIRED_WORDS, UNIQUE_WORDS } from './vocabulary';

/** One field as the prompt describes it, before it becomes a definition field. */
export interface FieldSpec {
  /** The name as written ("fecha de vencimiento del SOAT"). */
  name: Span;
  type: FieldType;
  /** Whether the type was said, not guessed from the name. */
  explicitType: boolean;
  required?: boolean;
  unique?: boolean;
  options?: Span[];
  target?: string;
  currency?: string;
}

const NAMING = ['llamado', 'llamada', 'denominado', 'denominada', 'called', 'named', 'titled'];
const NAMING_PHRASES = [
  ['que', 'se', 'llame'],
  ['con', 'nombre'],
  ['con', 'el', 'nombre'],
];
const FIELD_WORDS = new Set(['campo', 'campos', 'field', 'fields', 'columna', 'columnas', 'column', 'columns', 'dato', 'datos']);
/** Options that follow the name outside parentheses: "Canal con opciones WhatsApp, Teléfono y Correo". */
const OPTION_TAIL = [
  ['con', 'las', 'opciones'],
  ['con', 'opciones'],
  ['con', 'los', 'valores'],
  ['con', 'valores'],
  ['opciones'],
  ['valores'],
  ['que', 'puede', 'ser'],
  ['puede', 'ser'],
  ['with', 'the', 'options'],
  ['with', 'options'],
  ['with', 'values'],
  ['options'],
  ['values'],
  ['one', 'of'],
  ['can', 'be'],
  ['lista', ':'],
  ['list', ':'],
  ['tipo', 'lista', 'con'],
  ['lista', 'con'],
  ['desplegable', 'con'],
  ['dropdown', 'with'],
];
const RELATION_WORDS = new Set(['relacion', 'relacionado', 'relacionada', 'vinculado', 'vinculada', 'asociado', 'asociada', 'related', 'linked', 'relation', 'lookup']);
/** Verbs that start an action the module cannot take, never a field's name. */
const ACTIONS = new Set([
  'send',
  'notify',
  'calculate',
  'print',
  'envia',
  'enviar',
  'envie',
  'manda',
  'mandar',
  'mande',
  'notifica',
  'notificar',
  'calcula',
  'calcular',
  'mostrar',
  'imprime',
  'imprimir',
  'avisa',
  'avisar',
]);
const PICKLIST_WORDS = new Set(['lista', 'desplegable', 'dropdown', 'picklist', 'select', 'list']);

/** "un desplegable Tipo de cliente con Persona y Empresa": the item names a picklist (but "lista de precios" is a name). */
export function startsWithPicklist(tokens: Token[]): boolean {
  const lead = tokens.findIndex((t) => !LEADING_FILLER.includes(t.norm) && !FIELD_WORDS.has(t.norm));
  if (lead < 0 || !PICKLIST_WORDS.has(tokens[lead].norm) || tokens.length <= lead + 1) return false;
  return !['de', 'of', ':'].includes(tokens[lead + 1].norm) || tokens.slice(lead + 3).some((t) => ['con', 'with'].includes(t.norm));
}

const CURRENCY_WORDS = new Set(['dolares', 'dollars', 'pesos', 'euros', 'usd', 'cop', 'eur', 'mxn', 'pen', 'clp', 'ars', 'brl', 'soles']);
const ONLY_TYPE = new Set(['lista', 'lista desplegable', 'desplegable', 'dropdown', 'picklist', 'casilla', 'checkbox', 'seleccion multiple', 'multiselect', 'multi-select']);
/** Little words of a yes / no question left out of its key: "whether the issue was solved" → issue_solved. */
const AUXILIARIES = new Set(['se', 'esta', 'es', 'fue', 'ha', 'sido', 'is', 'was', 'are', 'were', 'been', 'has', 'it', 'its']);
const BOOLEAN_LEAD = new Set(['si', 'whether', 'if']);
const BOOLEAN_FILLER = new Set(['esta', 'es', 'se', 'fue', 'is', 'it', 'its', 'was', 'are', 'still', 'todavia', 'aun', 'actualmente', 'currently', 'el', 'la', 'the']);

function phraseAt(tokens: Token[], index: number, phrases: string[][]): number {
  for (const phrase of phrases) if (phrase.every((w, k) => tokens[index + k]?.norm === w)) return phrase.length;
  return 0;
}

/** Reads "placa (texto, obligatorio)", "un campo obligatorio Canal con opciones A, B y C", "si está vigente". */
export function parseFieldItem(item: Span, context: ParseContext): FieldSpec | undefined {
  let tokens = [...item.tokens];
  // "y que se vea moderno", "so that it looks nice", "send an email to the boss": a wish or an action, not a field.
  const first = tokens[0]?.norm ?? '';
  if ((['que', 'which', 'that', 'so', 'para'].includes(first) && tokens.length > 1) || (ACTIONS.has(first) && tokens.length > 2)) {
    context.miss(item.text);
    return undefined;
  }
  const notes: Annotations[] = [];
  let options: Span[] | undefined;

  // Options after the name, outside parentheses; after a picklist word a bare "con" / "with" opens them too.
  const picklist = startsWithPicklist(tokens);
  for (let i = 1; i < tokens.length; i++) {
    const length = phraseAt(tokens, i, OPTION_TAIL) || (picklist && ['con', 'with'].includes(tokens[i].norm) ? 1 : 0);
    const colon = tokens[i].norm === ':' && splitOptions(new Span(tokens.slice(i + 1))).length >= 2;
    if (length || colon) {
      options = splitOptions(new Span(tokens.slice(i + (length || 1))));
      tokens = tokens.slice(0, i);
      break;
    }
  }
  // Parenthesised annotations.
  const outside: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].norm !== '(') {
      if (tokens[i].norm !== ')') outside.push(tokens[i]);
      continue;
    }
    const close = tokens.findIndex((t, k) => k > i && t.norm === ')');
    const end = close < 0 ? tokens.length : close;
    notes.push(readAnnotations(new Span(tokens.slice(i + 1, end)), context));
    i = end;
  }
  tokens = outside;

  // "un campo de texto llamado Referencia": what comes before the naming word describes the field.
  for (let i = 0; i < tokens.length; i++) {
    const length = NAMING.includes(tokens[i].norm) ? 1 : phraseAt(tokens, i, NAMING_PHRASES);
    if (length) {
      notes.push(readAnnotations(new Span(tokens.slice(0, i)), context));
      tokens = tokens.slice(i + length);
      break;
    }
  }

  let boolean = false;
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i].norm;
    if (norm === 'no' && REQUIRED_WORDS.includes(tokens[i + 1]?.norm ?? '')) {
      notes.push({ required: false, unknown: [] });
      i++;
    } else if (REQUIRED_WORDS.includes(norm)) notes.push({ required: true, unknown: [] });
    else if (OPTIONAL_WORDS.includes(norm)) notes.push({ required: false, unknown: [] });
    else if (UNIQUE_WORDS.includes(norm)) notes.push({ unique: true, unknown: [] });
    else if (norm === '¿' || norm === '?') boolean = true;
    else if (typeAt(tokens, i)?.type === 'boolean' && (typeAt(tokens, i)?.length ?? 0) >= 2) {
      boolean = true;
      i += (typeAt(tokens, i)?.length ?? 1) - 1;
    } else kept.push(tokens[i]);
  }
  tokens = stripFillers(kept);

  // "campo de texto Referencia", "campo tipo fecha Entrega", "date field Delivery".
  const fieldWord = tokens.findIndex((t) => FIELD_WORDS.has(t.norm));
  if (fieldWord >= 0) {
    const before = tokens.slice(0, fieldWord);
    let after = tokens.slice(fieldWord + 1);
    const skipped = after.length;
    while (after[0] && ['de', 'tipo', 'of', 'type'].includes(after[0].norm)) after = after.slice(1);
    const typed = typeAt(after, 0);
    if (before.length && typeAt(before, 0)?.length === before.length && after.length) {
      notes.push(readAnnotations(new Span(before), context));
      tokens = after;
    } else if (!before.length && typed && skipped > after.length && after.length > typed.length) {
      notes.push(readAnnotations(new Span(after.slice(0, typed.length)), context));
      tokens = after.slice(typed.length);
    } else tokens = [...before, ...after];
  }
  tokens = stripFillers(tokens);

  // "valor mensual en dólares", "premium amount in USD".
  const last = tokens.length - 1;
  if (last >= 2 && ['en', 'in'].includes(tokens[last - 1].norm) && CURRENCY_WORDS.has(tokens[last].norm)) {
    notes.push(readAnnotations(new Span(tokens.slice(last)), context));
    tokens = tokens.slice(0, last - 1);
  }
  // "una lista de Segmento", "a dropdown Segment", "una casilla Acepta términos": words that are only ever a type.
  const lead = typeAt(tokens, 0);
  if (
    lead &&
    ONLY_TYPE.has(
      tokens
        .slice(0, lead.length)
        .map((t) => t.norm)
        .join(' '),
    ) &&
    tokens.length > lead.length
  ) {
    notes.push(readAnnotations(new Span(tokens.slice(0, lead.length)), context));
    tokens = tokens.slice(lead.length);
    while (tokens.length > 1 && ['de', 'para', 'of', 'for', 'llamada', 'llamado', 'called'].includes(tokens[0].norm)) tokens = tokens.slice(1);
  }

  // Trailing "de tipo fecha", "tipo número", "como texto", "as a date", ": número".
  for (let i = 1; i < tokens.length; i++) {
    const lead = phraseAt(tokens, i, [['de', 'tipo'], ['tipo'], ['como'], ['as', 'a'], ['as', 'an'], ['as'], ['of', 'type'], [':'], ['en', 'formato']]);
    if (lead && typeAt(tokens, i + lead)) {
      notes.push(readAnnotations(new Span(tokens.slice(i + lead)), context));
      tokens = tokens.slice(0, i);
      break;
    }
  }

  // "si está vigente", "whether it is active", "¿tiene seguro?".
  if (tokens.length > 1 && BOOLEAN_LEAD.has(tokens[0].norm)) {
    boolean = true;
    tokens = tokens.slice(1);
  }
  if (boolean) while (tokens.length > 1 && BOOLEAN_FILLER.has(tokens[0].norm)) tokens = tokens.slice(1);

  // "cliente relacionado con contactos", "una relación con empresas".
  const relation = tokens.findIndex((t, i) => RELATION_WORDS.has(t.norm) && ['con', 'a', 'al', 'to', 'with'].includes(tokens[i + 1]?.norm ?? ''));
  if (relation >= 0) {
    notes.push(readAnnotations(new Span(tokens.slice(relation)), context));
    tokens = tokens.slice(0, relation);
  }
  const merged = mergeNotes(notes);
  for (const unknown of merged.unknown) context.miss(unknown.text);

  if (boolean) tokens = tokens.filter((t, i) => i === 0 || !AUXILIARIES.has(t.norm));
  let name = new Span(stripFillers(tokens));
  if (!name.length && merged.target) {
    const names = context.moduleNames(merged.target);
    if (names) name = new Span([{ text: names.singular[context.language], norm: names.singular[context.language].toLowerCase(), pre: '' }]);
  }
  if (!name.length) {
    if (item.length) context.miss(item.text);
    return undefined;
  }
  let type: FieldType | undefined = merged.type;
  const allOptions = merged.options ?? options;
  if (boolean && !type) type = 'boolean';
  if (!type && allOptions?.length) type = 'select';
  const explicitType = type !== undefined;
  type ??= inferType(name, context.language);
  if (merged.target === null) {
    // "relación" with no module: the name itself may be the module ("contacto (relación)").
    const target = context.resolveModule(name.text);
    if (!target) {
      context.miss(item.text);
      return undefined;
    }
    merged.target = target;
  }
  if ((type === 'select' || type === 'multiSelect') && !allOptions?.length) {
    context.miss(item.text);
    return undefined;
  }
  return {
    name,
    type,
    explicitType,
    ...(merged.required !== undefined && { required: merged.required }),
    ...(merged.unique && { unique: true }),
    ...(allOptions?.length && (type === 'select' || type === 'multiSelect') && { options: allOptions }),
    ...(merged.target && { target: merged.target }),
    ...(merged.currency && { currency: merged.currency }),
  };
}

function mergeNotes(notes: Annotations[]): Annotations {
  const out: Annotations = { unknown: [] };
  for (const note of notes) {
    if (note.type && !(out.type === 'lookup' || (out.type && note.type === 'text' && out.type !== 'text'))) out.type = note.type;
    if (note.required !== undefined) out.required = note.required;
    if (note.unique) out.unique = true;
    if (note.options) out.options = note.options;
    if (note.target !== undefined) out.target = note.target;
    if (note.currency) out.currency = note.currency;
    out.unknown.push(...note.unknown);
  }
  return out;
}

/** Drops articles and fillers at both ends of a name ("el correo" → "correo"). */
export function stripFillers(tokens: Token[]): Token[] {
  let start = 0;
  let end = tokens.length;
  const edge = (t: Token) => LEADING_FILLER.includes(t.norm) || FIELD_WORDS.has(t.norm) || [',', ':', '.', '-', 'de', 'of', 'que', 'sea', 'es', 'is'].includes(t.norm);
  while (start < end && edge(tokens[start])) start++;
  while (end > start && (edge(tokens[end - 1]) || ['y', 'and', 'e'].includes(tokens[end - 1].norm))) end--;
  return tokens.slice(start, end);
}
