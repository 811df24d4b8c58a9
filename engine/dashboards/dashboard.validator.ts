import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { valueKind } from '../definition/field-type.registry';
import type { LocalizedText, ModuleDefinition } from '../definition/module-definition.types';
import { SYSTEM_FIELDS, type SystemFieldKey } from '../definition/system-columns';
import { pointerToPath } from '../issues/issue.path';
import type { Issue, Result } from '../issues/issue.types';
import { compileAggregate } from '../query/aggregate.compiler';
import { DASHBOARD_WIDGETS_SCHEMA } from './dashboard.schema';
import type { DashboardWidget } from './dashboard.types';

let compiled: ValidateFunction<DashboardWidget[]> | null = null;
/** Compiled on first use, not on import: the Studio's first screen imports the engine and must not carry ajv. */
const shape = (): ValidateFunction<DashboardWidget[]> => (compiled ??= new Ajv({ allErrors: true, strict: false }).compile<DashboardWidget[]>(DASHBOARD_WIDGETS_SCHEMA));

const say = (path: string, code: string, message: LocalizedText): Issue => ({ path, code, message });

function shapeIssue(base: string, error: ErrorObject): Issue {
  const path = `${base}${pointerToPath(error.instancePath).replace(/^(?=[^[])/, '.')}`.replace(/\.$/, '');
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return say(`${path}.${extra}`, 'dashboard.shape', { es: `«${extra}» no es parte del widget.`, en: `"${extra}" is not part of a widget.` });
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return say(`${path}.${missing}`, 'dashboard.required', { es: `Falta «${missing}».`, en: `"${missing}" is missing.` });
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ');
    return say(path, 'dashboard.enum', { es: `Debe ser uno de: ${allowed}.`, en: `Must be one of: ${allowed}.` });
  }
  return say(path, 'dashboard.shape', { es: `El valor no es válido (${error.message ?? ''}).`, en: `The value is not valid (${error.message ?? ''}).` });
}

/** Where the shape fails: one issue per path, `oneOf` / `if` summaries left out when a branch says more. */
function shapeIssues(errors: ErrorObject[]): Issue[] {
  const out = new Map<string, Issue>();
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'oneOf') continue;
    const found = shapeIssue('widgets', error);
    if (!out.has(found.path)) out.set(found.path, found);
  }
  if (out.size === 0 && errors.length) out.set('widgets', shapeIssue('widgets', errors[0]));
  return [...out.values()];
}

function dateKind(definition: ModuleDefinition, key: string): 'date' | 'datetime' | null {
  if (key in SYSTEM_FIELDS) {
    const kind: string = SYSTEM_FIELDS[key as SystemFieldKey].kind;
    return kind === 'datetime' ? 'datetime' : null;
  }
  const field = definition.fields.find((f) => f.key === key && !f.archived);
  if (!field) return null;
  const kind = valueKind(field);
  return kind === 'date' || kind === 'datetime' ? kind : null;
}

/**
 * A dashboard's widgets: the JSON Schema first, then what it cannot say, each
 * with its path (`widgets[2].query.groups[0].field`): the module exists (as the
 * caller sees it: `definitionOf` answers null for modules it may not read), the
 * aggregation compiles against it, a gauge's date field is a date.
 */
export function validateWidgets(input: unknown, definitionOf: (module: string) => ModuleDefinition | null): Result<DashboardWidget[]> {
  const validateShape = shape();
  if (!validateShape(input)) return { ok: false, issues: shapeIssues(validateShape.errors ?? []) };
  const widgets = input;
  const issues: Issue[] = [];
  const ids = new Set<string>();
  widgets.forEach((widget, i) => {
    const base = `widgets[${i}]`;
    if (ids.has(widget.id)) issues.push(say(`${base}.id`, 'dashboard.duplicateId', { es: 'Dos widgets tienen el mismo id.', en: 'Two widgets have the same id.' }));
    ids.add(widget.id);
    const definition = definitionOf(widget.module);
    if (!definition) {
      issues.push(say(`${base}.module`, 'dashboard.unknownModule', { es: `El módulo «${widget.module}» no existe.`, en: `Module "${widget.module}" does not exist.` }));
      return;
    }
    const compiled = compileAggregate(definition, widget.query);
    if (!compiled.ok) for (const found of compiled.issues) issues.push({ ...found, path: found.path ? `${base}.query.${found.path}` : `${base}.query` });
    const groups = widget.query.groups?.length ?? 0;
    if (widget.kind === 'chart' && groups === 0) {
      issues.push(say(`${base}.query.groups`, 'dashboard.chartGroups', { es: 'Un gráfico agrupa por uno o dos campos.', en: 'A chart groups by one or two fields.' }));
    }
    if (widget.kind === 'gauge' && widget.gauge) {
      if (groups > 0) issues.push(say(`${base}.query.groups`, 'dashboard.gaugeGroups', { es: 'Un medidor no agrupa: mide un solo valor.', en: 'A gauge does not group: it measures one value.' }));
      if (!dateKind(definition, widget.gauge.dateField)) {
        issues.push(
          say(`${base}.gauge.dateField`, 'dashboard.dateField', {
            es: `«${widget.gauge.dateField}» no es un campo de fecha de «${widget.module}».`,
            en: `"${widget.gauge.dateField}" is not a date field of "${widget.module}".`,
          }),
        );
      }
      const { yellow, green } = widget.gauge.thresholds;
      if (yellow > green) issues.push(say(`${base}.gauge.thresholds.yellow`, 'dashboard.thresholds', { es: 'El amarillo empieza antes que el verde.', en: 'Yellow starts before green.' }));
      const filter = widget.gauge.dateFilter;
      if (typeof filter === 'object' && filter.custom.from > filter.custom.to) {
        issues.push(say(`${base}.gauge.dateFilter.custom.to`, 'dashboard.range', { es: 'La fecha final es anterior a la inicial.', en: 'The end date is before the start date.' }));
      }
    }
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: widgets };
}
