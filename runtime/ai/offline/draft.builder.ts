import type { ModuleDefinition, ModuleField, PicklistOption } from '@crm/engine';
import type { Annotations } from './annotations';
import type { FieldSpec } from './field-item.parser';
import { labelFrom, moduleNames, toKey } from './naming';
import type { ParseContext } from './parse-context';
import { fold, Span } from './span';
import { editDistance } from './typo.corrector';

const DEFAULT_CURRENCY = 'COP';
const DEFAULT_ACCEPT = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx'];
const ICONS: [RegExp, string][] = [
  [/vehic|auto|carro|car|moto/, 'car'],
  [/garant|warrant|segur|insur|poliz|polic/, 'shield'],
  [/contact|client|customer|person|pacient|patient/, 'user'],
  [/product|inventar|stock/, 'package'],
  [/pedid|orden|order|venta|sale/, 'shopping-cart'],
  [/factur|invoice|pago|payment/, 'file-text'],
  [/cita|evento|event|appoint|reserv/, 'calendar'],
  [/ticket|caso|case|quej|reclam|complaint|claim/, 'life-buoy'],
];
const REF_NOISE = new Set([
  'el',
  'la',
  'los',
  'las',
  'the',
  'campo',
  'campos',
  'field',
  'fields',
  'de',
  'del',
  'of',
  'a',
  'an',
  'su',
  'its',
  'modulo',
  'module',
  'anymore',
  'mas',
  'ya',
  'now',
  'ahora',
]);

/** A fresh module when the prompt names none: the admin gives names at "Crear formulario". */
const PLACEHOLDER: ModuleDefinition = {
  key: 'registros',
  version: 1,
  names: { singular: { es: 'Registro', en: 'Record' }, plural: { es: 'Registros', en: 'Records' } },
  icon: 'folder',
  fields: [],
};

/** Applies what the grammar read to a working copy of the definition. */
export class DraftBuilder {
  readonly definition: ModuleDefinition;

  constructor(
    base: ModuleDefinition | undefined,
    /** True when `base` is a stored module: its key and names stay. */
    private readonly existing: boolean,
    private readonly context: ParseContext,
  ) {
    this.definition = structuredClone(base ?? PLACEHOLDER);
  }

  nameModule(name: Span): void {
    if (this.existing) {
      this.context.miss(name.text);
      return;
    }
    const language = this.context.language;
    const names = moduleNames(name.text, language);
    this.definition.names = names;
    // The key follows the admin's own word ("Vehículos" → vehiculos, "Training" → training).
    this.definition.key = toKey(fold(name.tokens.map((t) => t.norm).join(' ')), { fallback: 'modulo' });
    const folded = fold(names.plural.es + ' ' + names.plural.en);
    this.definition.icon = ICONS.find(([pattern]) => pattern.test(folded))?.[1] ?? 'folder';
    this.context.addModule({ key: this.definition.key, names });
  }

  addField(spec: FieldSpec): void {
    const key = toKey(spec.name.tokens.map((t) => t.norm).join(' '));
    const existing = this.definition.fields.find((f) => f.key === key);
    const field = this.buildField(spec, key, existing);
    if (existing) {
      this.definition.fields[this.definition.fields.indexOf(existing)] = field;
      return;
    }
    this.definition.fields.push(field);
  }

  private buildField(spec: FieldSpec, key: string, existing: ModuleField | undefined): ModuleField {
    const language = this.context.language;
    const label = existing?.label ?? labelFrom(spec.name.text, language);
    const type = existing && !spec.explicitType ? existing.type : spec.type;
    const base: Record<string, unknown> = { key, type, label };
    const required = spec.required ?? existing?.required;
    if (required) base.required = true;
    if (spec.unique) base.unique = true;
    switch (type) {
      case 'currency':
        base.currency = spec.currency ?? DEFAULT_CURRENCY;
        break;
      case 'select':
      case 'multiSelect':
        base.options = this.options(spec.options ?? [], existing);
        break;
      case 'lookup':
        base.target = spec.target ?? (existing?.type === 'lookup' ? existing.target : undefined);
        break;
      case 'file':
        base.accept = DEFAULT_ACCEPT;
        break;
      default:
        break;
    }
    return base as unknown as ModuleField;
  }

  private options(spans: Span[], existing?: ModuleField): PicklistOption[] {
    const out: PicklistOption[] = existing && 'options' in existing ? structuredClone(existing.options) : [];
    for (const span of spans) {
      let key = toKey(span.rawText, { keepConnectors: true, fallback: 'opcion' });
      const known = out.find((o) => o.key === key);
      if (known) {
        delete known.archived;
        continue;
      }
      for (let n = 2; out.some((o) => o.key === key); n++) key = `${key}_${n}`;
      out.push({ key, label: labelFrom(span.rawText, this.context.language) });
    }
    return out;
  }

