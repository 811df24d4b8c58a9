import { META_SCHEMA_VERSION } from '@crm/engine';
import type { Issue } from '@crm/engine';
import { withCatalogRoles } from '../modules/catalog-roles';
import { ApiError } from '../core/api-error';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type SchemaBundle } from './bundle.format';

type Upgrade = (bundle: Record<string, unknown>) => Record<string, unknown>;

/**
 * One step per format version: UPGRADES[n] turns a version-n bundle into
 * version n + 1. An old bundle walks every step up to the current version.
 */
export const UPGRADES: Record<number, Upgrade> = {
  // v0 (pre-release exports): `definitions` keyed by module, no settings, no meta-schema version.
  0: (bundle) => {
    const { definitions, ...rest } = bundle as { definitions?: Record<string, unknown> };
    return { ...rest, formatVersion: 1, metaSchemaVersion: '1.0.0', modules: Object.values(definitions ?? {}), settings: {} };
  },
};

export interface ReadBundle {
  bundle: SchemaBundle;
  /** The version the file was written in, when it was upgraded. */
  upgradedFrom?: number;
}

const fail = (code: string, es: string, en: string, details: Issue[] = []) => new ApiError(400, code, { es, en }, details);

/** Checks a bundle's envelope, refuses newer formats and upgrades older ones. Module definitions are checked when applied. */
export function readBundle(input: unknown): ReadBundle {
  if (!input || typeof input !== 'object' || Array.isArray(input) || (input as { format?: unknown }).format !== BUNDLE_FORMAT) {
    throw fail('bundle_invalid', `El archivo no es un paquete de esquema (se espera format «${BUNDLE_FORMAT}»).`, `The file is not a schema bundle (format "${BUNDLE_FORMAT}" expected).`);
  }
  const version = (input as { formatVersion?: unknown }).formatVersion;
  if (!Number.isInteger(version) || (version as number) < 0) {
    throw fail('bundle_invalid', 'El paquete no indica una versión de formato válida (formatVersion).', 'The bundle has no valid format version (formatVersion).');
  }
  const from = version as number;
  if (from > BUNDLE_FORMAT_VERSION) {
    throw fail(
      'bundle_too_new',
      `El paquete usa la versión de formato ${from} y este servidor entiende hasta la ${BUNDLE_FORMAT_VERSION}. Actualice el CRM de destino antes de importarlo.`,
      `The bundle uses format version ${from} and this server understands up to ${BUNDLE_FORMAT_VERSION}. Upgrade the target CRM before importing it.`,
    );
  }
  let bundle = structuredClone(input) as Record<string, unknown>;
  for (let v = from; v < BUNDLE_FORMAT_VERSION; v++) {
    const step = UPGRADES[v];
    if (!step) throw fail('bundle_version_unsupported', `No se puede actualizar un paquete de la versión ${v}.`, `A bundle of version ${v} cannot be upgraded.`);
    bundle = step(bundle);
  }
  checkEnvelope(bundle);
  if (olderThanRoles(String(bundle.metaSchemaVersion))) bundle.modules = (bundle.modules as Record<string, unknown>[]).map(withCatalogRoles);
  return { bundle: bundle as unknown as SchemaBundle, ...(from < BUNDLE_FORMAT_VERSION && { upgradedFrom: from }) };
}

/** Meta-schema 1.1.0 added roles; before it the platform found catalog modules by their keys. */
function olderThanRoles(version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major < 1 || (major === 1 && minor < 1);
}

function checkEnvelope(bundle: Record<string, unknown>): void {
  const major = (v: unknown) => Number(String(v).split('.')[0]);
  if (typeof bundle.metaSchemaVersion !== 'string' || major(bundle.metaSchemaVersion) > major(META_SCHEMA_VERSION)) {
    throw fail(
      'bundle_too_new',
      `Las definiciones usan el metaesquema ${String(bundle.metaSchemaVersion)}, más nuevo que el de este servidor (${META_SCHEMA_VERSION}).`,
      `The definitions use meta-schema ${String(bundle.metaSchemaVersion)}, newer than this server's (${META_SCHEMA_VERSION}).`,
    );
  }
  const modules = bundle.modules;
  if (!Array.isArray(modules) || !modules.length || modules.some((m) => !m || typeof m !== 'object' || typeof (m as { key?: unknown }).key !== 'string')) {
    throw fail('bundle_invalid', 'El paquete debe traer una lista de módulos, cada uno con su clave.', 'The bundle must hold a list of modules, each with its key.', [
      { path: 'modules', code: 'bundle_invalid', message: { es: 'Lista de módulos vacía o sin claves.', en: 'Empty module list or modules without keys.' } },
    ]);
  }
  const keys = modules.map((m) => (m as { key: string }).key);
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (repeated) throw fail('bundle_invalid', `El módulo «${repeated}» está repetido en el paquete.`, `Module "${repeated}" appears twice in the bundle.`);
}
