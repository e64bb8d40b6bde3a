import { useTheme } from '@material-ui/core/styles';
import {
  EntityScore,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * A target as a short horizontal dash across its practice's bar. Recharts
 * gives a dot the line's own props (its stroke is none), so the colour
 * comes under another name.
 */
function TargetDash(props: { cx?: number; cy?: number; color: string }) {
  const { cx, cy, color } = props;
  if (cx === undefined || cy === undefined) return null;
  return (
    <line x1={cx - 12} x2={cx + 12} y1={cy} y2={cy} stroke={color} strokeWidth={3} />
  );
} // prettier-ignore

/**
 * The 15 practice scores (0–3) as bars, each with its target in the tier's
 * profile as a dash (before target profiles: the tier's overall target as a
 * line): which practices hold the component back is visible at a glance.
 */
export function PracticeChart(props: { score: EntityScore }) {
  const theme = useTheme();
  const { score } = props;
  const targets = score.practiceTargets;
  const data = SAMM_PRACTICES.map(p => ({
    id: p.id,
    name: p.name,
    score: Number((score.practices[p.id] ?? 0).toFixed(2)),
    ...(targets ? { target: Number(targets[p.id].target.toFixed(2)) } : {}),
  }));
  let label = 'Practice scores';
  if (targets) label = 'Practice scores against their targets';
  else if (score.target !== null) {
    label = `Practice scores against the target ${score.target}`;
  }
  const stroke = theme.palette.error.main;
  return (
    <figure style={{ margin: 0 }} aria-label={label}>
      <ComposedChart width={560} height={240} data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        {/* Fifteen practice IDs side by side only fit slanted. */}
        <XAxis
          dataKey="id"
          interval={0}
          angle={-45}
          textAnchor="end"
          height={44}
          tick={{ fontSize: 11 }}
        />
        <YAxis domain={[0, 3]} ticks={[0, 1, 2, 3]} />
        <Tooltip
          formatter={(value: number, key: string) => [
            value,
            key === 'target' ? 'Target' : 'Score',
          ]}
          labelFormatter={(id: string) =>
            `${id} ${SAMM_PRACTICES.find(p => p.id === id)?.name ?? ''}`
          }
        />
        <Bar
          dataKey="score"
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        />
        {targets && (
          <Line
            dataKey="target"
            stroke="none"
            dot={<TargetDash color={stroke} />}
            activeDot={false}
            legendType="none"
            isAnimationActive={false}
          />
        )}
        {!targets && score.target !== null && (
          <ReferenceLine
            y={score.target}
            stroke={stroke}
            strokeDasharray="6 3"
            label={`Target ${score.target}`}
          />
        )}
      </ComposedChart>
    </figure>
  );
}
