import type { ModuleNames } from '@crm/engine';
import type { Language } from './naming';
import { singularEn, singularEs } from './naming';
import { fold } from './span';
import { editDistance } from './typo.corrector';

/** A module of the operation, as lookups may name it. */
export interface ModuleSummary {
  key: string;
  names: ModuleNames;
}

const ARTICLES = new Set(['un', 'una', 'el', 'la', 'los', 'las', 'a', 'an', 'the', 'su', 'sus', 'its', 'their', 'cada', 'each', 'every', 'modulo', 'module', 'de', 'of']);

/** What every part of the grammar shares while it reads one prompt. */
export class ParseContext {
  readonly notUnderstood: string[] = [];

  constructor(
    readonly language: Language,
    private readonly modules: ModuleSummary[],
  ) {}

  /** Records a part of the prompt the grammar could not read, once. */
  miss(text: string): void {
    const clean = text.trim().replace(/^[,;:.\s]+|[,;:\s]+$/g, '');
    if (clean && !this.notUnderstood.includes(clean)) this.notUnderstood.push(clean);
  }

  /** The key of the module these words name ("un contacto", "companies", "Empresa"), or undefined. */
  resolveModule(text: string): string | undefined {
    const words = fold(text)
      .replace(/[^a-z0-9 ]+/g, ' ')
      .split(/\s+/)
      .filter((w) => w && !ARTICLES.has(w));
    if (!words.length) return undefined;
    const wanted = words.join(' ');
    const forms = (m: ModuleSummary) => [m.key.replace(/_/g, ' '), m.names.singular.es, m.names.singular.en, m.names.plural.es, m.names.plural.en].map((n) => fold(n));
    const candidates = [wanted, singularEs(wanted), singularEn(wanted)];
    const exact = this.modules.find((m) => forms(m).some((f) => candidates.includes(f)));
    if (exact) return exact.key;
    const close = this.modules.filter((m) => forms(m).some((f) => f.length >= 5 && editDistance(f, wanted, 2) <= (f.length >= 8 ? 2 : 1)));
    return close.length === 1 ? close[0].key : undefined;
  }

  moduleNames(key: string): ModuleNames | undefined {
    return this.modules.find((m) => m.key === key)?.names;
  }

  addModule(module: ModuleSummary): void {
    if (!this.modules.some((m) => m.key === module.key)) this.modules.push(module);
  }
}
