import { readAnnotations, splitOptions, typeAt } from './annotations';
import type { DraftBuilder } from './draft.builder';
import { parseFieldList } from './field-list';
import type { ParseContext } from './parse-context';
import type { Span } from './span';
import { OPTIONAL_WORDS, REQUIRED_WORDS, VERBS } from './vocabulary';

/**
 * The sentences the offline assistant understands, tried in order on one clause.
 * Each pattern runs on the folded clause (tokens joined by single spaces) and its
 * named groups come back as spans of the original words.
 */
const alt = (words: string[]) => `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;
const rx = (source: string) => new RegExp(`^${source}$`, 'd');

const REQ = alt(REQUIRED_WORDS);
const OPT = alt([...OPTIONAL_WORDS, 'no obligatorio', 'no obligatoria', 'no requerido', 'not required', 'not mandatory']);
const ART = '(?:el|la|los|las|un|una|the|a|an|su|sus)';
const FIELD = '(?:campo|campos|field|fields|columna|column)';
const WANT = '(?:necesito|necesitamos|quiero|queremos|quisiera|me gustaria|hay que|debemos|vamos a|tenemos que|deseo|deseamos)';
const TRACK_ES = '(?:registrar|llevar(?: el)? (?:control|registro) de|controlar|gestionar|administrar|manejar|guardar|almacenar|tener(?: un)? registro de|hacer seguimiento a)';
const FIELDS_INTRO_ES = '(?:con|with|que tenga|que incluya|que lleve|incluyendo|donde|y que tenga|:)(?: (?:los|las))?(?: siguientes)?(?: (?:campos|datos))?(?: :)?';
const FIELDS_INTRO_EN = '(?:with|con|having|containing|that has|that includes|including|:)(?: (?:the|these|its|their))?(?: following)?(?: fields)?(?: :)?';
const MODULE_ES = '(?:modulo|formulario|tabla|entidad|catalogo|module)';
const CREATE_EN = `${alt(VERBS.create)}|set up|i need|we need|i want|we want|i would like|id like|give me|(?:a )?new`;
const MODULE_EN = '(?:module|form|table|entity|modulo)';

interface Rule {
  pattern: RegExp;
  run: (groups: Record<string, Span | undefined>, builder: DraftBuilder, context: ParseContext) => boolean | void;
}

const fields = (g: Record<string, Span | undefined>, b: DraftBuilder, c: ParseContext) => {
  if (g.fields) for (const spec of parseFieldList(g.fields, c)) b.addField(spec);
};
const createModule: Rule['run'] = (g, b, c) => {
  const name = g.name ?? g.name1 ?? g.name2;
  if (name) b.nameModule(name);
  fields(g, b, c);
};
const requireFields =
  (required: boolean): Rule['run'] =>
  (g, b) =>
    b.setRequired(g.refs as Span, required);

const RULES: Rule[] = [
  // Create a module.
  { pattern: rx(`${alt(VERBS.create)}(?: me)?(?: (?:un|una|el|la|nuevo|nueva))* ${MODULE_ES}(?: (?:nuevo|nueva))? ${FIELDS_INTRO_ES} (?<fields>.+)`), run: createModule },
  {
    pattern: rx(
      `${alt(VERBS.create)}(?: me)?(?: (?:un|una|el|la|nuevo|nueva))* ${MODULE_ES}(?: (?:nuevo|nueva))?(?: (?:de|para|llamado|llamada|denominado|que se llame|con nombre|con el nombre))? (?<name>.+?)(?: ${FIELDS_INTRO_ES} (?<fields>.+))?`,
    ),
    run: createModule,
  },
  { pattern: rx(`${WANT}(?: (?:crear|tener|armar|hacer|un|una))* ${MODULE_ES}(?: (?:de|para))? (?<name>.+?)(?: ${FIELDS_INTRO_ES} (?<fields>.+))?`), run: createModule },
  { pattern: rx(`(?:${WANT} )?${TRACK_ES}(?: (?:los|las|el|la|nuestros|nuestras|mis|unos|unas))? (?<name>.+?)(?: (?:${FIELDS_INTRO_ES}|,) (?<fields>.+))?`), run: createModule },
  { pattern: rx(`(?:${CREATE_EN})(?: me)?(?: (?:a|an|the|new))* ${MODULE_EN} ${FIELDS_INTRO_EN} (?<fields>.+)`), run: createModule },
  {
    pattern: rx(
      `(?:${CREATE_EN})(?: me)?(?: (?:a|an|the|new))*(?: (?<name1>.+?))?? ${MODULE_EN}(?: (?:called|named|for|of|to track|to manage))?(?: (?<name2>.+?))??(?: ${FIELDS_INTRO_EN} (?<fields>.+))?`,
    ),
    run: createModule,
  },
  {
    pattern: rx(
      `(?:(?:i|we) (?:need|want|would like|d like) to )?(?:track|record|register|manage|keep track of|store|log)(?: (?:our|the|my|all|some))? (?<name>.+?)(?: (?:${FIELDS_INTRO_EN}|,) (?<fields>.+))?`,
    ),
    run: createModule,
  },
  // No verb: "módulo de Reservas: ...", "Leads module: ...".
  { pattern: rx(`(?:(?:un|el|nuevo|nueva) )*${MODULE_ES} (?:de|para) (?<name>.+?) ${FIELDS_INTRO_ES} (?<fields>.+)`), run: createModule },
  { pattern: rx(`(?:(?:a|the|new) )*(?<name>[^,()]+?) ${MODULE_EN} ${FIELDS_INTRO_EN} (?<fields>.+)`), run: createModule },
  // Name the module.
  {
    pattern: rx(
      `(?:el ${MODULE_ES} se (?:llama|llamara|debe llamar)|llamalo|llamala|ponle de nombre|ponle por nombre|call it|name it|the ${MODULE_EN} is called|rename the ${MODULE_EN} to|cambia el nombre del ${MODULE_ES} a) (?<name>.+)`,
    ),
    run: (g, b) => b.nameModule(g.name as Span),
  },
  // Options of a picklist.
  {
    pattern: rx(
      `${alt(VERBS.add)}(?: ${ART})? (?:opcion|opciones|option|options|valor|valores|value|values)(?: :)? (?<options>.+?) (?:al campo|a la lista de|a la lista|al|a|en el campo|en|to the|to|in the|in)(?: (?:campo|field|lista|list))? (?<ref>.+?)(?: (?:field|list))?`,
    ),
    run: (g, b) => b.addOptions(g.ref as Span, splitOptions(g.options as Span)),
  },
  {
    pattern: rx(
      `${alt(VERBS.remove)}(?: ${ART})? (?:opcion|opciones|option|options|valor|valores|value|values) (?<options>.+?) (?:del campo|de la lista de|de la lista|del|de|from the|from)(?: (?:campo|field|lista|list))? (?<ref>.+?)(?: (?:field|list))?`,
    ),
    run: (g, b) => b.archiveOptions(g.ref as Span, splitOptions(g.options as Span)),
  },
  {
    pattern: rx(
      `(?:que )?(?:${ART} )?(?:${FIELD} )?(?<ref>.+?) (?:tenga|tiene|tendra|should have|has|must have|should also have|needs)(?: (?:tambien|also|ademas))? (?:la|una|las|the|an|a)? ?(?:opcion|opciones|option|options|valor|value)(?: :)? (?<options>.+?)(?: (?:tambien|too|also))?`,
    ),
    run: (g, b) => b.addOptions(g.ref as Span, splitOptions(g.options as Span)),
  },
  // Rename a field (its key never changes).
  {
    pattern: rx(
      `(?:${alt(VERBS.rename)}|cambia el nombre de|cambiale el nombre a|cambia la etiqueta de|change the name of|change the label of|relabel)(?: ${ART})?(?: ${FIELD})? (?<ref>.+?) (?:a|como|por|to|as) (?<label>.+)`,
    ),
    run: (g, b) => b.rename(g.ref as Span, g.label as Span),
  },
  // Relations.
  {
    pattern: rx(
      `${alt(VERBS.relate)}(?: (?:cada|todos los|todas las|los|las|el|la|un|una|each|every|all|the|a|an))?(?: (?<self>.+?))? (?:con|a|al|with|to) (?:(?:un|una|el|la|los|las|su|sus|a|an|the|its|their|one|uno) )?(?<target>.+?)`,
    ),
    run: relate,
  },
  {
    pattern: rx(
      `(?:que )?(?:cada|each|every) (?<self>.+?) (?:(?:debe estar|esta|should be|is|must be|tiene|has|tenga) )?(?:relacionad[oa]s?|vinculad[oa]s?|asociad[oa]s?|related|linked|associated|pertenece|belongs|(?:un|una|a|an) (?:relacion|relation|lookup)) (?:con|a|al|to|with) (?:(?:un|una|el|la|a|an|the|one) )?(?<target>.+)`,
    ),
    run: relate,
  },
  // Archive, restore.
  {
    pattern: rx(`${alt(VERBS.remove)}(?: ${ART})?(?: ${FIELD})? (?<refs>.+?)(?: ${FIELD})?(?: (?:del|de la|de|from the|from) (?:${MODULE_ES}|${MODULE_EN}).*)?`),
    run: (g, b) => b.archive(g.refs as Span),
  },
  { pattern: rx(`(?:ya )?no (?:necesito|necesitamos|se necesita|usamos|se usa|quiero)(?: mas)?(?: ${ART})?(?: ${FIELD})? (?<refs>.+?)(?: mas)?`), run: (g, b) => b.archive(g.refs as Span) },
  { pattern: rx(`(?:i|we) (?:dont|do not|no longer) (?:need|use|want)(?: the)? (?<refs>.+?)(?: ${FIELD})?(?: anymore)?`), run: (g, b) => b.archive(g.refs as Span) },
  { pattern: rx(`get rid of(?: the)? (?<refs>.+?)(?: ${FIELD})?`), run: (g, b) => b.archive(g.refs as Span) },
  { pattern: rx(`(?:${alt(VERBS.restore)}|bring back|trae de vuelta|vuelve a mostrar)(?: ${ART})?(?: ${FIELD})? (?<refs>.+?)(?: ${FIELD})?`), run: (g, b) => b.restore(g.refs as Span) },
  // Required / optional, verb first.
  {
    pattern: rx(`${alt(VERBS.flag)}(?: que)?(?: (?:como|que sea|que sean|as))? (?<flag>${OPT}|${REQ})(?: (?:a|al|el|la|los|las|the))?(?: ${FIELD})? (?<refs>.+)`),
    run: (g, b) => setFlags(g.refs as Span, !isOptional(g.flag as Span), b),
  },
  {
    pattern: rx(`${alt(VERBS.flag)}(?: que)?(?: ${ART})?(?: ${FIELD})? (?<refs>.+?)(?: ${FIELD})?(?: (?:sea|sean|como|quede|as|be))? (?<flag>${OPT}|${REQ})`),
    run: (g, b) => b.setRequired(g.refs as Span, !isOptional(g.flag as Span)),
  },
  { pattern: rx(`require(?: the)? (?<refs>.+?)(?: ${FIELD})?`), run: requireFields(true) },
  // Change a field's type, verb first.
  {
    pattern: rx(
      `(?:${alt(VERBS.change)})(?: (?:el tipo de|el tipo del|the type of|type of))?(?: ${ART})?(?: ${FIELD})? (?<ref>.+?)(?: ${FIELD})?(?: type)? (?:a|al|en|por|to|into|as|para que sea|a tipo|al tipo|to type)(?: (?:un|una|a|an|tipo|de tipo|type))* (?<type>.+)`,
    ),
    run: retype,
  },
  { pattern: rx(`make(?: the)? (?<ref>.+?) (?:a|an) (?<type>.+)`), run: retype },
  // Add fields.
  {
    pattern: rx(
      `${alt(VERBS.add)}(?: (?:tambien|ademas|also))?(?: (?:el|los|las|la|un|una|unos|unas|a|an|the|some|otro|otra|another|nuevo|nueva|new|dos|tres|two|three))*(?: ${FIELD})?(?: :)? (?<fields>.+?)(?: (?:al|a la|en el|en la|to the|to|in the|in) (?:${MODULE_ES}|${MODULE_EN}).*)?`,
    ),
    run: fields,
  },
  {
    pattern: rx(
      `(?:debe tener|deberia tener|tiene que tener|que tenga|tendra|lleva|debe llevar|los campos son|campos :|it should have|should have|it must have|must have|it has|the fields are|fields :)(?: :)? (?<fields>.+)`,
    ),
    run: fields,
  },
  // Subject first: "teléfono ya no es obligatorio", "el teléfono debe ser obligatorio", "edad debe ser un número".
  {
    pattern: rx(
      `(?:que )?(?:${ART} )?(?:${FIELD} )?(?<refs>.+?)(?: ${FIELD})? (?:ya no (?:es|sea|debe ser)|no (?:es|debe ser|sea)|is no longer|is not|should not be|shouldnt be|no longer)(?: un campo)? ${REQ}(?: (?:anymore|ya|mas))?`,
    ),
    run: requireFields(false),
  },
  {
    pattern: rx(
      `(?:que )?(?:${ART} )?(?:${FIELD} )?(?<refs>.+?)(?: ${FIELD})? (?:sea|sean|es|son|debe ser|deben ser|tiene que ser|pasa a ser|quede|queda|should be|must be|needs to be|has to be|is|are|becomes)(?: (?:ahora|now))?(?: un campo)? (?<flag>${OPT}|${REQ})(?: (?:ahora|now|too|tambien))?`,
    ),
    run: (g, b) => b.setRequired(g.refs as Span, !isOptional(g.flag as Span)),
  },
  {
    pattern: rx(
      `(?:que )?(?:${ART} )?(?:${FIELD} )?(?<ref>.+?)(?: ${FIELD})? (?:debe ser|deberia ser|tiene que ser|sea|pasa a ser|sera|should be|must be|needs to be|has to be)(?: (?:un|una|a|an|de tipo|tipo|type))* (?<type>.+)`,
    ),
    run: retype,
  },
];

/** "haz opcional el nombre y obligatoria la ciudad": a part may bring its own flag. */
function setFlags(refs: Span, required: boolean, b: DraftBuilder): void {
  const parts: Span[] = [];
  let start = 0;
  refs.tokens.forEach((t, i) => {
    const next = refs.tokens[i + 1]?.norm ?? '';
    if ([',', 'y', 'and', 'e'].includes(t.norm) && (REQUIRED_WORDS.includes(next) || OPTIONAL_WORDS.includes(next))) {
      parts.push(refs.slice(start, i));
      start = i + 1;
    }
  });
  parts.push(refs.slice(start));
  parts.forEach((part, i) => {
    const lead = part.tokens[0]?.norm ?? '';
    const own = i > 0 && (REQUIRED_WORDS.includes(lead) || OPTIONAL_WORDS.includes(lead));
    b.setRequired(own ? part.slice(1) : part, own ? REQUIRED_WORDS.includes(lead) : required);
  });
}

function isOptional(flag: Span): boolean {
  return !REQUIRED_WORDS.includes(flag.norm) || flag.norm.startsWith('no ') || flag.norm.startsWith('not ');
}

function relate(g: Record<string, Span | undefined>, b: DraftBuilder, c: ParseContext): boolean {
  const target = g.target as Span;
  const parts = target.norm.split(/ (?:,|y|e|and|&) /);
  if (parts.length > 1) {
    // "con contactos y empresas": one lookup per module.
    const keys = parts.map((p) => c.resolveModule(p));
    if (keys.some((k) => !k)) return false;
    let offset = 0;
    parts.forEach((part, i) => {
      b.relate(keys[i] as string, target.sliceNorm(offset, offset + part.length));
      offset += part.length + 3;
    });
    return true;
  }
  const key = c.resolveModule(target.text);
  if (!key) return false;
  b.relate(key, target);
  return true;
}

function retype(g: Record<string, Span | undefined>, b: DraftBuilder, c: ParseContext): boolean {
  const typeSpan = g.type as Span;
  const notes = readAnnotations(typeSpan, c);
  const first = typeSpan.tokens[0]?.norm ?? '';
  // "cambia el teléfono a obligatorio" changes the flag, not the type.
  if (!notes.type && notes.required !== undefined && !notes.unknown.length) {
    b.setRequired(g.ref as Span, notes.required);
    return true;
  }
  if (!typeAt(typeSpan.tokens, 0) && !['relacion', 'relation', 'lookup', 'lista', 'list'].includes(first)) return false;
  if (notes.unknown.length) return false;
  b.retype(g.ref as Span, notes);
  return true;
}

/** Runs the first rule that matches the clause; a clause no rule reads goes to `notUnderstood`. */
export function readClause(clause: Span, builder: DraftBuilder, context: ParseContext): void {
  for (const rule of RULES) {
    const groups = clause.match(rule.pattern);
    if (!groups) continue;
    const before = context.notUnderstood.length;
    if (rule.run(groups, builder, context) === false) {
      context.notUnderstood.splice(before);
      continue;
    }
    return;
  }
  context.miss(clause.text);
}
