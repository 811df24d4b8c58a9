import { Module } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime.config';
import { AiController } from './ai.controller';
import { AnthropicDraftProvider } from './anthropic/anthropic.provider';
import { DRAFT_PROVIDER, type ModuleDraftProvider } from './draft-provider';
import { ModuleDraftsService } from './module-drafts.service';
import { OfflineDraftProvider } from './offline/offline.provider';

/** The offline grammar unless ANTHROPIC_API_KEY is set. */
export function chooseProvider(config: RuntimeConfig): ModuleDraftProvider {
  if (!config.anthropicApiKey) return new OfflineDraftProvider();
  return new AnthropicDraftProvider({ apiKey: config.anthropicApiKey, model: config.anthropicModel, baseURL: config.anthropicBaseUrl });
}

/** The AI module assistant (S2): POST /api/v1/ai/module-drafts. */
@Module({
  controllers: [AiController],
  providers: [{ provide: DRAFT_PROVIDER, useFactory: chooseProvider, inject: [RUNTIME_CONFIG] }, ModuleDraftsService],
})
export class AiModule {}
