/** What a profile lets its users do in one module (A4). */
export interface ModuleRights {
  view: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  import: boolean;
  massDelete: boolean;
  massDuplicate: boolean;
  settings: boolean;
}

export type ModuleRight = keyof ModuleRights;
export type FieldAccess = 'hidden' | 'readOnly';

/** Which records a user sees: own and assigned, plus those of users below in the role tree, or all. */
export type RecordVisibility = 'own' | 'hierarchy' | 'all';

export interface ProfilePermissions {
  /** Rights per module key; `*` applies to modules not named. */
  modules: Record<string, Partial<ModuleRights>>;
  /** Field restrictions per module: hidden fields never leave the server, read-only ones are refused on write. */
  fields: Record<string, Record<string, FieldAccess>>;
  visibility: RecordVisibility;
  /** "Todos los usuarios pueden editar": edit any visible record, not only own and assigned ones (seed 000 §4.2). */
  allUsersCanEdit: boolean;
  /** "Asistente IA para módulos" (seed 000 §2.1). */
  aiAssistant: boolean;
  /** Operation settings: users, profiles, roles, levels, tokens, IP rules. */
  admin: boolean;
}

export const MODULE_RIGHTS: ModuleRight[] = ['view', 'create', 'edit', 'delete', 'import', 'massDelete', 'massDuplicate', 'settings'];

const all = (value: boolean): ModuleRights => Object.fromEntries(MODULE_RIGHTS.map((r) => [r, value])) as unknown as ModuleRights;

export const ADMIN_PROFILE: ProfilePermissions = {
  modules: { '*': all(true) },
  fields: {},
  visibility: 'all',
  allUsersCanEdit: true,
  aiAssistant: true,
  admin: true,
};

export const AGENT_PROFILE: ProfilePermissions = {
  modules: { '*': { ...all(false), view: true, create: true, edit: true, import: true } },
  fields: {},
  visibility: 'hierarchy',
  allUsersCanEdit: false,
  aiAssistant: false,
  admin: false,
};

export function moduleRight(permissions: ProfilePermissions, module: string, right: ModuleRight): boolean {
  return (permissions.modules[module]?.[right] ?? permissions.modules['*']?.[right]) === true;
}

export function fieldAccess(permissions: ProfilePermissions, module: string): Record<string, FieldAccess> {
  return permissions.fields[module] ?? {};
}

/** What an internal integration token may do: every module right, no operation settings. */
export const INTEGRATION_PROFILE: ProfilePermissions = { ...ADMIN_PROFILE, aiAssistant: false, admin: false };

/** A caller without a profile may log in but do nothing. */
export const NO_PERMISSIONS: ProfilePermissions = { modules: {}, fields: {}, visibility: 'own', allUsersCanEdit: false, aiAssistant: false, admin: false };
