import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { api } from '../../api/http';
import { useI18n } from '../../i18n/i18n';

interface UserOption {
  id: string;
  username: string;
  displayName: string | null;
  active?: boolean;
}

let cached: Promise<UserOption[] | null> | null = null;
/** The operation's users, once per page load; null when this profile may not list them. */
function loadUsers(): Promise<UserOption[] | null> {
  cached ??= api<{ items: UserOption[] }>('GET', '/api/v1/users').then(
    (page) => page.items,
    () => null,
  );
  return cached;
}

/** Owner / assignee fields: a list of the operation's users when the profile can see it, the raw id otherwise. */
export function UserWidget({ id, value, onChange, disabled, readonly, required }: WidgetProps) {
  const { t } = useI18n();
  const [users, setUsers] = useState<UserOption[] | null | undefined>(undefined);
  useEffect(() => {
    void loadUsers().then(setUsers);
  }, []);
  if (!users) {
    return <input id={id} name={id} value={value ?? ''} disabled={disabled} readOnly={readonly} required={required} onChange={(e) => onChange(e.target.value || undefined)} />;
  }
  return (
    <select id={id} name={id} value={value ?? ''} disabled={disabled || readonly} required={required} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{t('value.choose')}</option>
      {users.map((u) => (
        <option key={u.id} value={u.id} data-user-data>
          {u.displayName ? `${u.displayName} (${u.username})` : u.username}
        </option>
      ))}
    </select>
  );
}
