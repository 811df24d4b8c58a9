import { fold, type Token } from './span';
import { correctTypo, displayOf } from './typo.corrector';

const WORD = /[\p{L}\p{N}$%](?:[\p{L}\p{N}_@'’\-.]*[\p{L}\p{N}])?|\r?\n[ \t]*(?:[-*•·]|\d{1,2}[.)])?|[^\s\p{L}\p{N}]/gu;
const QUOTES = new Set(['"', '“', '”', '«', '»', '‘', '’', "'", '`']);
/** Chat shorthand: "d" for "de", "q" for "que". */
const SHORTHAND: Record<string, string> = { d: 'de', q: 'que', k: 'que', tb: 'tambien', tmb: 'tambien', xfa: 'porfa', pls: 'please', plz: 'please' };
const BULLET_LINE = /\n[ \t]*(?:[-*•·]|\d{1,2}[.)])$/;

/**
 * Splits a prompt into tokens. A new line that starts a bullet ("- placa") is a list
 * comma; any other line break ends a sentence. Quotes are dropped (their words stay),
 * "customer's" folds to "customer", and mistyped grammar words are corrected.
 */
export function tokenize(prompt: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const found of prompt.matchAll(WORD)) {
    const raw = found[0];
    const pre = prompt.slice(last, found.index);
    last = (found.index ?? 0) + raw.length;
    if (QUOTES.has(raw)) continue;
    if (raw.includes('\n')) {
      const bullet = BULLET_LINE.test(raw);
      const previous = tokens[tokens.length - 1];
      // A list right after "con:" needs no comma; two breaks in a row make one.
      if (!previous || ['.', ','].includes(previous.norm) || (bullet && previous.norm === ':')) continue;
      tokens.push({ text: bullet ? ',' : '.', norm: bullet ? ',' : '.', pre });
      continue;
    }
    const written = raw.replace(/[’']s$/i, '');
    let text = written;
    let norm = fold(text).replace(/[’']/g, '');
    if (/^[a-z]+\.$/.test(norm)) norm = norm.slice(0, -1); // "etc." style endings
    const corrected = correctTypo(norm);
    if (corrected) {
      const display = displayOf(corrected);
      text = text[0] === text[0].toUpperCase() ? display[0].toUpperCase() + display.slice(1) : display;
      norm = corrected;
    }
    tokens.push({ text, norm, pre, ...(corrected && { raw: written }) });
  }
  // Shorthand only between two words: "módulo d inmuebles", never the option "D" of "A, B, C y D".
  const word = (t?: Token) => Boolean(t && /^[a-z]/.test(t.norm));
  tokens.forEach((t, i) => {
    if (SHORTHAND[t.norm] && (t.norm.length > 1 || (word(tokens[i - 1]) && word(tokens[i + 1]) && !['y', 'o', 'e', 'u'].includes(tokens[i - 1].norm)))) t.norm = SHORTHAND[t.norm];
  });
  return tokens;
}
