import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="wrap site-header__inner">
        <Link href="/" className="brand">
          Pressroom
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link href="/search">Search</Link>
            </li>
            <li>
              <Link href="/conferences">Conferences</Link>
            </li>
            <li>
              <Link href="/people">People</Link>
            </li>
            <li>
              <Link href="/outlets">Outlets</Link>
            </li>
            <li>
              <Link href="/editor">Editors</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p>Pressroom is an open archive of press conferences as question-and-answer pairs. Texts are quoted from their published sources; each page links its source.</p>
        <p>
          <a href="/feed.xml">Atom feed</a> · <a href="/api/v1/openapi.json">API</a>
        </p>
      </div>
    </footer>
  );
}
