import type { ModuleDefinition } from '../api/types';
import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/i18n';

/** The module's name, the way to its board (when it has a picklist to group by) and "Nuevo". */
export function TableHeader({ definition }: { definition: ModuleDefinition }) {
  const { t, l } = useI18n();
  const hasPicklist = definition.fields.some((f) => f.type === 'select' && !f.archived);
  return (
    <div className="view-head">
      <h1>{l(definition.names.plural)}</h1>
      <span className="spacer" />
      {hasPicklist && (
        <button type="button" onClick={() => navigate(paths.kanban(definition.key))}>
          {t('table.kanban')}
        </button>
      )}
      <button type="button" className="primary" onClick={() => navigate(paths.newRecord(definition.key))} data-testid="new-record">
        {t('table.new')}
      </button>
    </div>
  );
}
