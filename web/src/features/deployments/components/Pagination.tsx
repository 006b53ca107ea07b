interface Props {
  page: number;
  pageSize: number;
  count: number;
  onPage: (page: number) => void;
}

export function Pagination({ page, pageSize, count, onPage }: Props) {
  const pages = Math.max(1, Math.ceil(count / pageSize));
  const from = count === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(count, page * pageSize);
  return (
    <nav className="pagination" aria-label="Pagination">
      <span data-testid="page-summary" aria-live="polite">
        {from}–{to} of {count}
      </span>
      <button
        type="button"
        className="btn btn-small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        data-testid="page-prev"
      >
        ‹ Previous
      </button>
      <span className="muted">
        Page {Math.min(page, pages)} of {pages}
      </span>
      <button
        type="button"
        className="btn btn-small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        data-testid="page-next"
      >
        Next ›
      </button>
    </nav>
  );
}
