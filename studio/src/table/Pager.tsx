import { useI18n } from '../i18n/i18n';

export const PAGE_SIZES = [25, 50, 100] as const;

/** Row count (a capped one counted exactly on request), page n of m, previous / next and page size. */
export function Pager({
  total,
  capped,
  page,
  pageSize,
  onPage,
  onPageSize,
  onCountExactly,
}: {
  total: number;
  capped: boolean;
  page: number;
  pageSize: number;
  onPage(p: number): void;
  onPageSize(s: number): void;
  onCountExactly?(): void;
}) {
  const { t, locale } = useI18n();
  // A capped total is a lower bound: paging goes on past it.
  const pages = Math.max(1, Math.ceil(total / pageSize), capped ? page + 1 : 0);
  const more = capped ? '+' : '';
  return (
    <div className="pager">
      <span data-testid="row-count">{t('table.rows', { count: total.toLocaleString(locale) + more })}</span>
      {capped && onCountExactly && (
        <button type="button" className="link" data-testid="count-exactly" onClick={onCountExactly}>
          {t('table.countExactly')}
        </button>
      )}
      <span className="spacer" />
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('table.prev')}
      </button>
      <span>{t('table.page', { page, pages: `${pages}${more}` })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('table.next')}
      </button>
      <label>
        {t('table.pageSize')}{' '}
        <select value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
