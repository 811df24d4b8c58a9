import { Span, type Token } from './span';
import { FILLER_PHRASES, VERBS } from './vocabulary';

/** Verbs that start a new instruction after "y", "and" or a comma ("agrega placa y elimina notas"). */
const SPLIT_VERBS = new Set([
  ...VERBS.create.filter((v) => !['make', 'build', 'setup', 'arma'].includes(v)),
  ...VERBS.add.filter((v) => !['put', 'suma', 'include', 'insert', 'append', 'mete'].includes(v)),
  ...VERBS.remove.filter((v) => !['drop', 'saca', 'archive'].includes(v)),
  ...VERBS.restore,
  ...VERBS.rename,
  ...VERBS.relate.filter((v) => v !== 'link'),
  ...VERBS.change.filter((v) => !['pasa', 'set', 'turn', 'switch'].includes(v)),
  'haz',
  'hacer',
  'vuelve',
  'deja',
  'pon',
  'establece',
  'make',
  'mark',
]);
const JOINERS = new Set([',', 'y', 'e', 'and', 'luego', 'then', 'tambien', 'ademas', 'also', 'despues']);
const ENDS = new Set(['.', ';', '!', '¡']);
const FILLERS = [...FILLER_PHRASES].map((p) => p.split(' ')).sort((a, b) => b.length - a.length);

/**
 * Splits a prompt into instructions: at sentence ends, and before a verb that
 * follows "y" / "and" / a comma outside parentheses. Politeness is dropped.
 */
export function splitClauses(tokens: Token[]): Span[] {
  const clauses: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.norm === '(') depth++;
    if (token.norm === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && ENDS.has(token.norm)) {
      clauses.push(current);
      current = [];
      continue;
    }
    if (depth === 0 && JOINERS.has(token.norm) && (startsInstruction(tokens, i + 1) || (token.norm === ',' && startsStatement(tokens, i + 1)))) {
      clauses.push(current);
      current = [];
      continue;
    }
    current.push(token);
  }
  clauses.push(current);
  return clauses
    .map((c) => trim(dropPoliteness(c)))
    .filter((c) => c.length)
    .map((c) => new Span(c));
}

function startsInstruction(tokens: Token[], from: number): boolean {
  let i = from;
  while (tokens[i] && JOINERS.has(tokens[i].norm)) i++;
  const verb = tokens[i];
  const next = tokens[i + 1];
  return Boolean(verb && SPLIT_VERBS.has(verb.norm) && next && ![',', ')', '(', 'y', 'and', '.'].includes(next.norm));
}

/** Words that make a part a sentence of its own: ", y el teléfono debe ser opcional", ", and the phone should be optional". */
const PREDICATES = new Set(['should', 'must', 'debe', 'deberia', 'deben', 'needs', 'sea', 'sean']);

function startsStatement(tokens: Token[], from: number): boolean {
  let i = from;
  while (tokens[i] && JOINERS.has(tokens[i].norm)) i++;
  if (i === from) return false;
  for (; i < tokens.length && ![',', '.', ';', '('].includes(tokens[i].norm); i++) if (PREDICATES.has(tokens[i].norm)) return true;
  return false;
}

/** "por favor" and "please" say nothing wherever they are. */
function dropPoliteness(tokens: Token[]): Token[] {
  return tokens.filter(
    (t, i) => !(t.norm === 'please' || t.norm === 'porfa' || t.norm === 'kindly' || (t.norm === 'por' && tokens[i + 1]?.norm === 'favor') || (t.norm === 'favor' && tokens[i - 1]?.norm === 'por')),
  );
}

function trim(tokens: Token[]): Token[] {
  let out = tokens;
  for (let changed = true; changed;) {
    changed = false;
    while (out.length && (JOINERS.has(out[0].norm) || ['¡', '-', ':'].includes(out[0].norm))) {
      out = out.slice(1);
      changed = true;
    }
    for (const phrase of FILLERS) {
      if (phrase.every((w, k) => out[k]?.norm === w)) {
        out = out.slice(phrase.length);
        while (out.length && out[0].norm === ',') out = out.slice(1);
        changed = true;
      }
      const end = out.length - phrase.length;
      if (end > 0 && phrase.every((w, k) => out[end + k]?.norm === w)) {
        out = out.slice(0, end);
        while (out.length && out[out.length - 1].norm === ',') out = out.slice(0, -1);
        changed = true;
      }
    }
  }
  return out;
}
