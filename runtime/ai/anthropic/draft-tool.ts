import { MODULE_DEFINITION_META_SCHEMA } from '@crm/engine';

export const DRAFT_TOOL_NAME = 'propose_module_definition';

const { $defs, $schema: _schema, $id: _id, ...definition } = MODULE_DEFINITION_META_SCHEMA as unknown as Record<string, unknown> & { $defs: Record<string, unknown> };

/**
 * The tool the model must call: its input is the engine's module definition (the
 * published meta-schema, whose `#/$defs/...` references keep working because the
 * definitions move to this schema's root) plus the parts of the prompt it left out.
 */
export const DRAFT_TOOL_INPUT_SCHEMA = {
  type: 'object' as const,
  required: ['definition', 'notUnderstood'],
  additionalProperties: false,
  properties: {
    definition: { $ref: '#/$defs/moduleDefinition' },
    notUnderstood: { type: 'array', items: { type: 'string' }, description: 'Parts of the prompt you did not act on, quoted as the admin wrote them.' },
  },
  $defs: { ...$defs, moduleDefinition: definition },
};

export const DRAFT_TOOL = {
  name: DRAFT_TOOL_NAME,
  description: "Propose the complete module definition that results from the admin's request.",
  input_schema: DRAFT_TOOL_INPUT_SCHEMA,
};

export const SYSTEM_PROMPT = [
  'You design modules of a metadata-driven CRM for Latin American contact centers.',
  'Answer only by calling the tool with the complete resulting module definition.',
  'Rules: keys are lowercase ascii snake_case and never change once created; every label has "es" and "en";',
  'never delete a field of an existing module: set "archived": true instead; picklist option keys are stable snake_case;',
  'currency fields need an ISO 4217 "currency" (COP unless the prompt says otherwise); lookups name a module key from the list given;',
  'list in notUnderstood every part of the request you did not act on instead of guessing.',
].join(' ');
