import { describe, expect, it } from '@jest/globals';
import type { ColumnMapping, ImportFile, ImportPreview } from '../api/imports.api';
import { canOpen, initialWizard, jobPayload, modeProblem, nextStep, previewRequest, previousStep, type WizardAction, wizardReducer, type WizardState } from './import-wizard.state';

const file: ImportFile = { id: 'f1', name: '147_18-24_agosto.csv', size: 2_345_678, format: 'csv' };
const column = (index: number, header: string, field: string | null): ColumnMapping => ({ column: index, header, field });
const detected = [column(0, 'categoria', 'categoria'), column(1, 'domiclio_calle', null), column(2, 'fecha_ingreso', 'fecha_ingreso')];
const preview = (mapping: ColumnMapping[] = detected): ImportPreview => ({
  file,
  encoding: 'utf-8',
  delimiter: ';',
  sheets: [],
  sheet: null,
  headers: mapping.map((m) => m.header),
  mapping,
  options: { dateOrder: 'dmy', decimalMark: '.', listSeparator: ',' },
  rows: [],
});
const run = (actions: WizardAction[], from: WizardState = initialWizard) => actions.reduce(wizardReducer, from);

/** A file uploaded and its first preview answered. */
function previewed(): WizardState {
  const uploaded = run([{ type: 'uploaded', file }]);
  return run([{ type: 'previewed', revision: uploaded.revision, preview: preview() }], uploaded);
}

describe('import wizard steps', () => {
  it('opens the mapping when the first preview of an uploaded file arrives', () => {
    const uploaded = run([{ type: 'uploaded', file }]);
    expect(uploaded.step).toBe('upload');
    expect(canOpen(uploaded, 'mapping')).toBe(false);
    expect(nextStep(uploaded)).toBeNull();
    const state = run([{ type: 'previewed', revision: uploaded.revision, preview: preview() }], uploaded);
    expect(state.step).toBe('mapping');
    expect(state.mapping).toEqual(detected);
    expect(state.options).toEqual({ dateOrder: 'dmy', decimalMark: '.', listSeparator: ',' });
  });

  it('walks mapping → values → preview → mode, and back', () => {
    let state = previewed();
    const seen: string[] = [state.step];
    for (let next = nextStep(state); next; next = nextStep(state)) {
      state = wizardReducer(state, { type: 'goto', step: next });
      seen.push(state.step);
    }
    expect(seen).toEqual(['mapping', 'values', 'preview', 'mode']);
    expect(previousStep(state)).toBe('preview');
  });

  it('does not reach the mode step while every column is ignored', () => {
    let state = previewed();
    for (const entry of detected) state = wizardReducer(state, { type: 'field', column: entry.column, field: null });
    expect(canOpen(state, 'preview')).toBe(true);
    expect(canOpen(state, 'mode')).toBe(false);
    expect(wizardReducer(state, { type: 'goto', step: 'mode' }).step).toBe(state.step);
  });

  it('once the job starts, only its progress and summary remain', () => {
    const started = run([{ type: 'started', jobId: 'j1' }], previewed());
    expect(started.step).toBe('progress');
    expect(canOpen(started, 'mapping')).toBe(false);
    expect(wizardReducer(started, { type: 'goto', step: 'upload' }).step).toBe('progress');
    expect(wizardReducer(started, { type: 'finished' }).step).toBe('summary');
    expect(wizardReducer(previewed(), { type: 'finished' }).step).toBe('mapping');
  });
});

