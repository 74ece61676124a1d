/**
 * A horizontal bar chart as accessible SVG: the SVG is an image with a name, and the same numbers
 * always stand in a table beside it. Bars grow from the inline start, so RTL reads right to left.
 */
export interface Bar {
  label: string;
  value: number;
  /** Text shown after the bar, e.g. "42 %" or "12". */
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

const WIDTH = 320;
const ROW = 26;

export default function BarChart({ name, bars, max, dir, columns }: Props) {
  const height = bars.length * ROW + 4;
  return (
    <figure class="chart">
      <svg role="img" aria-label={name} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" height={height} preserveAspectRatio="xMinYMin meet">
        {bars.map((bar, i) => {
          const w = max > 0 ? Math.max(0, (bar.value / max) * (WIDTH - 80)) : 0;
          const x = dir === 'rtl' ? WIDTH - w : 0;
          const textX = dir === 'rtl' ? WIDTH - w - 6 : w + 6;
          return (
            <g key={i}>
              <rect x={x} y={i * ROW + 4} width={w} height={ROW - 8} class="bar" />
              <text x={textX} y={i * ROW + ROW / 2 + 4} text-anchor={dir === 'rtl' ? 'end' : 'start'} class="bar-text">{bar.display}</text>
            </g>
          );
        })}
      </svg>
      <table>
        <thead><tr><th scope="col">{columns[0]}</th><th scope="col">{columns[1]}</th></tr></thead>
        <tbody>{bars.map((bar, i) => <tr key={i}><th scope="row">{bar.label}</th><td>{bar.display}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
