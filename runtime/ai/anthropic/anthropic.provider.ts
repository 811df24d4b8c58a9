import Anthropic from '@anthropic-ai/sdk';
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { invalidAnswer, providerUnavailable } from '../ai.errors';
import type { DraftAnswer, DraftRequest, ModuleDraftProvider } from '../draft-provider';
import { checkAnswer, describeIssues } from './answer.check';
import { DRAFT_TOOL, DRAFT_TOOL_NAME, SYSTEM_PROMPT } from './draft-tool';

export interface AnthropicOptions {
  apiKey: string;
  model: string;
  baseURL?: string;
}

/** Attempts per prompt: the first answer, and one retry that carries the validation errors. */
const ATTEMPTS = 2;

/** Asks Claude through the Messages API with a tool whose input is the definition format. */
export class AnthropicDraftProvider implements ModuleDraftProvider {
  readonly name = 'anthropic' as const;
  private readonly client: Anthropic;

  constructor(private readonly options: AnthropicOptions) {
    // The SDK's own retries cover network faults; bad answers are retried below with their errors.
    this.client = new Anthropic({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 1, timeout: 90_000 });
  }

  async draft(request: DraftRequest): Promise<DraftAnswer> {
    const messages: MessageParam[] = [{ role: 'user', content: userMessage(request) }];
    for (let attempt = 1; ; attempt++) {
      const response = await this.ask(messages);
      const call = response.content.find((block) => block.type === 'tool_use' && block.name === DRAFT_TOOL_NAME);
      const checked = checkAnswer(call?.type === 'tool_use' ? call.input : undefined, request);
      if (checked.ok) return checked.answer;
      if (attempt >= ATTEMPTS) throw invalidAnswer(checked.issues);
      messages.push({ role: 'assistant', content: response.content });
      messages.push({
        role: 'user',
        content:
          call?.type === 'tool_use'
            ? [{ type: 'tool_result', tool_use_id: call.id, is_error: true, content: describeIssues(checked.issues) }]
            : [{ type: 'text', text: describeIssues(checked.issues) }],
      });
    }
  }

  private async ask(messages: MessageParam[]) {
    try {
      return await this.client.messages.create({
        model: this.options.model,
        max_tokens: 8192,
        system: SYSTEM_PROMPT,
        tools: [DRAFT_TOOL as Anthropic.Tool],
        tool_choice: { type: 'tool', name: DRAFT_TOOL_NAME },
        messages,
      });
    } catch (error) {
      throw providerUnavailable(error instanceof Error ? error.message : String(error));
    }
  }
}

function userMessage(request: DraftRequest): string {
  const parts = [
    `Modules of this operation (lookup targets): ${request.modules.map((m) => `${m.key} (${m.names.plural.es} / ${m.names.plural.en})`).join(', ')}.`,
    request.base
      ? `${request.existing ? 'The stored module to change (keep its key and names)' : 'The current draft of a new module'}:\n${JSON.stringify(request.base)}`
      : 'This is a new module: choose its key and names from the request.',
    `The admin's request:\n${request.prompt}`,
  ];
  return parts.join('\n\n');
}
