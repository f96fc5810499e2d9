interface SearchBoxProps {
  /** Id of the input; each search box on a page needs its own. */
  id: string;
  /** Accessible name of the search landmark and the field. */
  label: string;
  defaultValue?: string;
  className?: string;
  /** Show the label above the field instead of only to screen readers. */
  visibleLabel?: boolean;
}

/** A plain GET form to /search: works without JavaScript and by keyboard. */
export function SearchBox({ id, label, defaultValue, className = "", visibleLabel = false }: SearchBoxProps) {
  return (
    <form role="search" aria-label={label} action="/search" method="get" className={className}>
      <label htmlFor={id} className={visibleLabel ? "mb-1 block text-sm font-semibold text-brand-900" : "sr-only"}>
        {label}
      </label>
      <div className="flex">
        <input
          id={id}
          type="search"
          name="q"
          defaultValue={defaultValue}
          maxLength={200}
          autoComplete="off"
          placeholder="Search the news"
          className="min-h-11 w-full min-w-0 rounded-l border border-r-0 border-slate-500 bg-white px-3 py-2 text-base text-ink placeholder:text-slate-600"
        />
        <button
          type="submit"
          className="min-h-11 rounded-r border border-brand-800 bg-brand-800 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900"
        >
          Search
        </button>
      </div>
    </form>
  );
}
