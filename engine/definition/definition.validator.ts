import type { ErrorObject } from 'ajv';
import { checkLogic } from '../rules/json-logic.checker';
import { checkTemplate } from '../templates/template.renderer';
import { issue } from '../issues/issue.messages';
import { joinPath, pointerToPath } from '../issues/issue.path';
import type { Issue, Result } from '../issues/issue.types';
import { SYSTEM_FIELDS } from './system-columns';
import { validateAgainstMetaSchema } from './meta-schema';
import { roleIssues } from './module-roles';
import type { JsonLogic, ModuleDefinition, ModuleField, PicklistOption } from './module-definition.types';
import { FIELD_TYPES } from './module-definition.types';

/** Checks a plugin's configuration; returns problems as plain sentences. */
export type PluginConfigCheck = (config: Record<string, unknown>, definition: ModuleDefinition) => string[];

export interface DefinitionContext {
  /** Keys of the modules lookups may point to. When absent, lookup targets are not checked. */
  modules?: Iterable<string>;
  /** Installed plugins by name. When absent, plugin names are not checked. */
  plugins?: ReadonlyMap<string, PluginConfigCheck>;
}

/**
 * Validates a module definition: first its shape against the published
 * meta-schema, then what a schema cannot say (unique keys, references
 * between fields and modules, JsonLogic and Handlebars that compile).
 */
export function validateDefinition(input: unknown, context: DefinitionContext = {}): Result<ModuleDefinition> {
  if (!validateAgainstMetaSchema(input)) {
    return { ok: false, issues: schemaIssues(validateAgainstMetaSchema.errors ?? []) };
  }
  const definition = input as unknown as ModuleDefinition;
  const issues = semanticIssues(definition, context);
  return issues.length ? { ok: false, issues } : { ok: true, value: definition };
}

function schemaIssues(errors: ErrorObject[]): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue; // the failing `then` branch is reported on its own
    const path = pointerToPath(error.instancePath);
    const isType = /(^|\.)type$/.test(path) && error.keyword === 'enum';
    const found = isType ? issue(path, 'definition.unknownType', { value: String(readPointer(error)) }) : describe(path, error);
    const dedupe = `${found.path}|${found.code}|${found.message.en}`;
    if (!seen.has(dedupe)) {
      seen.add(dedupe);
      out.push(found);
    }
  }
  // A wrong type makes every type-specific branch fail too; the type is the one to fix.
  const typePaths = out.filter((i) => i.code === 'definition.unknownType').map((i) => i.path.replace(/\.type$/, ''));
  return out.filter((i) => i.code === 'definition.unknownType' || !typePaths.some((p) => i.path === p || i.path.startsWith(`${p}.`)));
}

function readPointer(error: ErrorObject): unknown {
  return (error.data as unknown) ?? '';
}

function describe(path: string, error: ErrorObject): Issue {
  let detail = `${path || 'definition'} ${error.message ?? 'is not valid'}`;
  if (error.keyword === 'unevaluatedProperties' || error.keyword === 'additionalProperties') {
    const extra = error.params as { unevaluatedProperty?: string; additionalProperty?: string };
    detail = `${path || 'definition'}: unexpected property "${extra.unevaluatedProperty ?? extra.additionalProperty}"`;
  } else if (error.keyword === 'required') {
    detail = `${path || 'definition'}: missing "${(error.params as { missingProperty: string }).missingProperty}"`;
  }
  return issue(path, 'definition.schema', { detail });
}

