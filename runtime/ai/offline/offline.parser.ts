import type { ModuleDefinition } from '@crm/engine';
import { splitClauses } from './clauses';
import { DraftBuilder } from './draft.builder';
import { readClause } from './grammar';
import type { Language } from './naming';
import { ParseContext, type ModuleSummary } from './parse-context';
import type { Token } from './span';
import { tokenize } from './tokenizer';

export interface OfflineParse {
  definition: ModuleDefinition;
  language: Language;
  notUnderstood: string[];
}

const SPANISH = new Set([
  'de',
  'del',
  'el',
  'la',
  'los',
  'las',
  'con',
  'un',
  'una',
  'y',
  'que',
  'campo',
  'campos',
  'modulo',
  'crea',
  'agrega',
  'elimina',
  'haz',
  'cambia',
  'necesito',
  'obligatorio',
  'para',
  'por',
  'cada',
  'fecha',
  'numero',
  'si',
  'es',
  'opciones',
  'quita',
  'relaciona',
]);
const ENGLISH = new Set([
  'the',
  'a',
  'an',
  'with',
  'of',
  'and',
  'field',
  'fields',
  'module',
  'create',
  'add',
  'remove',
  'make',
  'change',
  'to',
  'required',
  'for',
  'each',
  'date',
  'number',
  'is',
  'options',
  'need',
  'delete',
  'link',
  'whether',
  'it',
  'called',
]);

/** Spanish unless the prompt reads as English: labels are written in the admin's language first. */
export function detectLanguage(tokens: Token[]): Language {
  let es = 0;
  let en = 0;
  for (const token of tokens) {
    if (SPANISH.has(token.norm)) es++;
    if (ENGLISH.has(token.norm)) en++;
  }
  return en > es ? 'en' : 'es';
}

/**
 * The offline assistant: reads the prompt clause by clause and applies what it
 * understood to `base` (a draft, a stored module, or nothing for a new module).
 * Deterministic: the same prompt on the same base gives the same definition.
 */
export function parsePrompt(prompt: string, base: ModuleDefinition | undefined, existing: boolean, modules: ModuleSummary[]): OfflineParse {
  const tokens = tokenize(prompt);
  const language = detectLanguage(tokens);
  const context = new ParseContext(language, [...modules]);
  const builder = new DraftBuilder(base, existing, context);
  for (const clause of splitClauses(tokens)) readClause(clause, builder, context);
  return { definition: builder.definition, language, notUnderstood: context.notUnderstood };
}
