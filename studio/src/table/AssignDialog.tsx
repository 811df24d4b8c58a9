import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ApiFailure } from '../api/api-error';
import { loadAssignableUsers, userLabel, type AssignableUser } from '../api/assignable-users';
import { recordsApi } from '../api/records.api';
import { useI18n } from '../i18n/i18n';

/**
 * Assign the selection (R1) to a user: each record is PATCHed with `assignee`
 * and its version. The list holds only users the server allows (role tree);
 * the server still checks each write, and a refusal is shown as it comes.
 */
export function AssignDialog({ module, records, onDone, onClose }: { module: string; records: () => Promise<{ id: string; version: number }[]>; onDone(count: number): void; onClose(): void }) {
  const { t, l } = useI18n();
  const [users, setUsers] = useState<AssignableUser[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    loadAssignableUsers().then(setUsers, (failure: ApiFailure) => setError(l(failure.text)));
  }, []);

  async function assign() {
    setBusy(true);
    setError(null);
    try {
      const targets = await records();
      for (let i = 0; i < targets.length; i += 5) {
        await Promise.all(targets.slice(i, i + 5).map((r) => recordsApi.update(module, r.id, { assignee: chosen, version: r.version })));
      }
      onDone(targets.length);
    } catch (failure) {
      setError(l((failure as ApiFailure).text));
      setBusy(false);
    }
  }

  return createPortal(
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog small" role="dialog" aria-modal="true" aria-label={t('table.assign')} data-testid="assign-dialog">
        <h2>{t('table.assign')}</h2>
        {error && <p className="error">{error}</p>}
        <label className="stacked">
          {t('table.assignTo')}
          <select value={chosen} onChange={(e) => setChosen(e.target.value)} disabled={!users} data-testid="assign-user">
            <option value="">{t('value.choose')}</option>
            {(users ?? []).map((u) => (
              <option key={u.id} value={u.id} data-user-data>
                {userLabel(u)}
              </option>
            ))}
          </select>
        </label>
        <div className="row-actions">
          <button type="button" className="primary" disabled={!chosen || busy} onClick={() => void assign()}>
            {t('table.assign')}
          </button>
          <button type="button" onClick={onClose}>
            {t('activities.cancel')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
