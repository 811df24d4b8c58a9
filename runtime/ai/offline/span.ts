/**
 * A prompt as tokens that keep what the admin wrote (`text`, for labels) beside a
 * folded form (`norm`: lowercase, no accents, typos of known words corrected) that
 * the grammar matches. The grammar runs regular expressions over `Span.norm`, where
 * tokens are joined by single spaces, and maps matches back to tokens, so labels
 * keep their accents and capitals ("Año", "SOAT") while matching ignores them.
 */
export interface Token {
  /** As written (or the dictionary spelling when a typo was corrected). */
  text: string;
  /** Folded and corrected; punctuation is itself. */
  norm: string;
  /** Exactly as written, before any typo correction: picklist values are taken as given. */
  raw?: string;
  /** Whitespace before the token in the prompt, to rebuild the original text. */
  pre: string;
}

export class Span {
  readonly norm: string;
  private readonly starts: number[] = [];

  constructor(readonly tokens: Token[]) {
    let offset = 0;
    for (const token of tokens) {
      this.starts.push(offset);
      offset += token.norm.length + 1;
    }
    this.norm = tokens.map((t) => t.norm).join(' ');
  }

  get length(): number {
    return this.tokens.length;
  }

  /** The text as written, typos included (option values are the admin's own words). */
  get rawText(): string {
    return this.tokens
      .map((t, i) => (i ? t.pre : '') + (t.raw ?? t.text))
      .join('')
      .trim();
  }

  /** The original text of the span, with its own spacing. */
  get text(): string {
    return this.tokens
      .map((t, i) => (i ? t.pre : '') + t.text)
      .join('')
      .trim();
  }

  /** Tokens whose folded form lies inside [start, end) of `norm`. */
  sliceNorm(start: number, end: number): Span {
    const picked = this.tokens.filter((t, i) => this.starts[i] >= start && this.starts[i] + t.norm.length <= end);
    return new Span(picked);
  }

  slice(from: number, to = this.tokens.length): Span {
    return new Span(this.tokens.slice(from, to));
  }

  /**
   * Matches `pattern` (which must carry the `d` flag for indices) against the folded
   * text; named groups come back as spans of the original tokens.
   */
  match(pattern: RegExp): Record<string, Span | undefined> | null {
    const found = pattern.exec(this.norm);
    if (!found) return null;
    const out: Record<string, Span | undefined> = {};
    const indices = found.indices?.groups ?? {};
    for (const [name, range] of Object.entries(indices)) {
      out[name] = range ? this.sliceNorm(range[0], range[1]) : undefined;
    }
    return out;
  }

  /** Token positions at which `predicate` holds. */
  indexes(predicate: (token: Token, index: number) => boolean): number[] {
    return this.tokens.flatMap((t, i) => (predicate(t, i) ? [i] : []));
  }
}

/** Lowercase without accents: "Teléfono" → "telefono", "Año" → "ano". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
