import { useTheme } from '@material-ui/core/styles';
import { EntityRoadmap } from '@secmat/backstage-plugin-security-maturity-common';
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

/** The chart's points: now, then each phase's projected and actual overall. */
export function roadmapChartData(roadmap: EntityRoadmap) {
  const round = (n: number | null) =>
    n === null ? null : Number(n.toFixed(2));
  return [
    {
      label: 'Now',
      Planned: round(roadmap.current.overall),
      Actual: round(roadmap.current.overall),
    },
    ...roadmap.phases.map(p => ({
      label: `Phase ${p.phase}${
        p.progress.dueOn ? ` (${p.progress.dueOn})` : ''
      }`,
      Planned: round(p.progress.plannedOverall),
      // Ahead of its due day there is nothing actual to compare yet.
      Actual:
        p.progress.status === 'upcoming'
          ? null
          : round(p.progress.actualOverall),
    })),
  ];
}

/**
 * The projected overall score after each phase against the actual one on its
 * due day (from the daily snapshots), on the 0–3 scale with the tier's
 * target: the charting of ScoreTrend (recharts, fixed size).
 */
export function RoadmapChart(props: { roadmap: EntityRoadmap }) {
  const theme = useTheme();
  const { roadmap } = props;
  return (
    <figure
      style={{ margin: 0 }}
      aria-label="Projected score per phase against the actual score"
    >
      <LineChart width={560} height={200} data={roadmapChartData(roadmap)}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis domain={[0, 3]} />
        <Tooltip />
        <Legend />
        <Line
          type="monotone"
          dataKey="Planned"
          stroke={theme.palette.primary.main}
          strokeWidth={3}
          strokeDasharray="6 3"
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="Actual"
          stroke={theme.palette.success.main}
          strokeWidth={2}
          connectNulls={false}
          isAnimationActive={false}
        />
        {roadmap.target !== null && (
          <ReferenceLine
            y={roadmap.target}
            stroke={theme.palette.error.main}
            strokeDasharray="4 4"
            label={`Tier target ${roadmap.target}`}
          />
        )}
      </LineChart>
    </figure>
  );
}