  /** The field these words name: by key, by label in either language, then by a close spelling. */
  findField(ref: Span, includeArchived = false): ModuleField | undefined {
    const words = ref.tokens.map((t) => t.norm).filter((w) => !REF_NOISE.has(w) && /[a-z0-9]/.test(w));
    if (!words.length) return undefined;
    const wanted = toKey(words.join(' '));
    const fields = this.definition.fields.filter((f) => includeArchived || !f.archived);
    const forms = (f: ModuleField) => [f.key, toKey(fold(f.label.es)), toKey(fold(f.label.en))];
    const singular = wanted.replace(/e?s$/, '');
    const exact = fields.find((f) => forms(f).includes(wanted)) ?? fields.find((f) => forms(f).some((form) => form.replace(/e?s$/, '') === singular));
    if (exact) return exact;
    const partial = fields.filter((f) => forms(f).some((form) => form.split('_').includes(wanted) || form.startsWith(`${wanted}_`)));
    if (partial.length === 1) return partial[0];
    const close = fields.filter((f) => forms(f).some((form) => editDistance(form, wanted, 2) <= (wanted.length >= 8 ? 2 : 1)));
    return close.length === 1 ? close[0] : undefined;
  }

  /** Refs like "teléfono y correo": the whole text first (a name may hold "y"), then each part. */
  findFields(refs: Span, includeArchived = false): ModuleField[] {
    const whole = this.findField(refs, includeArchived);
    if (whole) return [whole];
    const out: ModuleField[] = [];
    let part: Span['tokens'] = [];
    const flush = () => {
      if (!part.length) return;
      const span = new Span(part);
      const found = this.findField(span, includeArchived);
      if (found) out.push(found);
      else this.context.miss(span.text);
      part = [];
    };
    for (const token of refs.tokens) {
      if ([',', 'y', 'e', 'and', '&'].includes(token.norm)) flush();
      else part.push(token);
    }
    flush();
    return out;
  }

  archive(refs: Span): void {
    for (const field of this.findFields(refs)) field.archived = true;
  }

  restore(refs: Span): void {
    for (const field of this.findFields(refs, true)) delete field.archived;
  }

  setRequired(refs: Span, required: boolean): void {
    for (const field of this.findFields(refs)) {
      if (required) field.required = true;
      else delete field.required;
    }
  }

  rename(ref: Span, label: Span): void {
    const field = this.findField(ref);
    if (!field) return this.context.miss(ref.text);
    field.label = labelFrom(label.text, this.context.language);
  }

  /** A new type keeps the key, label and required flag; the type brings its own options. */
  retype(ref: Span, notes: Annotations): void {
    const field = this.findField(ref);
    if (!field || !notes.type) return this.context.miss(ref.text);
    const spec: FieldSpec = {
      name: ref,
      type: notes.type,
      explicitType: true,
      required: notes.required ?? field.required,
      ...(notes.options && { options: notes.options }),
      ...(notes.target && { target: notes.target }),
      ...(notes.currency && { currency: notes.currency }),
    };
    if ((notes.type === 'select' || notes.type === 'multiSelect') && !notes.options?.length && !('options' in field)) return this.context.miss(ref.text);
    if (notes.type === 'lookup' && !notes.target) return this.context.miss(ref.text);
    const index = this.definition.fields.indexOf(field);
    this.definition.fields[index] = { ...this.buildField(spec, field.key, field.type === notes.type ? field : ({ ...field, type: notes.type } as ModuleField)), label: field.label };
  }

  addOptions(ref: Span, options: Span[]): void {
    const field = this.findField(ref);
    if (!field || !('options' in field)) return this.context.miss(ref.text);
    field.options = this.options(options, field);
  }

  /** "quita la opción X": options are archived, like fields, so records that use them keep their value. */
  archiveOptions(ref: Span, options: Span[]): void {
    const field = this.findField(ref);
    if (!field || !('options' in field)) return this.context.miss(ref.text);
    for (const span of options) {
      const key = toKey(span.tokens.map((t) => t.norm).join(' '), { keepConnectors: true });
      const option = field.options.find((o) => o.key === key || fold(o.label.es) === fold(span.text) || fold(o.label.en) === fold(span.text));
      if (option) option.archived = true;
      else this.context.miss(span.text);
    }
  }

  /** "relaciona cada garantía con un contacto": a lookup named after the module pointed to. */
  relate(target: string, word: Span): void {
    const names = this.context.moduleNames(target);
    const language = this.context.language;
    const written = word.text.replace(/^(un|una|el|la|los|las|a|an|the|su|sus)\s+/i, '');
    const singular = names?.singular[language] ?? written;
    const key = toKey(fold(singular));
    if (this.definition.fields.some((f) => f.key === key && f.type === 'lookup')) return;
    this.definition.fields.push({ key: this.definition.fields.some((f) => f.key === key) ? `${key}_rel` : key, type: 'lookup', target, label: names?.singular ?? labelFrom(written, language) });
  }
}
