import type { ModuleDefinition } from '@crm/engine';
import { CATALOG_MODULES } from '@crm/modules-catalog';

/**
 * A module written before roles (meta-schema 1.0, when the platform found
 * catalog modules by their keys): when its key is a catalog module's, it takes
 * that module's role and the field and option roles of the fields and options
 * it shares with it, so it keeps the behaviour the platform gave it by key.
 * A module that declares a role of its own is left as it is.
 */
export function withCatalogRoles(module: Record<string, unknown>): Record<string, unknown> {
  const catalog = CATALOG_MODULES.find((m) => m.key === module.key);
  if (!catalog || module.role !== undefined || !Array.isArray(module.fields)) return module;
  const fields = new Map(catalog.fields.map((f) => [f.key, f]));
  const withRoles = (field: Record<string, unknown>) => {
    const known = fields.get(String(field.key));
    if (!known || known.type !== field.type || field.role !== undefined) return field;
    const out: Record<string, unknown> = { ...field, ...(known.role && { role: known.role }) };
    if ((known.type === 'select' || known.type === 'multiSelect') && Array.isArray(field.options)) {
      const roles = new Map(known.options.filter((o) => o.role).map((o) => [o.key, o.role]));
      out.options = (field.options as Record<string, unknown>[]).map((o) => (roles.has(String(o.key)) && o.role === undefined ? { ...o, role: roles.get(String(o.key)) } : o));
    }
    return out;
  };
  return { ...module, ...(catalog.role && { role: catalog.role }), fields: (module.fields as Record<string, unknown>[]).map(withRoles) } satisfies Partial<Record<keyof ModuleDefinition, unknown>>;
}
