import { useCallback, useEffect, useState } from 'react';
import { ApiFailure } from '../api/http';
import { useI18n } from '../i18n/i18n';
import { settingsApi, type SectionValues, type ServerSection, type SettingsView } from '../api/settings.api';

export interface SectionState<S extends ServerSection> {
  view: SettingsView<S> | null;
  draft: SectionValues[S] | null;
  setDraft(next: SectionValues[S]): void;
  dirty: boolean;
  saving: boolean;
  error: string | null;
  /** Problems the server named, by path (`items[0].body`), to show beside the inputs. */
  issues: { path: string; text: string }[];
  save(): Promise<void>;
  discard(): void;
}

/** Loads a settings section, keeps an edited copy and saves it with the version it was read at (a stale one is a 409). */
export function useSection<S extends ServerSection>(section: S): SectionState<S> {
  const { l } = useI18n();
  const [view, setView] = useState<SettingsView<S> | null>(null);
  const [draft, setDraft] = useState<SectionValues[S] | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<{ path: string; text: string }[]>([]);
  const fail = useCallback(
    (e: unknown) => {
      const failure = e instanceof ApiFailure ? e : null;
      setError(failure ? l(failure.text) : String(e));
      setIssues(failure ? failure.details.map((d) => ({ path: d.path.replace(/^value\.?/, ''), text: l(d.message) })) : []);
    },
    [l],
  );
  useEffect(() => {
    settingsApi.get(section).then((loaded) => {
      setView(loaded);
      setDraft(loaded.value);
    }, fail);
  }, [section, fail]);
  const save = async () => {
    if (!view || !draft) return;
    setSaving(true);
    setError(null);
    setIssues([]);
    try {
      const saved = await settingsApi.put(section, draft, view.version);
      setView(saved);
      setDraft(saved.value);
    } catch (e) {
      fail(e);
    } finally {
      setSaving(false);
    }
  };
  return {
    view,
    draft,
    setDraft,
    dirty: view !== null && JSON.stringify(view.value) !== JSON.stringify(draft),
    saving,
    error,
    issues,
    save,
    discard: () => view && setDraft(view.value),
  };
}
