import { FIELD_TYPES, type FieldType, type ModuleDefinition, type ModuleField } from '@crm/engine';
import { useI18n } from '../i18n/i18n';
import { sectionOf } from './definition-edits';
import { typeName } from './diff-words';
import { changeType } from './field-factory';
import { withMember } from './field-members';
import { RuleEditor } from './RuleEditor';
import { TypeOptionsEditor } from './TypeOptionsEditor';

interface Props {
  field: ModuleField;
  draft: ModuleDefinition;
  /** The field as stored; absent for a field not applied yet. */
  stored?: ModuleField;
  modules: ModuleDefinition[];
  onChange(field: ModuleField): void;
  onSection(section: string | null): void;
}

const FLAGS = ['required', 'unique', 'searchable', 'filterable', 'readOnly'] as const;

/** One field: labels in both languages, type, flags, type options and conditions. */
export function FieldEditor({ field, draft, stored, modules, onChange, onSection }: Props) {
  const { t, l } = useI18n();
  const set = (member: string, value: unknown) => onChange(withMember(field, member, value));
  const others = draft.fields.filter((f) => !f.archived && f.key !== field.key && f.type !== 'subtable' && f.type !== 'file');
  const computed = field.type === 'autonumber' || field.type === 'formula';
  return (
    <div className="field-editor panel" data-testid="field-editor" data-field={field.key}>
      <div className="two-langs">
        <span />
        <span className="muted">{t('module.es')}</span>
        <span className="muted">{t('module.en')}</span>
        <span>{t('field.label')}</span>
        <input
          name="labelEs"
          aria-label={`${t('field.label')} (${t('module.es')})`}
          value={field.label.es}
          onChange={(e) => {
            const es = e.target.value;
            onChange({ ...field, label: { es, en: field.label.en === field.label.es ? es : field.label.en } });
          }}
        />
        <input name="labelEn" aria-label={`${t('field.label')} (${t('module.en')})`} value={field.label.en} onChange={(e) => onChange({ ...field, label: { ...field.label, en: e.target.value } })} />
        <span>{t('field.help')}</span>
        <input
          name="helpEs"
          aria-label={`${t('field.help')} (${t('module.es')})`}
          value={field.help?.es ?? ''}
          onChange={(e) => set('help', e.target.value || field.help?.en ? { es: e.target.value, en: field.help?.en || e.target.value } : undefined)}
        />
        <input
          name="helpEn"
          aria-label={`${t('field.help')} (${t('module.en')})`}
          value={field.help?.en ?? ''}
          onChange={(e) => set('help', e.target.value || field.help?.es ? { es: field.help?.es || e.target.value, en: e.target.value } : undefined)}
        />
      </div>
      <div className="type-options">
        <label>
          {t('field.key')}
          <input name="key" value={field.key} readOnly title={t('field.keyLocked')} />
        </label>
        <label>
          {t('designer.fieldType')}
          <select
            name="type"
            value={field.type}
            disabled={field.locked}
            onChange={(e) =>
              onChange(
                changeType(
                  field,
                  e.target.value as FieldType,
                  modules.map((m) => m.key),
                ),
              )
            }
          >
            {FIELD_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeName(t, type)}
              </option>
            ))}
          </select>
        </label>
        {draft.sections && draft.sections.length > 0 && (
          <label>
            {t('field.section')}
            <select name="section" value={sectionOf(draft, field.key) ?? ''} onChange={(e) => onSection(e.target.value || null)}>
              <option value="">{t('field.noSection')}</option>
              {draft.sections.map((s) => (
                <option key={s.key} value={s.key}>
                  {l(s.label)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {stored && stored.type !== field.type && <p className="muted small">{t('field.typeChangeHint')}</p>}
      <fieldset className="flags">
        <legend>{t('field.flags')}</legend>
        {FLAGS.filter((flag) => !(computed && flag === 'required')).map((flag) => (
          <label key={flag} className="check">
            <input type="checkbox" name={flag} checked={field[flag] === true} onChange={(e) => set(flag, e.target.checked)} />
            {t(`field.${flag}`)}
          </label>
        ))}
      </fieldset>
      <TypeOptionsEditor key={`${field.key}:${field.type}`} field={field} stored={stored} modules={modules} onChange={onChange} />
      <RuleEditor field={field} fields={others} onChange={(conditions) => set('conditions', conditions)} />
    </div>
  );
}
