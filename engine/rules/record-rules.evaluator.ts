import type { ModuleDefinition } from '../definition/module-definition.types';
import type { Issue } from '../issues/issue.types';
import { evaluateLogic, truthy } from './json-logic.checker';

/** Record-level rules that do not hold for this record, as issues on their field (or the record). */
export function brokenRules(definition: ModuleDefinition, record: Record<string, unknown>): Issue[] {
  const out: Issue[] = [];
  for (const rule of definition.rules ?? []) {
    if (!truthy(evaluateLogic(rule.assert, record))) {
      out.push({ path: rule.field ?? '', code: `rule.${rule.key}`, message: rule.message });
    }
  }
  return out;
}
