/**
 * A horizontal bar chart in HTML: each bar carries its category and its value, so the chart reads
 * on its own, on a 360 px phone and on paper; the same numbers stand in a table beside it. Bars
 * grow from the inline start (logical properties), so RTL reads right to left without a mirror.
 * The chart is hidden from screen readers, which read the table.
 */
export interface Bar {
  label: string;
  value: number;
  /** Text shown on the bar, e.g. "42 %" or "12". */
  display: string;
}

interface Props {
  name: string;
  bars: Bar[];
  max: number;
  dir: 'ltr' | 'rtl';
  /** Column headers of the data table. */
  columns: [string, string];
}

export default function BarChart({ name, bars, max, columns }: Props) {
  return (
    <figure class="chart">
      <div class="bars" aria-hidden="true" title={name}>
        {bars.map((bar, i) => (
          <div class="bar-row" key={i}>
            <span class="bar-label">{bar.label}</span>
            <span class="bar-track">
              <span class="bar" style={{ inlineSize: `${max > 0 ? (bar.value / max) * 100 : 0}%` }} />
              <span class="bar-value">{bar.display}</span>
            </span>
          </div>
        ))}
      </div>
      <figcaption class="visually-hidden">{name}</figcaption>
      <table>
        <thead><tr><th scope="col">{columns[0]}</th><th scope="col">{columns[1]}</th></tr></thead>
        <tbody>{bars.map((bar, i) => <tr key={i}><th scope="row">{bar.label}</th><td>{bar.display}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
