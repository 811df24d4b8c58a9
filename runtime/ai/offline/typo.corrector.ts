import { knownWords } from './vocabulary';

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * Common field names one keystroke away from a grammar word ("género" / "genera",
 * "ficha" / "fecha"): they are names, never typos.
 */
const PROTECTED = new Set([
  'genero',
  'gender',
  'ficha',
  'nombre',
  'nombres',
  'modelo',
  'marca',
  'estado',
  'ciudad',
  'cargo',
  'canal',
  'placa',
  'color',
  'talla',
  'pais',
  'region',
  'origen',
  'vende',
  'casa',
  'linea',
  'lineas',
  'listo',
  'lista',
  'notas',
  'nota',
  'tipo',
  'serie',
  'area',
  'sede',
  'cuenta',
  'make',
  'mark',
  'name',
  'names',
  'date',
  'data',
  'dato',
  'datos',
  'plan',
  'fase',
  'cliente',
  'clientes',
  'valores',
  'general',
  'generales',
  'modelo',
  'campana',
  'campanas',
  'opcion',
  'sumar',
  'total',
  'meta',
  'motivo',
  'agente',
  'asesor',
  'correr',
  'pasos',
  'paso',
  'pase',
  'pone',
  'crear',
  'crea',
  'poliza',
  'polizas',
]);

let vocabulary: Map<string, string> | undefined;

const ENDINGS = ['s', 'es', 'os', 'as'];
const inflected = (longer: string, shorter: string) => longer.startsWith(shorter) && ENDINGS.includes(longer.slice(shorter.length));

/**
 * The grammar word a mistyped token stands for, or undefined: only tokens one
 * edit away (two for long words) from exactly one known word, with the same first
 * letter, and not merely its plural or singular.
 */
export function correctTypo(word: string): string | undefined {
  vocabulary ??= knownWords();
  if (word.length < 4 || vocabulary.has(word) || PROTECTED.has(word) || !/^[a-z-]+$/.test(word)) return undefined;
  const limit = word.length >= 9 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of vocabulary.keys()) {
    if (candidate[0] !== word[0] || candidate.length < 5 || (limit === 1 && candidate.length < 6 && word.length < 5)) continue;
    // Another form of the same word ("contactos" / "contact", "precios" / "precio"), not a typo.
    if (inflected(word, candidate) || inflected(candidate, word)) continue;
    const distance = editDistance(word, candidate, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // On a tie the first word wins: vocabulary lists Spanish before English and both spellings lead to the same grammar.
  return best;
}

/** The display spelling (with accents) of a known word. */
export function displayOf(word: string): string {
  vocabulary ??= knownWords();
  return vocabulary.get(word) ?? word;
}
