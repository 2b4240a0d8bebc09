// Shared pieces of the comparison and the public figures
// (docs/product.md#comparing-municipalities): a figure's value in words, and a small
// drawing of the own value against the quartiles. The drawing repeats the table beside
// it; the table is what a screen reader reads.
import type { ComparedFigure, FigureKey } from '../../api/models.js';
import { type Translate, useI18n } from '../../i18n/index.js';

type Aggregate = ComparedFigure['all'];

/** A value with its unit in the reader's language ("75%", "12 dagen", "7,5"). */
export function formatValue(t: Translate, locale: string, key: FigureKey, value: number | null | undefined): string {
  if (value === null || value === undefined) return t('benchmark.noData');
  const n = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
  return t(`unit.${key}`, { value: n });
}

/** The largest value a figure's axis shows: shares and marks have a fixed scale. */
const scaleOf = (key: FigureKey, values: number[]) =>
  key === 'plansOnTime' || key === 'commitmentsKept' ? 100 : key === 'averageMark' ? 10 : Math.max(10, ...values.map((v) => Math.ceil(v * 1.1)));

/**
 * Box drawing: per row (all participants, the size class) a bar from the first to the
 * third quartile with the median as a line, and the own value as a diamond. A
 * suppressed row is left empty, as the table says "te weinig gegevens".
 */
export function FigureDrawing({ figure }: { figure: ComparedFigure }) {
  const { t } = useI18n();
  const rows: { label: string; a: Aggregate | null }[] = [
    { label: t('benchmark.all'), a: figure.all },
    ...(figure.sizeClass ? [{ label: t('benchmark.class'), a: figure.sizeClass }] : []),
  ];
  const own = figure.own.suppressed ? null : (figure.own.value ?? null);
  const values = [own, ...rows.flatMap((r) => (r.a && !r.a.suppressed ? [r.a.q3 ?? 0] : []))].filter((v): v is number => v !== null);
  const max = scaleOf(figure.key, values);
  const width = 300;
  const x = (v: number) => 10 + (Math.min(v, max) / max) * (width - 20);
  const rowHeight = 28;
  const height = rows.length * rowHeight + 16;
  return (
    <svg
      className="regie-benchmark__drawing"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('benchmark.chart', { figure: t(`figure.${figure.key}`) })}
      preserveAspectRatio="xMinYMin meet"
    >
      <line x1={10} x2={width - 10} y1={height - 8} y2={height - 8} stroke="currentColor" strokeWidth={1} />
      {rows.map((r, i) => {
        const y = 8 + i * rowHeight;
        const a = r.a;
        return (
          <g key={r.label}>
            {a && !a.suppressed ? (
              <>
                <rect x={x(a.q1 ?? 0)} y={y} width={Math.max(2, x(a.q3 ?? 0) - x(a.q1 ?? 0))} height={rowHeight - 10} className="regie-benchmark__box" />
                <line x1={x(a.median ?? 0)} x2={x(a.median ?? 0)} y1={y - 2} y2={y + rowHeight - 8} stroke="currentColor" strokeWidth={3} />
              </>
            ) : null}
            {own !== null ? (
              <polygon
                points={`${x(own)},${y + 1} ${x(own) + 8},${y + (rowHeight - 10) / 2} ${x(own)},${y + rowHeight - 11} ${x(own) - 8},${y + (rowHeight - 10) / 2}`}
                className="regie-benchmark__own"
              />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
