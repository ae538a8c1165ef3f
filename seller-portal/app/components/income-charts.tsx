/**
 * The income charts, drawn on the server as SVG and HTML: no charting library, no JavaScript in the
 * browser (0 KB), and each chart comes with a table of the same numbers. Hovering a point shows its
 * value through the SVG <title>.
 */

export type SeriesPoint = { label: string; title: string; net: number; gross: number };

const WIDTH = 600;
const HEIGHT = 260;
const PAD = { left: 84, right: 16, top: 16, bottom: 36 };

/** 0, a round step, 2 steps… covering `max`: 1, 2 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const span = Math.max(max - min, 1);
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? 10 * power;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let value = start; value < max + step; value += step) {
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}

export function IncomeLineChart({
  points,
  label,
  formatAxis,
  formatValue,
  legend,
}: {
  points: SeriesPoint[];
  label: string;
  formatAxis: (fen: number) => string;
  formatValue: (fen: number) => string;
  legend: { net: string; gross: string };
}) {
  const values = points.flatMap((point) => [point.net, point.gross]);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const low = ticks[0];
  const high = ticks[ticks.length - 1];
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (points.length === 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const y = (value: number) => PAD.top + plotHeight - ((value - low) / (high - low || 1)) * plotHeight;
  const path = (pick: (point: SeriesPoint) => number) =>
    points.map((point, index) => `${index === 0 ? "M" : "L"}${x(index).toFixed(1)},${y(pick(point)).toFixed(1)}`).join(" ");
  const labelled = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])].filter((index) => index >= 0);

  return (
    <figure className="income-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="income-chart__svg">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className={tick === 0 ? "income-chart__zero" : "income-chart__grid"} />
            <text x={PAD.left - 8} y={y(tick) + 6} textAnchor="end" className="income-chart__axis">
              {formatAxis(tick)}
            </text>
          </g>
        ))}
        {labelled.map((index) => (
          <text
            key={index}
            x={x(index)}
            y={HEIGHT - 8}
            textAnchor={points.length === 1 ? "middle" : index === 0 ? "start" : index === points.length - 1 ? "end" : "middle"}
            className="income-chart__axis"
          >
            {points[index]?.label}
          </text>
        ))}
        <path d={path((point) => point.gross)} className="income-chart__gross" />
        <path d={path((point) => point.net)} className="income-chart__net" />
        {points.map((point, index) => (
          <circle key={point.title} cx={x(index)} cy={y(point.net)} r={points.length > 60 ? 2 : 4} className="income-chart__dot">
            <title>{`${point.title}: ${legend.net} ${formatValue(point.net)}, ${legend.gross} ${formatValue(point.gross)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="income-chart__legend">
        <span className="income-chart__key income-chart__key--net">{legend.net}</span>
        <span className="income-chart__key income-chart__key--gross">{legend.gross}</span>
      </figcaption>
    </figure>
  );
}

export type Bar = { key: string; label: string; value: number; text: string; href?: string };

/** Horizontal bars, longest first, as a list: readable on a phone, and the numbers are text. */
export function IncomeBars({ bars, label }: { bars: Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <ol className="income-bars" aria-label={label}>
      {bars.map((bar) => (
        <li key={bar.key} className="income-bars__row">
          <span className="income-bars__label">{bar.href ? <a href={bar.href}>{bar.label}</a> : bar.label}</span>
          <span className="income-bars__track" aria-hidden="true">
            <span className="income-bars__bar" style={{ width: `${Math.max(0, (bar.value / max) * 100).toFixed(1)}%` }} />
          </span>
          <span className="income-bars__value">{bar.text}</span>
        </li>
      ))}
    </ol>
  );
}
