import type { ColumnMapping, ImportDelimiter, ImportEncoding, ImportFile, ImportJobPayload, ImportMode, ImportPreview, ImportValueOptions, PreviewRequest, SavedMapping } from '../api/imports.api';
import { applySavedMapping, mappedFields, setColumnField, setLookupBy } from './mapping-edits';

/** upload → mapping → values → preview (and Validar) → mode → progress → summary. */
export type WizardStep = 'upload' | 'mapping' | 'values' | 'preview' | 'mode' | 'progress' | 'summary';
export const WIZARD_STEPS: readonly WizardStep[] = ['upload', 'mapping', 'values', 'preview', 'mode', 'progress', 'summary'];

/** How the file is read, as the admin chose it; absent members are left to the server's detection. */
export interface SourceChoice {
  encoding?: ImportEncoding;
  delimiter?: ImportDelimiter;
  sheet?: string;
}

export interface WizardState {
  step: WizardStep;
  file: ImportFile | null;
  source: SourceChoice;
  /** The server's last answer for the current choices. */
  preview: ImportPreview | null;
  /** The column mapping and value options being edited; `null` until detected (or after the file's shape changed). */
  mapping: ColumnMapping[] | null;
  options: ImportValueOptions | null;
  /** Bumped by every choice that changes what the preview shows; an answer for an older revision is dropped. */
  revision: number;
  /** The `validateOnly` job of the current choices; any change of them makes it stale, so it is forgotten. */
  validationJobId: string | null;
  mode: ImportMode;
  keyFields: string[];
  skipDuplicates: boolean;
  /** The import job once confirmed. */
  jobId: string | null;
}

export type WizardAction =
  | { type: 'uploaded'; file: ImportFile }
  | { type: 'previewed'; revision: number; preview: ImportPreview }
  | { type: 'source'; choice: SourceChoice }
  | { type: 'field'; column: number; field: string | null }
  | { type: 'lookupBy'; column: number; lookupBy: string | undefined }
  | { type: 'savedMapping'; saved: SavedMapping }
  | { type: 'options'; options: Partial<ImportValueOptions> }
  | { type: 'validating'; jobId: string }
  | { type: 'mode'; mode: ImportMode }
  | { type: 'keyFields'; keyFields: string[] }
  | { type: 'skipDuplicates'; skipDuplicates: boolean }
  | { type: 'started'; jobId: string }
  | { type: 'finished' }
  | { type: 'goto'; step: WizardStep }
  | { type: 'restart' };

export const initialWizard: WizardState = {
  step: 'upload',
  file: null,
  source: {},
  preview: null,
  mapping: null,
  options: null,
  revision: 0,
  validationJobId: null,
  mode: 'insert',
  keyFields: [],
  skipDuplicates: false,
  jobId: null,
};

/** A choice that changes the preview: a new revision, and the validation of the old choices no longer holds. */
const edited = (state: WizardState, patch: Partial<WizardState>): WizardState => ({ ...state, ...patch, revision: state.revision + 1, validationJobId: null });

/** The steps the admin may open now: the ones before the job need a preview; once the job starts only its progress and summary remain. */
export function canOpen(state: WizardState, step: WizardStep): boolean {
  if (state.jobId !== null) return step === 'progress' || step === 'summary';
  switch (step) {
    case 'upload':
      return true;
    case 'mapping':
    case 'values':
    case 'preview':
      return state.preview !== null && state.mapping !== null;
    case 'mode':
      return state.preview !== null && state.mapping !== null && mappedFields(state.mapping).length > 0;
    case 'progress':
    case 'summary':
      return false;
  }
}

/** The step after `step` when the admin presses "Siguiente", if it may be opened. */
export function nextStep(state: WizardState): WizardStep | null {
  const next = WIZARD_STEPS[WIZARD_STEPS.indexOf(state.step) + 1];
  return next && next !== 'progress' && canOpen(state, next) ? next : null;
}

export function previousStep(state: WizardState): WizardStep | null {
  const previous = WIZARD_STEPS[WIZARD_STEPS.indexOf(state.step) - 1];
  return previous && canOpen(state, previous) ? previous : null;
}

/** Update and "insert or update" find records by key: they need at least one key field. */
export function modeProblem(state: Pick<WizardState, 'mode' | 'keyFields'>): 'keyFieldsRequired' | null {
  return state.mode !== 'insert' && state.keyFields.length === 0 ? 'keyFieldsRequired' : null;
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'uploaded':
      // A new revision, so a late preview of the previous file is dropped.
      return { ...initialWizard, file: action.file, revision: state.revision + 1 };
    case 'previewed': {
      if (action.revision !== state.revision) return state;
      // The server's mapping and options are what it applied; they replace the edited copy.
      const mapping = action.preview.mapping;
      const fields = new Set(mappedFields(mapping));
      return {
        ...state,
        preview: action.preview,
        mapping,
        options: action.preview.options,
        keyFields: state.keyFields.filter((key) => fields.has(key)),
        // The first answer for a new file opens the mapping.
        step: state.step === 'upload' ? 'mapping' : state.step,
      };
    }
    case 'source': {
      const source = { ...state.source, ...action.choice };
      // Another delimiter or sheet gives other columns: mapping and options are detected again. Another encoding only changes letters.
      const reshaped = ('delimiter' in action.choice && action.choice.delimiter !== state.source.delimiter) || ('sheet' in action.choice && action.choice.sheet !== state.source.sheet);
      return edited(state, { source, ...(reshaped && { mapping: null, options: null }) });
    }
    case 'field':
      return state.mapping ? edited(state, { mapping: setColumnField(state.mapping, action.column, action.field) }) : state;
    case 'lookupBy':
      return state.mapping ? edited(state, { mapping: setLookupBy(state.mapping, action.column, action.lookupBy) }) : state;
    case 'savedMapping':
      return state.mapping ? edited(state, { mapping: applySavedMapping(state.mapping, action.saved.mapping), options: action.saved.options }) : state;
    case 'options':
      return state.options ? edited(state, { options: { ...state.options, ...action.options } }) : state;
    case 'validating':
      return { ...state, validationJobId: action.jobId };
    case 'mode':
      return { ...state, mode: action.mode };
    case 'keyFields':
      return { ...state, keyFields: action.keyFields };
    case 'skipDuplicates':
      return { ...state, skipDuplicates: action.skipDuplicates };
    case 'started':
      return { ...state, jobId: action.jobId, step: 'progress' };
    case 'finished':
      return state.jobId ? { ...state, step: 'summary' } : state;
    case 'goto':
      return canOpen(state, action.step) ? { ...state, step: action.step } : state;
    case 'restart':
      return { ...initialWizard, revision: state.revision + 1 };
  }
}

/** The preview request for the current choices; `null` before a file is uploaded. */
export function previewRequest(state: WizardState, module: string): PreviewRequest | null {
  if (!state.file) return null;
  return {
    fileId: state.file.id,
    module,
    ...state.source,
    ...(state.mapping && { mapping: state.mapping }),
    ...(state.options && { options: state.options }),
  };
}

/** The job payload the current choices make: a validation pass, or the import itself. */
export function jobPayload(state: WizardState, module: string, validateOnly: boolean): ImportJobPayload | null {
  const request = previewRequest(state, module);
  if (!request || !state.mapping || !state.options) return null;
  return {
    ...request,
    mapping: state.mapping,
    options: state.options,
    mode: state.mode,
    ...(state.keyFields.length > 0 && { keyFields: state.keyFields }),
    ...(state.skipDuplicates && { skipDuplicates: true }),
    ...(validateOnly && { validateOnly: true }),
  };
}
