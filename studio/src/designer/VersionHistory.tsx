import { useEffect, useState } from 'react';
import { designerApi, type ModuleVersion } from '../api/designer.api';
import { useI18n } from '../i18n/i18n';
import { describeOperation } from './diff-words';
import { failureText } from './failure-text';

interface Props {
  moduleKey: string;
  currentVersion: number;
  onRollback(version: ModuleVersion): void;
}

/** Every applied version with what it changed; an earlier one can be brought back (as a new version). */
export function VersionHistory({ moduleKey, currentVersion, onRollback }: Props) {
  const i18n = useI18n();
  const { t, l, locale } = i18n;
  const [versions, setVersions] = useState<ModuleVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    designerApi.versions(moduleKey).then(
      (page) => setVersions(page.items),
      (failure) => setError(failureText(failure, l)),
    );
  }, [moduleKey, currentVersion, l]);
  if (error) return <p className="error">{error}</p>;
  if (!versions) return <p className="muted">{t('shell.loading')}</p>;
  if (versions.length === 0) return <p className="muted">{t('versions.none')}</p>;
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  return (
    <div className="version-history" data-testid="version-history">
      <h2>{t('versions.title')}</h2>
      <table className="records">
        <thead>
          <tr>
            <th>{t('versions.version')}</th>
            <th>{t('versions.when')}</th>
            <th>{t('versions.changes')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => {
            const previous = byVersion.get(version.version - 1)?.definition;
            return (
              <tr key={version.version} data-version={version.version}>
                <td>
                  {version.version}
                  {version.version === currentVersion && <span className="badge">{t('versions.current')}</span>}
                </td>
                <td>{new Date(version.createdAt).toLocaleString(locale)}</td>
                <td className="wrap">
                  {version.version === 1 ? (
                    t('versions.created')
                  ) : (
                    <ul className="diff-list">
                      {version.operations.map((op, index) => (
                        <li key={index}>{describeOperation(op, previous, version.definition, i18n)}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {version.version !== currentVersion && (
                    <button type="button" onClick={() => onRollback(version)} data-testid="rollback-version">
                      {t('versions.rollback')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
