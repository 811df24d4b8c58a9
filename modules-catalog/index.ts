import type { ModuleDefinition } from '@crm/engine';
import actividades from './actividades.module.json';
import casos from './casos.module.json';
import cobranza from './cobranza.module.json';
import contactos from './contactos.module.json';
import cotizaciones from './cotizaciones.module.json';
import empresas from './empresas.module.json';
import gestiones from './gestiones.module.json';
import oportunidades from './oportunidades.module.json';
import paneles from './paneles.module.json';
import posibles_clientes from './posibles_clientes.module.json';
import preguntas_frecuentes from './preguntas_frecuentes.module.json';
import previsiones from './previsiones.module.json';
import productos from './productos.module.json';
import proyectos from './proyectos.module.json';
import reportes from './reportes.module.json';

/** JSON imports are typed by their shape (`type: string`); catalog.spec.ts validates each against the meta-schema. */
const definition = (json: unknown): ModuleDefinition => deepFreeze(json as ModuleDefinition);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The default modules of an operation, in menu order: the customer (contacts,
 * companies), service (cases, interactions, activities, collections), sales
 * (leads → opportunities → quotes, products, forecasts), projects and
 * knowledge, then reports and dashboards.
 *
 * The definitions are shared and frozen: use `catalogModule(key)` for a copy to edit.
 */
export const CATALOG_MODULES: ModuleDefinition[] = Object.freeze([
  definition(contactos),
  definition(empresas),
  definition(casos),
  definition(gestiones),
  definition(actividades),
  definition(cobranza),
  definition(posibles_clientes),
  definition(oportunidades),
  definition(cotizaciones),
  definition(productos),
  definition(previsiones),
  definition(proyectos),
  definition(preguntas_frecuentes),
  definition(reportes),
  definition(paneles),
]) as ModuleDefinition[];

const BY_KEY: ReadonlyMap<string, ModuleDefinition> = new Map(CATALOG_MODULES.map((m) => [m.key, m]));

/** Keys of the catalog modules, in menu order. */
export const CATALOG_MODULE_KEYS: readonly string[] = Object.freeze(CATALOG_MODULES.map((m) => m.key));

/** A catalog module's definition, as a fresh copy the caller may change; throws for a key the catalog does not have. */
export function catalogModule(key: string): ModuleDefinition {
  const found = BY_KEY.get(key);
  if (!found) throw new Error(`Unknown catalog module "${key}". Known: ${CATALOG_MODULE_KEYS.join(', ')}.`);
  return structuredClone(found);
}
