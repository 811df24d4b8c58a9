import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import type { StudioFormContext } from './form-context';

/**
 * The record's top level is laid out in the definition's sections (their
 * order, columns and titles); fields no section lists go to a last one.
 * Nested objects (sub-table rows) keep a plain grid.
 */
export function SectionsTemplate(props: ObjectFieldTemplateProps) {
  const { properties, fieldPathId, registry } = props;
  if (fieldPathId.path.length > 0) {
    return <div className="row-grid">{properties.map((p) => (p.hidden ? null : <div key={p.name}>{p.content}</div>))}</div>;
  }
  const context = registry.formContext as StudioFormContext;
  const byName = new Map(properties.map((p) => [p.name, p]));
  // Sub-tables take the section's whole width: their rows have columns of their own.
  const wide = new Set(context.definition.fields.filter((f) => f.type === 'subtable').map((f) => f.key));
  const placed = new Set<string>();
  const blocks = context.sections.map((section) => {
    const members = section.fields.map((key) => byName.get(key)).filter((p) => p !== undefined && !p.hidden);
    for (const p of members) placed.add(p!.name);
    return { key: section.key, label: section.label[context.lang], columns: section.columns ?? 2, members };
  });
  const rest = properties.filter((p) => !placed.has(p.name) && !p.hidden);
  if (rest.length) blocks.push({ key: '_other', label: context.otherLabel, columns: 2, members: rest });
  return (
    <div className="form-sections">
      {blocks
        .filter((b) => b.members.length > 0)
        .map((b) => (
          <fieldset key={b.key} className="form-section" data-section={b.key}>
            <legend>{b.label}</legend>
            <div className={`section-grid cols-${b.columns}`}>
              {b.members.map((p) => (
                <div key={p!.name} className={wide.has(p!.name) ? 'section-cell wide' : 'section-cell'} data-field={p!.name}>
                  {p!.content}
                </div>
              ))}
            </div>
          </fieldset>
        ))}
    </div>
  );
}
