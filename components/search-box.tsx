// A plain GET form: search works without JavaScript and every search is a shareable URL.
export function SearchBox({ defaultValue = "", autoFocus = false, label = "Search questions and answers" }: { defaultValue?: string; autoFocus?: boolean; label?: string }) {
  return (
    <form action="/search" method="get" role="search" className="search-box">
      <label htmlFor="search-q" className="visually-hidden">
        {label}
      </label>
      <input id="search-q" name="q" type="search" defaultValue={defaultValue} autoFocus={autoFocus} placeholder="e.g. desalination, “new industrialization”, 耿爽" />
      <button type="submit">Search</button>
    </form>
  );
}
