import type { ModuleDefinition, ModuleField, ModuleSection } from '@crm/engine';

/**
 * The designer's edits of its working copy, as pure functions: each returns a
 * new definition, so React sees the change and the diff against the stored
 * version is always recomputed from scratch.
 */
type Def = ModuleDefinition;

export function replaceField(def: Def, key: string, field: ModuleField): Def {
  return { ...def, fields: def.fields.map((f) => (f.key === key ? field : f)) };
}

/** Adds a field at the end, and to a section when given. */
export function addField(def: Def, field: ModuleField, section?: string): Def {
  const next = { ...def, fields: [...def.fields, field] };
  return section ? setFieldSection(next, field.key, section) : next;
}

/** Moves a field among the active ones (archived fields keep their place at the end of the order). */
export function moveField(def: Def, key: string, delta: -1 | 1): Def {
  const fields = [...def.fields];
  const active = fields.filter((f) => !f.archived);
  const at = active.findIndex((f) => f.key === key);
  const other = active[at + delta];
  if (at < 0 || !other) return def;
  const i = fields.findIndex((f) => f.key === key);
  const j = fields.findIndex((f) => f.key === other.key);
  [fields[i], fields[j]] = [fields[j], fields[i]];
  // Inside a section the form follows the section's own order: keep both in step.
  const sections = def.sections?.map((s) => ({ ...s, fields: fields.filter((f) => s.fields.includes(f.key)).map((f) => f.key) }));
  return { ...def, fields, ...(sections && { sections }) };
}

/**
 * Archiving a stored field keeps it (and its data) for a later restore; a field
 * that was never applied simply goes, since nothing was stored for it.
 */
export function archiveField(def: Def, key: string, stored: Def | null): Def {
  const applied = stored?.fields.some((f) => f.key === key) ?? false;
  if (!applied) {
    const sections = def.sections?.map((s) => ({ ...s, fields: s.fields.filter((k) => k !== key) }));
    return { ...def, fields: def.fields.filter((f) => f.key !== key), ...(sections && { sections }) };
  }
  return { ...def, fields: def.fields.map((f) => (f.key === key ? ({ ...f, archived: true } as ModuleField) : f)) };
}

export function restoreField(def: Def, key: string): Def {
  return {
    ...def,
    fields: def.fields.map((f) => {
      if (f.key !== key) return f;
      const { archived: _archived, ...rest } = f;
      return rest as ModuleField;
    }),
  };
}

export function sectionOf(def: Def, key: string): string | null {
  return def.sections?.find((s) => s.fields.includes(key))?.key ?? null;
}

/** Moves a field into a section (at its end), or out of every section. */
export function setFieldSection(def: Def, key: string, section: string | null): Def {
  if (!def.sections) return def;
  return {
    ...def,
    sections: def.sections.map((s) => {
      const without = s.fields.filter((k) => k !== key);
      return s.key === section ? { ...s, fields: [...without, key] } : { ...s, fields: without };
    }),
  };
}

export function updateSections(def: Def, sections: ModuleSection[]): Def {
  if (sections.length) return { ...def, sections };
  const { sections: _sections, ...rest } = def;
  return rest;
}
