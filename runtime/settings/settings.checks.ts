import { checkTemplate, pointerToPath, type Issue } from '@crm/engine';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { SECTION_SCHEMAS } from './settings.schemas';
import { SETTINGS_SECTIONS, type SettingsSection, type SettingsValues, type TipificacionNode } from './settings.sections';

const ajv = new Ajv({ allErrors: true });
// Compiled once at load: every save of every operation reuses them.
const VALIDATORS = Object.fromEntries(SETTINGS_SECTIONS.map((s) => [s, ajv.compile(SECTION_SCHEMAS[s])])) as Record<SettingsSection, ValidateFunction>;

function schemaIssue(error: ErrorObject): Issue {
  const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : undefined;
  const path = pointerToPath(error.instancePath) + (extra ? (error.instancePath ? `.${extra}` : extra) : '');
  const what = error.message ?? error.keyword;
  return {
    path,
    code: `settings.${error.keyword}`,
    message: {
      es: extra ? `La propiedad «${extra}» no está permitida.` : `El valor no es válido (${what}).`,
      en: extra ? `Property "${extra}" is not allowed.` : `The value is not valid (${what}).`,
    },
  };
}

const duplicate = (path: string, key: string): Issue => ({
  path,
  code: 'settings.duplicateKey',
  message: { es: `La clave «${key}» está repetida.`, en: `Key "${key}" is repeated.` },
});

const unknownModule = (path: string, key: string): Issue => ({
  path,
  code: 'settings.unknownModule',
  message: { es: `El módulo «${key}» no existe.`, en: `Module "${key}" does not exist.` },
});

function templateIssues(template: string, path: string, out: Issue[]): void {
  const problem = checkTemplate(template);
  if (problem) out.push({ path, code: 'settings.badTemplate', message: { es: `La plantilla no es válida: ${problem}`, en: `The template is not valid: ${problem}` } });
}

/** Sibling keys must be unique: a case stores the path of keys the agent chose. */
function treeIssues(nodes: TipificacionNode[], path: string, out: Issue[]): void {
  const seen = new Set<string>();
  nodes.forEach((node, index) => {
    const at = `${path}[${index}]`;
    if (seen.has(node.key)) out.push(duplicate(`${at}.key`, node.key));
    seen.add(node.key);
    if (node.children) treeIssues(node.children, `${at}.children`, out);
  });
}

/** `{name}` and `{{name}}` placeholders of an integration URL. */
export function urlVariables(url: string): string[] {
  return [...new Set([...url.matchAll(/\{\{?\s*([A-Za-z_][\w]*)\s*\}?\}/g)].map((m) => m[1]))];
}

function semanticIssues(section: SettingsSection, value: unknown, modules: string[]): Issue[] {
  const out: Issue[] = [];
  if (section === 'tipificaciones') {
    for (const [module, nodes] of Object.entries(value as SettingsValues['tipificaciones'])) {
      if (!modules.includes(module)) out.push(unknownModule(module, module));
      treeIssues(nodes, module, out);
    }
  } else if (section === 'email_templates') {
    const seen = new Set<string>();
    (value as SettingsValues['email_templates']).items.forEach((item, index) => {
      const at = `items[${index}]`;
      if (seen.has(item.key)) out.push(duplicate(`${at}.key`, item.key));
      seen.add(item.key);
      if (!modules.includes(item.module)) out.push(unknownModule(`${at}.module`, item.module));
      templateIssues(item.subject, `${at}.subject`, out);
      templateIssues(item.body, `${at}.body`, out);
    });
  } else {
    const link = value as SettingsValues['web_integration'];
    if (!modules.includes(link.module)) out.push(unknownModule('module', link.module));
    templateIssues(link.url, 'url', out);
    const declared = new Set(link.variables.map((v) => v.name));
    for (const name of urlVariables(link.url)) {
      if (!declared.has(name)) {
        out.push({
          path: 'url',
          code: 'settings.undeclaredVariable',
          message: { es: `La variable {${name}} no está en la lista de variables.`, en: `Variable {${name}} is not in the list of variables.` },
        });
      }
    }
    link.variables.forEach((v, index) => {
      if (v.source === 'field' && !v.field) {
        out.push({ path: `variables[${index}].field`, code: 'settings.fieldRequired', message: { es: 'Indique el campo del registro.', en: 'Name the record field.' } });
      }
    });
  }
  return out;
}

/** Every problem of a section's value, as API error details; `modules` are the operation's module keys. */
export function checkSection(section: SettingsSection, value: unknown, modules: string[]): Issue[] {
  const validate = VALIDATORS[section];
  if (!validate(value)) return (validate.errors ?? []).map(schemaIssue);
  return semanticIssues(section, value, modules);
}
