import { isEmptyValue } from '../rules/field-state.evaluator';

/** How the record to keep is chosen in each group of duplicates. */
export type KeeperRule = 'newest' | 'oldest' | 'mostComplete';
export const KEEPER_RULES: readonly KeeperRule[] = ['newest', 'oldest', 'mostComplete'];

/** One record of a group, as the merge reads it. */
export interface MergeCandidate {
  id: string;
  createdAt: string;
  updatedAt: string;
  values: Record<string, unknown>;
}

const filled = (candidate: MergeCandidate, fields: readonly string[]) => fields.filter((key) => !isEmptyValue(candidate.values[key])).length;
const time = (iso: string) => Date.parse(iso);

/**
 * The id of the record to keep: the newest or the oldest by creation, or the
 * one with the most fields filled (ties: the most recently changed, then the
 * oldest created). Ties always end on the id, so the answer never depends on
 * the order the records come in.
 */
export function chooseKeeper(candidates: readonly MergeCandidate[], rule: KeeperRule, fields: readonly string[]): string {
  if (candidates.length === 0) throw new Error('chooseKeeper needs at least one record');
  const score = (c: MergeCandidate): number[] => {
    if (rule === 'newest') return [time(c.createdAt)];
    if (rule === 'oldest') return [-time(c.createdAt)];
    return [filled(c, fields), time(c.updatedAt), -time(c.createdAt)];
  };
  let best = candidates[0];
  let bestScore = score(best);
  for (const candidate of candidates.slice(1)) {
    const s = score(candidate);
    const diff = s.findIndex((value, i) => value !== bestScore[i]);
    const better = diff === -1 ? candidate.id < best.id : s[diff] > bestScore[diff];
    if (better) {
      best = candidate;
      bestScore = s;
    }
  }
  return best.id;
}