function semanticIssues(definition: ModuleDefinition, context: DefinitionContext): Issue[] {
  const out: Issue[] = [];
  const fieldKeys = new Set(definition.fields.map((f) => f.key));
  const roots = new Set<string>([...fieldKeys, ...Object.keys(SYSTEM_FIELDS)]);
  const modules = context.modules ? new Set([...context.modules, definition.key]) : undefined;

  duplicates(
    definition.fields.map((f) => f.key),
    'fields',
    out,
  );
  definition.fields.forEach((field, index) => checkField(field, `fields[${index}]`, roots, modules, out));

  if (definition.title) templateIssue(definition.title, 'title', out);
  const sections = definition.sections ?? [];
  duplicates(
    sections.map((s) => s.key),
    'sections',
    out,
  );
  sections.forEach((section, i) =>
    section.fields.forEach((key, j) => {
      if (!fieldKeys.has(key)) out.push(issue(`sections[${i}].fields[${j}]`, 'definition.unknownFieldRef', { field: key }));
    }),
  );
  const rules = definition.rules ?? [];
  duplicates(
    rules.map((r) => r.key),
    'rules',
    out,
  );
  rules.forEach((rule, i) => {
    logicIssues(rule.assert, `rules[${i}].assert`, roots, out);
    if (rule.field && !fieldKeys.has(rule.field)) out.push(issue(`rules[${i}].field`, 'definition.unknownFieldRef', { field: rule.field }));
  });
  (definition.plugins ?? []).forEach((plugin, i) => {
    if (!context.plugins) return;
    const check = context.plugins.get(plugin.name);
    if (!check) {
      out.push(issue(`plugins[${i}].name`, 'definition.unknownPlugin', { name: plugin.name }));
      return;
    }
    for (const detail of check(plugin.config ?? {}, definition)) out.push(issue(`plugins[${i}].config`, 'definition.pluginConfig', { detail }));
  });
  out.push(...roleIssues(definition));
  return out;
}

function checkField(field: ModuleField, path: string, roots: ReadonlySet<string>, modules: Set<string> | undefined, out: Issue[]): void {
  if (!(FIELD_TYPES as readonly string[]).includes(field.type)) {
    out.push(issue(joinPath(path, 'type'), 'definition.unknownType', { value: String(field.type) }));
    return;
  }
  for (const [name, logic] of Object.entries(field.conditions ?? {})) {
    logicIssues(logic as JsonLogic, `${path}.conditions.${name}`, roots, out);
  }
  if ('min' in field && 'max' in field && field.min !== undefined && field.max !== undefined && field.min > field.max) {
    out.push(issue(`${path}.min`, 'definition.badRange'));
  }
  // Type-specific members are checked where they occur: the meta-schema lets each type carry only its own.
  if ('options' in field) optionIssues(field.options, `${path}.options`, out);
  if ('target' in field && modules && !modules.has(field.target)) out.push(issue(`${path}.target`, 'definition.unknownModule', { target: field.target }));
  if ('prefix' in field) templateIssue(field.prefix, `${path}.prefix`, out);
  if ('formula' in field) logicIssues(field.formula, `${path}.formula`, roots, out);
  if ('columns' in field) {
    duplicates(
      field.columns.map((c) => c.key),
      `${path}.columns`,
      out,
    );
    const columnRoots = new Set<string>([...field.columns.map((c) => c.key), ...roots]);
    field.columns.forEach((column, i) => checkField(column, `${path}.columns[${i}]`, columnRoots, modules, out));
  }
}

function optionIssues(options: PicklistOption[], path: string, out: Issue[]): void {
  duplicates(
    options.map((o) => o.key),
    path,
    out,
  );
}

function duplicates(keys: string[], path: string, out: Issue[]): void {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (seen.has(key)) out.push(issue(`${path}[${index}].key`, 'definition.duplicateKey', { key }));
    seen.add(key);
  });
}

function logicIssues(logic: JsonLogic, path: string, roots: ReadonlySet<string>, out: Issue[]): void {
  for (const problem of checkLogic(logic, roots)) {
    out.push(problem.kind === 'field' ? issue(path, 'definition.unknownFieldRef', { field: problem.detail }) : issue(path, 'definition.badLogic', { detail: problem.detail }));
  }
}

function templateIssue(template: string, path: string, out: Issue[]): void {
  const problem = checkTemplate(template);
  if (problem) out.push(issue(path, 'definition.badTemplate', { detail: problem }));
}
