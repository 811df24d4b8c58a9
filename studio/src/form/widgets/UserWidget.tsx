import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { loadAssignableUsers, userLabel, type AssignableUser } from '../../api/assignable-users';
import { useI18n } from '../../i18n/i18n';

/**
 * Owner / assignee fields: the users this caller may assign to (any profile may list them).
 * The raw id input remains only for when the list cannot be loaded.
 */
export function UserWidget({ id, value, onChange, disabled, readonly, required }: WidgetProps) {
  const { t } = useI18n();
  const [users, setUsers] = useState<AssignableUser[] | null | undefined>(undefined);
  useEffect(() => {
    loadAssignableUsers().then(setUsers, () => setUsers(null));
  }, []);
  if (!users) {
    return <input id={id} name={id} value={value ?? ''} disabled={disabled} readOnly={readonly} required={required} onChange={(e) => onChange(e.target.value || undefined)} />;
  }
  // The current value may be a user above the caller (e.g. the record's owner): keep it so it is not lost.
  const keepCurrent = typeof value === 'string' && value !== '' && !users.some((u) => u.id === value);
  return (
    <select id={id} name={id} value={value ?? ''} disabled={disabled || readonly} required={required} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{t('value.choose')}</option>
      {keepCurrent && <option value={value}>{value}</option>}
      {users.map((u) => (
        <option key={u.id} value={u.id} data-user-data>
          {userLabel(u)}
        </option>
      ))}
    </select>
  );
}
