import { useState } from 'react';
import type { ModuleDefinition } from '@crm/engine';
import { designerApi, type ModulePlan } from '../api/designer.api';
import { useI18n } from '../i18n/i18n';
import { failureText } from './failure-text';
import type { ReviewData } from './PlanReview';

export interface PendingChange {
  plan: ModulePlan;
  /** The definition the plan was made for. */
  after: ModuleDefinition;
  /** Set when the change brings back this earlier version. */
  rollbackTo?: number;
}

export interface ModuleChange {
  /** The change under review, `null` while editing. */
  pending: PendingChange | null;
  /** What PlanReview shows of it. */
  review: ReviewData | null;
  busy: boolean;
  error: string | null;
  /** Asks the server for the plan of `after` (nothing is written) and shows it for review. */
  open(after: ModuleDefinition, rollbackTo?: number): Promise<void>;
  /** Applies the reviewed change with the version it was planned from (a stale one is a 409). */
  apply(keepAside: boolean): Promise<void>;
  cancel(): void;
}

/** A server plan as PlanReview shows it. */
export const toReview = (plan: ModulePlan): ReviewData => ({ ...plan, steps: plan.plan.steps });

/**
 * Plan → review → apply, the one way the designer and the settings editors
 * change a module: `onApplied` gets the stored definition the server answers.
 */
export function useModuleChange(moduleKey: string, stored: ModuleDefinition | null, onApplied: (definition: ModuleDefinition, change: PendingChange) => void): ModuleChange {
  const { l } = useI18n();
  const [pending, setPending] = useState<PendingChange | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function step(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failureText(failure, l));
    } finally {
      setBusy(false);
    }
  }

  return {
    pending,
    review: pending && toReview(pending.plan),
    busy,
    error,
    open: (after, rollbackTo) =>
      step(async () => {
        setPending({ plan: await designerApi.plan(moduleKey, after), after, rollbackTo });
      }),
    apply: (keepAside) =>
      step(async () => {
        if (!pending || !stored) return;
        const result =
          pending.rollbackTo !== undefined ? await designerApi.rollback(moduleKey, pending.rollbackTo, keepAside) : await designerApi.apply(moduleKey, pending.after, stored.version, keepAside);
        setPending(null);
        onApplied(result.definition, pending);
      }),
    cancel: () => {
      setPending(null);
      setError(null);
    },
  };
}
