import { type Dispatch, useEffect, useState } from 'react';
import { importsApi } from '../api/imports.api';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { previewRequest, type WizardAction, type WizardState } from './import-wizard.state';

/**
 * Asks the server for the preview of the current choices each time they change
 * (a new revision); the answer carries its revision, so a slow one that
 * arrives after newer choices is dropped by the reducer.
 */
export function useImportPreview(state: WizardState, dispatch: Dispatch<WizardAction>, module: string): { loading: boolean; error: string | null } {
  const { l } = useI18n();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const request = previewRequest(state, module);
  const { revision } = state;
  useEffect(() => {
    if (!request) return;
    let live = true;
    setLoading(true);
    setError(null);
    importsApi
      .preview(request)
      .then(
        (preview) => live && dispatch({ type: 'previewed', revision, preview }),
        (failure) => live && setError(failureText(failure, l)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // The revision says when the choices changed; the request object is rebuilt every render.
  }, [revision, module]); // eslint-disable-line react-hooks/exhaustive-deps
  return { loading, error };
}
