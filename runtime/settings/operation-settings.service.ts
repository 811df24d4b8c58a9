import { deepEqual, type Issue } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { checkSection } from './settings.checks';
import { isSettingsSection, settingsDefault, SETTINGS_SECTIONS, type SettingsSection } from './settings.sections';

export interface SettingsView {
  section: SettingsSection;
  value: unknown;
  /** 0 while the section still holds its defaults. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface SettingsVersionView {
  version: number;
  value: unknown;
  createdAt: string;
  createdBy: string | null;
}

export interface SettingsImportChange {
  section: SettingsSection;
  action: 'create' | 'update' | 'unchanged';
}

const unknownSection = (section: string) =>
  ApiError.notFound({ es: `La sección de ajustes «${section}» no existe.`, en: `Settings section "${section}" does not exist.` }, 'settings_section_not_found');

/** The S4 settings of each operation (tipificaciones, e-mail templates, web-integration link), versioned per section. */
@Injectable()
export class OperationSettingsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly modules: ModuleDefinitionsService,
  ) {}

  section(name: string): SettingsSection {
    if (!isSettingsSection(name)) throw unknownSection(name);
    return name;
  }

  async get(operation: OperationRef, section: SettingsSection, db: EntityManager | DataSource = this.db): Promise<SettingsView> {
    const [row] = await db.query(`SELECT value, version, updated_at AS "updatedAt", updated_by AS "updatedBy" FROM core.operation_settings WHERE operation_id = $1 AND section = $2`, [
      operation.id,
      section,
    ]);
    if (!row) {
      const definitions = section === 'web_integration' ? await this.modules.list(operation, db instanceof DataSource ? db.manager : db) : [];
      return { section, value: settingsDefault(section, definitions), version: 0, updatedAt: null, updatedBy: null };
    }
    return { section, value: row.value, version: row.version, updatedAt: new Date(row.updatedAt).toISOString(), updatedBy: row.updatedBy };
  }

  /** The sections an admin has saved (defaults are not exported: the target keeps its own). */
  async saved(operation: OperationRef): Promise<Partial<Record<SettingsSection, unknown>>> {
    const rows: { section: string; value: unknown }[] = await this.db.query(`SELECT section, value FROM core.operation_settings WHERE operation_id = $1 ORDER BY section`, [operation.id]);
    return Object.fromEntries(rows.filter((r) => isSettingsSection(r.section)).map((r) => [r.section, r.value]));
  }

  async versions(operation: OperationRef, section: SettingsSection): Promise<SettingsVersionView[]> {
    const rows = await this.db.query(
      `SELECT version, value, created_at AS "createdAt", created_by AS "createdBy" FROM core.operation_setting_versions WHERE operation_id = $1 AND section = $2 ORDER BY version DESC LIMIT 100`,
      [operation.id, section],
    );
    return rows.map((r: SettingsVersionView) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  }

  /** Checks against the schema and the operation's modules; 400 with every problem found. */
  async check(operation: OperationRef, section: SettingsSection, value: unknown, pathPrefix = '', extraModules: string[] = []): Promise<void> {
    const modules = [...(await this.modules.list(operation)).map((m) => m.key), ...extraModules];
    const issues = checkSection(section, value, modules);
    if (issues.length) throw ApiError.validation(issues.map((i) => ({ ...i, path: [pathPrefix, i.path].filter(Boolean).join('.') })));
  }

  /** Saves a new version; a stale `expectedVersion` is a 409 and changes nothing. */
  async put(operation: OperationRef, section: SettingsSection, value: unknown, options: { expectedVersion?: number; userId?: string | null } = {}): Promise<SettingsView> {
    await this.check(operation, section, value, 'value');
    return this.db.transaction(async (tx) => {
      const [current] = await tx.query(`SELECT version FROM core.operation_settings WHERE operation_id = $1 AND section = $2 FOR UPDATE`, [operation.id, section]);
      const version = (current?.version as number | undefined) ?? 0;
      if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
        throw ApiError.conflict(
          'settings_version_conflict',
          { es: 'Otra persona cambió estos ajustes; recargue y vuelva a intentarlo.', en: 'Someone else changed these settings; reload and try again.' },
          { currentVersion: version },
        );
      }
      const json = JSON.stringify(value);
      const userId = options.userId ?? null;
      await tx.query(
        `INSERT INTO core.operation_settings (operation_id, section, value, version, updated_at, updated_by) VALUES ($1, $2, $3::jsonb, $4, now(), $5)
         ON CONFLICT (operation_id, section) DO UPDATE SET value = EXCLUDED.value, version = EXCLUDED.version, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [operation.id, section, json, version + 1, userId],
      );
      await tx.query(`INSERT INTO core.operation_setting_versions (operation_id, section, version, value, created_by) VALUES ($1, $2, $3, $4::jsonb, $5)`, [
        operation.id,
        section,
        version + 1,
        json,
        userId,
      ]);
      return this.get(operation, section, tx);
    });
  }

  /** A bundle's settings: each section checked first (paths like `settings.tipificaciones.casos[0].key`), then saved unless a dry run. */
  async importAll(operation: OperationRef, input: unknown, options: { dryRun?: boolean; userId?: string | null; extraModules?: string[] } = {}): Promise<SettingsImportChange[]> {
    const settings = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
    const unknown: Issue[] = Object.keys(settings)
      .filter((name) => !isSettingsSection(name))
      .map((name) => ({ path: `settings.${name}`, code: 'settings.unknownSection', message: { es: `La sección «${name}» no existe.`, en: `Section "${name}" does not exist.` } }));
    if (unknown.length) throw ApiError.validation(unknown);
    const changes: SettingsImportChange[] = [];
    for (const section of SETTINGS_SECTIONS) {
      if (!(section in settings)) continue;
      await this.check(operation, section, settings[section], `settings.${section}`, options.extraModules);
      const current = await this.get(operation, section);
      changes.push({ section, action: current.version === 0 ? 'create' : deepEqual(current.value, settings[section]) ? 'unchanged' : 'update' });
    }
    if (!options.dryRun) {
      for (const change of changes) if (change.action !== 'unchanged') await this.put(operation, change.section, settings[change.section], { userId: options.userId });
    }
    return changes;
  }
}
