import { useEffect, useState } from 'react';
import { authApi } from '../api/auth.api';
import { writeSession } from '../api/session.store';
import type { Me } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** Who is signed in: name, level and role, and the way out. */
export function UserBadge() {
  const { t } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    authApi.me().then(setMe, () => setMe(null));
  }, []);
  const logout = async () => {
    await authApi.logout().catch(() => undefined);
    writeSession(null);
  };
  return (
    <div className="user-badge" data-testid="user-badge">
      {me && (
        <span className="who">
          {/* Names below are the operation's own data, not Studio texts. */}
          <strong data-user-data>{me.displayName || me.username}</strong>
          {me.displayName && me.username && (
            <span className="muted" data-user-data>
              {' '}
              ({me.username})
            </span>
          )}
          <span className="muted">
            {' · '}
            {t('shell.level')}: <span data-user-data>{me.level || t('shell.noLevel')}</span>
            {' · '}
            {t('shell.role')}: <span data-user-data>{me.role || (me.isAdmin ? t('shell.admin') : t('shell.noRole'))}</span>
          </span>
        </span>
      )}
      <button type="button" onClick={logout}>
        {t('shell.logout')}
      </button>
    </div>
  );
}
