import { renderTemplate, type TemplateMode } from '@crm/engine';

/** Renders with the engine's own renderer, so the preview is what the server sends; a broken template gives its error instead. */
export function renderPreview(template: string, data: Record<string, unknown>, mode: TemplateMode): { text: string } | { error: string } {
  try {
    return { text: renderTemplate(template, { ...data, $now: new Date() }, mode) };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] };
  }
}
