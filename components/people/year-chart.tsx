/** Answers per year as plain HTML bars: readable by screen readers as a list of numbers. */
export function YearChart({ years, label }: { years: { year: number; count: number }[]; label: string }) {
  if (years.length === 0) return null;
  const max = Math.max(...years.map((y) => y.count));
  return (
    <ul className="bar-chart" aria-label={label}>
      {years.map((y) => (
        <li key={y.year}>
          <span>{y.year}</span>
          <span className="bar-chart__bar" style={{ width: `${Math.max(1, (y.count / max) * 100)}%` }} aria-hidden="true" />
          <span>{y.count}</span>
        </li>
      ))}
    </ul>
  );
}
