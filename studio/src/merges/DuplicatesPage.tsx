import { useEffect, useState } from 'react';
import { KEEPER_RULES, type KeeperRule, type ModuleDefinition } from '@crm/engine';
import { type DuplicateGroup, type DuplicateQuery, type MergeResult, mergesApi } from '../api/merges.api';
import { recordsApi } from '../api/records.api';
import type { ApiRecord } from '../api/types';
import { navigate, paths } from '../app/router';
import { failureText } from '../designer/failure-text';
import { moduleRight, useRights } from '../designer/profile-rights';
import { useI18n } from '../i18n/i18n';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { isFinished, useJobProgress } from '../jobs/use-job-progress';
import { DuplicateQueryForm } from './DuplicateQueryForm';
import { GroupDetail } from './GroupDetail';
import { type GroupChoice, groupPayload, keeperByRule } from './merge-choices';
import { MergesList } from './MergesList';
import '../designer/designer.css';
import './merges.css';

const PAGE = 50;
const groupKey = (group: DuplicateGroup) => group.key.join('\u0000');

/** "Duplicados" (B3): find groups, review one side by side, merge the chosen groups (or all of them by a rule) as a job, and the merges list with undo. */
export function DuplicatesPage({ definition }: { definition: ModuleDefinition }) {
  const { t, l, locale } = useI18n();
  const rights = useRights();
  const [query, setQuery] = useState<DuplicateQuery | null>(null);
  const [groups, setGroups] = useState<DuplicateGroup[]>([]);
  const [totals, setTotals] = useState<{ groups: number; records: number } | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [records, setRecords] = useState<Map<string, ApiRecord[]>>(new Map());
  const [choices, setChoices] = useState<Map<string, GroupChoice>>(new Map());
  const [rule, setRule] = useState<KeeperRule>('mostComplete');
  const [jobId, setJobId] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [running, setRunning] = useState(false);
  const allowed = moduleRight(rights, definition.key, 'edit') && moduleRight(rights, definition.key, 'delete');
  const n = (value: number) => value.toLocaleString(locale);

  async function search(next: DuplicateQuery, from: string | null = null) {
    setBusy(true);
    setError(null);
    try {
      const page = await mergesApi.duplicates(definition.key, next, PAGE, from);
      setQuery(next);
      setGroups((list) => (from ? [...list, ...page.items] : page.items));
      setTotals({ groups: page.total ?? 0, records: page.records });
      setCursor(page.nextCursor);
      if (!from) {
        setSelected(new Set());
        setOpen(null);
        setChoices(new Map());
        setRecords(new Map());
      }
    } catch (failure) {
      setError(failureText(failure, l));
    } finally {
      setBusy(false);
    }
  }

  async function recordsOf(group: DuplicateGroup): Promise<ApiRecord[]> {
    const known = records.get(groupKey(group));
    if (known) return known;
    // One query for the whole group, shown in the group's order (newest first).
    const page = await recordsApi.query(definition.key, { filter: { field: 'id', op: 'in', value: group.ids }, limit: group.ids.length });
    const byId = new Map(page.items.map((record) => [record.id, record]));
    const loaded = group.ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    setRecords((map) => new Map(map).set(groupKey(group), loaded));
    return loaded;
  }

  async function toggleOpen(group: DuplicateGroup) {
    const key = groupKey(group);
    if (open === key) return setOpen(null);
    try {
      const loaded = await recordsOf(group);
      if (!choices.has(key)) setChoices((map) => new Map(map).set(key, { keep: keeperByRule(definition, loaded, rule), values: {} }));
      setOpen(key);
      setSelected((set) => new Set(set).add(key));
    } catch (failure) {
      setError(failureText(failure, l));
    }
  }

  /** A rule button: the kept record of every group not changed by hand follows it (the open group too). */
  function applyRule(next: KeeperRule) {
    setRule(next);
    setChoices((map) => {
      const out = new Map(map);
      for (const [key, choice] of map) {
        const loaded = records.get(key);
        if (loaded) out.set(key, { keep: keeperByRule(definition, loaded, next), values: choice.values });
      }
      return out;
    });
  }

  async function mergeSelected() {
    const chosen = groups.filter((g) => selected.has(groupKey(g)));
    if (!chosen.length || !window.confirm(t('merges.confirmSelected', { count: n(chosen.length) }))) return;
    setError(null);
    try {
      const payload = await Promise.all(
        chosen.map(async (group) => {
          const choice = choices.get(groupKey(group)) ?? { keep: keeperByRule(definition, await recordsOf(group), rule), values: {} };
          return groupPayload(group.ids, choice);
        }),
      );
      setJobId((await mergesApi.merge(definition.key, payload)).id);
      setRunning(true);
    } catch (failure) {
      setError(failureText(failure, l));
    }
  }

  async function mergeAll() {
    if (!query || !totals || !window.confirm(t('merges.confirmAll', { count: n(totals.groups), rule: t(`merges.rule.${rule}`) }))) return;
    setError(null);
    try {
      setJobId((await mergesApi.mergeAll(definition.key, rule, query)).id);
      setRunning(true);
    } catch (failure) {
      setError(failureText(failure, l));
    }
  }

  const label = (index: number) => {
    const field = definition.fields.find((f) => f.key === query?.fields[index]);
    return field ? l(field.label) : (query?.fields[index] ?? '');
  };
  const openGroup = groups.find((g) => groupKey(g) === open);

  return (
    <section className="duplicates-page" data-module={definition.key}>
      <div className="view-head">
        <button type="button" className="link" onClick={() => navigate(paths.table(definition.key))} data-testid="back-to-table">
          ← {t('merges.backToTable')}
        </button>
      </div>
      <h1 className="merges-title">{t('merges.title', { module: l(definition.names.plural) })}</h1>
      {!allowed && rights.loaded && <p className="error">{t('merges.forbidden')}</p>}
      <DuplicateQueryForm definition={definition} busy={busy} onSearch={(next) => void search(next)} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {totals && totals.groups === 0 && <p className="muted">{t('merges.none')}</p>}
      {totals && totals.groups > 0 && (
        <>
          <p data-testid="dup-summary">{t('merges.summary', { groups: n(totals.groups), records: n(totals.records) })}</p>
          <div className="merge-rules" role="group" aria-label={t('merges.rule')}>
            <span>{t('merges.rule')}:</span>
            {KEEPER_RULES.map((r) => (
              <button key={r} type="button" className={r === rule ? 'on' : undefined} aria-pressed={r === rule} onClick={() => applyRule(r)} data-testid={`rule-${r}`}>
                {t(`merges.rule.${r}`)}
              </button>
            ))}
            <span className="muted">{t('merges.ruleHint')}</span>
          </div>
          <div className="table-wrap">
            <table className="records dup-groups" data-testid="dup-groups">
              <thead>
                <tr>
                  <th>
                    <input
                      type="checkbox"
                      aria-label={t('merges.selectAll')}
                      checked={groups.length > 0 && groups.every((g) => selected.has(groupKey(g)))}
                      onChange={(e) => setSelected(e.target.checked ? new Set(groups.map(groupKey)) : new Set())}
                    />
                  </th>
                  {query?.fields.map((key, i) => (
                    <th key={key}>{label(i)}</th>
                  ))}
                  <th>{t('merges.count')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => {
                  const key = groupKey(group);
                  return (
                    <tr key={key} className={open === key ? 'open' : undefined} data-group={group.key.join('|')} data-count={group.count}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('merges.select')}
                          checked={selected.has(key)}
                          onChange={() =>
                            setSelected((set) => {
                              const out = new Set(set);
                              if (out.has(key)) out.delete(key);
                              else out.add(key);
                              return out;
                            })
                          }
                          data-testid="dup-select"
                        />
                      </td>
                      {group.key.map((value, i) => (
                        <td key={i} className="key">
                          {value}
                        </td>
                      ))}
                      <td>{n(group.count)}</td>
                      <td>
                        <button type="button" onClick={() => void toggleOpen(group)} data-testid="dup-open">
                          {open === key ? t('merges.closeGroup') : t('merges.openGroup')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {cursor && query && (
            <button type="button" disabled={busy} onClick={() => void search(query, cursor)}>
              {t('merges.more')}
            </button>
          )}
          {openGroup && records.get(open!) && choices.get(open!) && (
            <section className="panel">
              <h2>{t('merges.group', { key: openGroup.key.join(' · ') })}</h2>
              <GroupDetail definition={definition} records={records.get(open!)!} choice={choices.get(open!)!} onChange={(choice) => setChoices((map) => new Map(map).set(open!, choice))} />
            </section>
          )}
          <div className="merge-actions">
            <button type="button" className="primary" disabled={!allowed || selected.size === 0 || running} onClick={() => void mergeSelected()} data-testid="merge-selected">
              {t('merges.mergeSelected', { count: n(selected.size) })}
            </button>
            <button type="button" disabled={!allowed || running} onClick={() => void mergeAll()} data-testid="merge-all">
              {t('merges.mergeAll', { count: n(totals.groups) })}
            </button>
          </div>
        </>
      )}
      {jobId && (
        <MergeProgress
          key={jobId}
          jobId={jobId}
          onFinished={() => {
            setRunning(false);
            setGeneration((g) => g + 1);
            if (query) void search(query);
          }}
        />
      )}
      <MergesList definition={definition} generation={generation} onUndone={() => query && void search(query)} />
    </section>
  );
}

function MergeProgress({ jobId, onFinished }: { jobId: string; onFinished(): void }) {
  const { t, l, locale } = useI18n();
  const { job, refused } = useJobProgress(jobId);
  const finished = isFinished(job);
  useEffect(() => {
    if (finished) onFinished();
    // Once, when the job ends.
  }, [finished]); // eslint-disable-line react-hooks/exhaustive-deps
  const result = job?.state === 'completed' ? (job.result as MergeResult | null) : null;
  return (
    <section className="panel" data-testid="merge-progress" data-state={job?.state ?? 'queued'}>
      <JobProgressBar job={job} testId="merge-bar" label={(processed, total) => t('merges.running', { processed, total })} />
      {(refused || job?.state === 'failed' || job?.state === 'cancelled') && <p className="error">{job?.error ? l(job.error.message) : t('merges.failed')}</p>}
      {result && <p data-testid="merge-done">{t('merges.done', { merged: result.merged.toLocaleString(locale), failed: result.failed.toLocaleString(locale) })}</p>}
      {result && result.errors.length > 0 && (
        <>
          <h3>{t('merges.errors')}</h3>
          <ul>
            {result.errors.map((e) => (
              <li key={e.ids.join(',')}>{l(e.message)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
