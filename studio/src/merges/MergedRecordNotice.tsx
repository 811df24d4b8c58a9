import { useEffect, useState } from 'react';
import { mergesApi } from '../api/merges.api';
import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/i18n';

/**
 * A record that cannot be read: when a merge took it into another one, says so and
 * links to the record that was kept (an old link or bookmark still leads somewhere).
 */
export function MergedRecordNotice({ module, id, fallback }: { module: string; id: string; fallback: string }) {
  const { t } = useI18n();
  const [kept, setKept] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    mergesApi.mergedInto(module, id).then(
      (found) => live && setKept(found.mergedInto),
      () => live && setKept(null),
    );
    return () => {
      live = false;
    };
  }, [module, id]);
  if (kept === undefined) return <p className="muted">{t('shell.loading')}</p>;
  if (kept === null) return <p className="error">{fallback}</p>;
  const target = paths.record(module, kept);
  return (
    <p className="notice-merged" data-testid="merged-into">
      {t('merges.mergedNotice')}{' '}
      <a
        href={target}
        onClick={(e) => {
          e.preventDefault();
          navigate(target);
        }}
      >
        {t('merges.mergedOpen')}
      </a>
    </p>
  );
}
