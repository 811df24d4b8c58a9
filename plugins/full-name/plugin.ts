import type { ModulePlugin } from '@crm/engine';
import type { FullNameConfig } from './full-name';
import { beforeValidate } from './hooks/before-validate.hook';
import en from './locale/en.json';
import es from './locale/es.json';

export const fullNamePlugin: ModulePlugin<FullNameConfig> = {
  name: 'full-name',
  version: '1.0.0',
  description: { es: es['plugin.description'], en: en['plugin.description'] },
  // Problems with the module's config, as English sentences; the definition is refused when there are any.
  checkConfig(config, definition) {
    const { parts, target } = config;
    if (!Array.isArray(parts) || parts.length === 0 || typeof target !== 'string') return ['config needs "parts" (field keys) and "target" (a field key)'];
    const texts = new Set(definition.fields.filter((field) => field.type === 'text').map((field) => field.key));
    return [...parts, target].filter((key) => !texts.has(key)).map((key) => `"${key}" is not a text field of the module`);
  },
  hooks: { beforeValidate },
};
