import Handlebars from 'handlebars';

/**
 * How a template's output is used: `text` (titles, autonumbers) is not escaped,
 * `html` (e-mail bodies) escapes values, `url` (integration links) percent-encodes values.
 */
export type TemplateMode = 'text' | 'html' | 'url';

const hb = Handlebars.create();
const HELPERS = ['seq', 'upper', 'lower', 'date'];

hb.registerHelper('seq', function seq(this: unknown, ...args: unknown[]) {
  const options = args[args.length - 1] as Handlebars.HelperOptions;
  const width = args.length > 1 ? Number(args[0]) : 0;
  const value = (options.data?.root as Record<string, unknown> | undefined)?.$seq ?? 0;
  return String(value).padStart(Number.isFinite(width) ? width : 0, '0');
});
hb.registerHelper('upper', (value: unknown) => (value == null ? '' : String(value).toUpperCase()));
hb.registerHelper('lower', (value: unknown) => (value == null ? '' : String(value).toLowerCase()));
hb.registerHelper('date', function date(...args: unknown[]) {
  const options = args[args.length - 1] as Handlebars.HelperOptions;
  const params = args.slice(0, -1);
  const source = params.length > 0 ? params[0] : (options.data?.root as Record<string, unknown> | undefined)?.$now;
  const pattern = typeof params[1] === 'string' ? params[1] : 'YYYY-MM-DD';
  const when = source instanceof Date ? source : new Date(String(source ?? Date.now()));
  if (Number.isNaN(when.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return pattern
    .replace(/YYYY/g, String(when.getUTCFullYear()))
    .replace(/MM/g, pad(when.getUTCMonth() + 1))
    .replace(/DD/g, pad(when.getUTCDate()));
});

/** The seed's integration links write `{id_customer}`; Handlebars wants `{{id_customer}}`. */
export function normalizeSingleBraces(template: string): string {
  return template.replace(/(^|[^{])\{([A-Za-z_][\w.]*)\}(?!\})/g, '$1{{$2}}');
}

const COMPILE_OPTIONS = { knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])), knownHelpersOnly: true };

const cache = new Map<string, Handlebars.TemplateDelegate>();
const CACHE_LIMIT = 2000;

function compiled(template: string, mode: TemplateMode): Handlebars.TemplateDelegate {
  const cacheKey = `${mode}\u0000${template}`;
  let fn = cache.get(cacheKey);
  if (!fn) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    fn = hb.compile(normalizeSingleBraces(template), { ...COMPILE_OPTIONS, noEscape: mode !== 'html' });
    cache.set(cacheKey, fn);
  }
  return fn;
}

function encodeLeaves(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map(encodeLeaves);
  if (value instanceof Date) return encodeURIComponent(value.toISOString());
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, encodeLeaves(v)]));
  }
  return encodeURIComponent(String(value));
}

export function renderTemplate(template: string, data: Record<string, unknown>, mode: TemplateMode = 'text'): string {
  const input = mode === 'url' ? (encodeLeaves(data) as Record<string, unknown>) : data;
  return compiled(template, mode)(input);
}

/** Renders an autonumber prefix such as `CAS-{{seq 6}}` for sequence number `seq`. */
export function renderAutonumber(prefix: string, seq: number, record: Record<string, unknown> = {}, now = new Date()): string {
  return renderTemplate(prefix, { ...record, $seq: seq, $now: now }, 'text');
}

/** Returns why a template cannot be used, or null when it compiles. */
export function checkTemplate(template: string): string | null {
  try {
    // compile() is lazy; precompile() parses now and rejects unknown helpers.
    hb.precompile(normalizeSingleBraces(template), COMPILE_OPTIONS);
    return null;
  } catch (error) {
    return (error as Error).message.replace(/\s*\n\s*/g, ' ').slice(0, 300);
  }
}
