import { validateDefinition, type Issue, type ModuleDefinition } from '@crm/engine';
import type { DraftAnswer, DraftRequest } from '../draft-provider';

export type AnswerCheck = { ok: true; answer: DraftAnswer } | { ok: false; issues: Issue[] };

const problem = (path: string, es: string, en: string): Issue => ({ path, code: 'ai.answer', message: { es, en } });

/** Whether the tool input is a usable answer: the meta-schema (ajv) and the engine's own checks, plus the key of an existing module. */
export function checkAnswer(input: unknown, request: DraftRequest): AnswerCheck {
  if (!input || typeof input !== 'object') return { ok: false, issues: [problem('', 'La respuesta no llamó a la herramienta.', 'The answer did not call the tool.')] };
  const { definition, notUnderstood } = input as { definition?: unknown; notUnderstood?: unknown };
  const issues: Issue[] = [];
  if (!Array.isArray(notUnderstood) || notUnderstood.some((n) => typeof n !== 'string')) {
    issues.push(problem('notUnderstood', 'notUnderstood debe ser una lista de textos.', 'notUnderstood must be a list of strings.'));
  }
  const modules = request.modules.map((m) => m.key);
  const result = validateDefinition(definition, { modules });
  if (!result.ok) issues.push(...result.issues.map((i) => ({ ...i, path: i.path ? `definition.${i.path}` : 'definition' })));
  else if (request.existing && request.base && result.value.key !== request.base.key) {
    issues.push(problem('definition.key', `La clave del módulo debe seguir siendo «${request.base.key}».`, `The module key must stay "${request.base.key}".`));
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, answer: { definition: (result as { value: ModuleDefinition }).value, notUnderstood: notUnderstood as string[] } };
}

/** The problems as the model reads them in the retry. */
export function describeIssues(issues: Issue[]): string {
  return ['The definition is not valid. Fix these problems and call the tool again with the complete definition:', ...issues.map((i) => `- ${i.path || '(root)'}: ${i.message.en}`)].join('\n');
}