describe('import wizard edits', () => {
  it('drops a preview answered for older choices', () => {
    const state = previewed();
    const edited = wizardReducer(state, { type: 'field', column: 1, field: 'domicilio_calle' });
    const late = wizardReducer(edited, { type: 'previewed', revision: state.revision, preview: preview() });
    expect(late).toBe(edited);
    expect(late.mapping?.[1].field).toBe('domicilio_calle');
  });

  it('forgets the validation when the mapping, the options or the source change, not when the mode does', () => {
    const validated = run([{ type: 'validating', jobId: 'v1' }], previewed());
    expect(validated.validationJobId).toBe('v1');
    expect(wizardReducer(validated, { type: 'field', column: 1, field: 'domicilio_calle' }).validationJobId).toBeNull();
    expect(wizardReducer(validated, { type: 'options', options: { dateOrder: 'mdy' } }).validationJobId).toBeNull();
    expect(wizardReducer(validated, { type: 'source', choice: { encoding: 'windows-1252' } }).validationJobId).toBeNull();
    expect(wizardReducer(validated, { type: 'mode', mode: 'upsert' }).validationJobId).toBe('v1');
    expect(wizardReducer(validated, { type: 'skipDuplicates', skipDuplicates: true }).validationJobId).toBe('v1');
  });

  it('detects mapping and options again after another delimiter, and keeps them after another encoding', () => {
    const state = run([{ type: 'options', options: { dateOrder: 'ymd' } }], previewed());
    const encoding = wizardReducer(state, { type: 'source', choice: { encoding: 'windows-1252' } });
    expect(encoding.mapping).toEqual(detected);
    expect(encoding.options?.dateOrder).toBe('ymd');
    expect(previewRequest(encoding, 'linea147')).toMatchObject({ encoding: 'windows-1252', mapping: detected, options: { dateOrder: 'ymd' } });
    const delimiter = wizardReducer(encoding, { type: 'source', choice: { delimiter: ',' } });
    expect(delimiter.mapping).toBeNull();
    expect(delimiter.options).toBeNull();
    expect(previewRequest(delimiter, 'linea147')).toEqual({ fileId: 'f1', module: 'linea147', encoding: 'windows-1252', delimiter: ',' });
    expect(canOpen(delimiter, 'values')).toBe(false);
  });

  it('lays a saved mapping over the columns by header and takes its options', () => {
    const saved = {
      id: 's1',
      name: 'Línea 147',
      createdAt: '2026-12-01T10:00:00Z',
      mapping: [column(5, 'DOMICLIO_CALLE', 'domicilio_calle')],
      options: { dateOrder: 'mdy' as const, decimalMark: ',' as const, listSeparator: '|' },
    };
    const state = wizardReducer(previewed(), { type: 'savedMapping', saved });
    expect(state.mapping).toEqual([column(0, 'categoria', 'categoria'), column(1, 'domiclio_calle', 'domicilio_calle'), column(2, 'fecha_ingreso', 'fecha_ingreso')]);
    expect(state.options).toEqual(saved.options);
  });

  it('keeps only key fields that are still mapped after a new preview', () => {
    const state = run([{ type: 'keyFields', keyFields: ['categoria', 'fecha_ingreso'] }], previewed());
    const remapped = wizardReducer(state, { type: 'field', column: 2, field: null });
    const answered = wizardReducer(remapped, { type: 'previewed', revision: remapped.revision, preview: preview(remapped.mapping ?? []) });
    expect(answered.keyFields).toEqual(['categoria']);
  });

  it('a new file starts over', () => {
    const state = run(
      [
        { type: 'mode', mode: 'update' },
        { type: 'validating', jobId: 'v1' },
      ],
      previewed(),
    );
    const again = wizardReducer(state, { type: 'uploaded', file: { ...file, id: 'f2' } });
    expect(again).toMatchObject({ step: 'upload', mapping: null, preview: null, mode: 'insert', validationJobId: null, file: { id: 'f2' } });
    expect(again.revision).toBeGreaterThan(state.revision);
  });
});

describe('import job payload', () => {
  it('sends the mapping, options, mode and only the choices made', () => {
    const state = run([{ type: 'skipDuplicates', skipDuplicates: true }], previewed());
    expect(jobPayload(state, 'linea147', false)).toEqual({
      fileId: 'f1',
      module: 'linea147',
      mapping: detected,
      options: { dateOrder: 'dmy', decimalMark: '.', listSeparator: ',' },
      mode: 'insert',
      skipDuplicates: true,
    });
    expect(jobPayload(state, 'linea147', true)).toMatchObject({ validateOnly: true });
    expect(jobPayload(initialWizard, 'linea147', false)).toBeNull();
  });

  it('asks for key fields for update and insert-or-update only', () => {
    expect(modeProblem({ mode: 'insert', keyFields: [] })).toBeNull();
    expect(modeProblem({ mode: 'update', keyFields: [] })).toBe('keyFieldsRequired');
    expect(modeProblem({ mode: 'upsert', keyFields: [] })).toBe('keyFieldsRequired');
    expect(modeProblem({ mode: 'upsert', keyFields: ['categoria'] })).toBeNull();
  });
});
