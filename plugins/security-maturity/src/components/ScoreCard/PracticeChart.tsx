import { useTheme } from '@material-ui/core/styles';
import {
  EntityScore,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * The 15 practice scores (0–3) as bars, with the tier's target as a line:
 * which practices hold the component back is visible at a glance.
 */
export function PracticeChart(props: { score: EntityScore }) {
  const theme = useTheme();
  const { score } = props;
  const data = SAMM_PRACTICES.map(p => ({
    id: p.id,
    name: p.name,
    score: Number((score.practices[p.id] ?? 0).toFixed(2)),
  }));
  return (
    <figure
      style={{ margin: 0 }}
      aria-label={`Practice scores${
        score.target === null ? '' : ` against the target ${score.target}`
      }`}
    >
      <BarChart width={560} height={240} data={data}>
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
          formatter={(value: number) => [value, 'Score']}
          labelFormatter={(id: string) =>
            `${id} ${SAMM_PRACTICES.find(p => p.id === id)?.name ?? ''}`
          }
        />
        <Bar
          dataKey="score"
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        />
        {score.target !== null && (
          <ReferenceLine
            y={score.target}
            stroke={theme.palette.error.main}
            strokeDasharray="6 3"
            label={`Target ${score.target}`}
          />
        )}
      </BarChart>
    </figure>
  );
}
