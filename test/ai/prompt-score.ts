import { deepEqual, validateDefinition, type ModuleField } from '@crm/engine';
import { CATALOG_MODULES } from '@crm/modules-catalog';
import { parsePrompt } from '../../runtime/ai/offline/offline.parser';
import { DRAFT_FIXTURES, STORED_FIXTURES } from './prompt-fixtures';
import { PROMPT_SET, type ExpectedField, type PromptCase } from './prompt-set';

export interface CaseResult {
  id: string;
  prompt: string;
  ok: boolean;
  /** Why the case is not exactly right, in plain words. */
  problems: string[];
}

const MODULES = [...CATALOG_MODULES, ...STORED_FIXTURES].map((m) => ({ key: m.key, names: m.names }));

/** Runs the offline parser on one case and compares what it changed with what the case expects. */
export function scoreCase(test: PromptCase): CaseResult {
  const stored = STORED_FIXTURES.find((m) => m.key === test.base);
  const base = stored ?? DRAFT_FIXTURES.find((m) => m.key === test.base);
  const result = parsePrompt(test.prompt, base, Boolean(stored), MODULES);
  const problems: string[] = [];
  const valid = validateDefinition(result.definition, { modules: [...MODULES.map((m) => m.key), result.definition.key] });
  if (!valid.ok) problems.push(`invalid definition: ${valid.issues.map((i) => `${i.path} ${i.message.en}`).join('; ')}`);
  if (test.expect.module && result.definition.key !== test.expect.module) problems.push(`module key ${result.definition.key}, expected ${test.expect.module}`);

  const before = new Map((base?.fields ?? []).map((field) => [field.key, field]));
  const touched = result.definition.fields.filter((field) => !field.archived && !deepEqual(before.get(field.key), field));
  const archived = result.definition.fields.filter((field) => field.archived && !before.get(field.key)?.archived).map((field) => field.key);
  const expected = test.expect.fields;
  const gotKeys = touched.map((field) => field.key).sort();
  const wantKeys = expected.map((field) => field.key).sort();
  if (!deepEqual(gotKeys, wantKeys)) problems.push(`fields [${gotKeys}], expected [${wantKeys}]`);
  for (const want of expected) {
    const got = touched.find((field) => field.key === want.key);
    if (got) problems.push(...compareField(got, want));
  }
  if (!deepEqual([...archived].sort(), [...(test.expect.archived ?? [])].sort())) problems.push(`archived [${archived}], expected [${test.expect.archived ?? []}]`);
  const reported = result.notUnderstood.length > 0;
  if (reported !== Boolean(test.expect.notUnderstood)) problems.push(`notUnderstood ${JSON.stringify(result.notUnderstood)}`);
  return { id: test.id, prompt: test.prompt, ok: problems.length === 0, problems };
}

function compareField(got: ModuleField, want: ExpectedField): string[] {
  const out: string[] = [];
  if (got.type !== want.type) out.push(`${want.key}: type ${got.type}, expected ${want.type}`);
  if (Boolean(got.required) !== Boolean(want.required)) out.push(`${want.key}: required ${Boolean(got.required)}`);
  const options = 'options' in got ? got.options.filter((o) => !o.archived).map((o) => o.key) : undefined;
  if (want.options && !deepEqual(options, want.options)) out.push(`${want.key}: options [${options ?? ''}], expected [${want.options}]`);
  if (want.target && (got as { target?: string }).target !== want.target) out.push(`${want.key}: target ${(got as { target?: string }).target}`);
  return out;
}

export interface Score {
  total: number;
  right: number;
  percent: number;
  results: CaseResult[];
}

export function scorePromptSet(cases: PromptCase[] = PROMPT_SET): Score {
  const results = cases.map(scoreCase);
  const right = results.filter((r) => r.ok).length;
  return { total: results.length, right, percent: Math.round((1000 * right) / results.length) / 10, results };
}
