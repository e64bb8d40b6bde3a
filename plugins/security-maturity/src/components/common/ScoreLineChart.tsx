import { useTheme } from '@material-ui/core/styles';
import { SAMM_BUSINESS_FUNCTIONS } from '@secmat/backstage-plugin-security-maturity-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** One day of a score trend: an entity's snapshot or an org-wide mean. */
export type TrendPoint = {
  day: string;
  overall: number;
  functions: Partial<Record<string, number>>;
};

/**
 * Scores per day on the 0–3 scale, the overall one bold, with a dashed line
 * to compare against: a tier's target, the SAMM benchmark. One chart for the
 * org page and the entity's cards. Fixed size: charts render the same in the
 * browser and in tests (no resize observer needed).
 */
export function ScoreLineChart(props: {
  points: TrendPoint[];
  reference?: { y: number; label: string; color: string };
  /** The five business functions as thin lines too, with a legend. */
  withFunctions?: boolean;
  width: number;
  height: number;
}) {
  const theme = useTheme();
  const { points, reference, withFunctions } = props;
  const functions = withFunctions ? SAMM_BUSINESS_FUNCTIONS : [];
  const data = points.map(p => ({
    day: p.day,
    Overall: Number(p.overall.toFixed(2)),
    ...Object.fromEntries(
      functions.map(f => [f.name, Number((p.functions[f.id] ?? 0).toFixed(2))]),
    ),
  }));
  const colors = [
    theme.palette.info.main,
    theme.palette.success.main,
    theme.palette.warning.main,
    theme.palette.error.main,
    theme.palette.secondary.main,
  ];
  return (
    <LineChart width={props.width} height={props.height} data={data}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="day" />
      <YAxis domain={[0, 3]} />
      <Tooltip />
      {withFunctions && <Legend />}
      <Line
        type="monotone"
        dataKey="Overall"
        stroke={theme.palette.primary.main}
        strokeWidth={3}
        dot={points.length < 2}
        isAnimationActive={false}
      />
      {functions.map((f, i) => (
        <Line
          key={f.id}
          type="monotone"
          dataKey={f.name}
          stroke={colors[i]}
          dot={false}
          isAnimationActive={false}
        />
      ))}
      {reference && (
        <ReferenceLine
          y={reference.y}
          stroke={reference.color}
          strokeDasharray="6 3"
          label={reference.label}
        />
      )}
    </LineChart>
  );
}
