export interface Page {
  page: number;
  pageCount: number;
  perPage: number;
  offset: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/**
 * Reads `?page=` from search params: missing means 1, anything but a whole number from 1 up
 * means null (the page answers 404 rather than guessing).
 */
export function parsePageParam(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  if (Array.isArray(raw) || !/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  return Number(raw);
}

/** Page arithmetic; null when `page` lies past the last page (page 1 of nothing exists). */
export function paginate(total: number, page: number, perPage: number): Page | null {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  if (page < 1 || page > pageCount) return null;
  return {
    page,
    pageCount,
    perPage,
    offset: (page - 1) * perPage,
    total,
    hasPrevious: page > 1,
    hasNext: page < pageCount,
  };
}
