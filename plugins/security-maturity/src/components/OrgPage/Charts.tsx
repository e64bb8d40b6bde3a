import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  FunctionScores,
  OrgOverview,
  OrgTrendPoint,
  SAMM_BUSINESS_FUNCTIONS,
  SammBenchmark,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ScoreLineChart } from '../common';

// Fixed sizes: the cards are laid out on a grid, and charts render the same
// in the browser and in tests (no resize observer needed).
const WIDTH = 520;
const HEIGHT = 240;

/** Mean score per day, with the SAMM benchmark as a labelled reference. */
export function TrendChart(props: {
  points: OrgTrendPoint[];
  benchmark: SammBenchmark;
}) {
  const theme = useTheme();
  const { points, benchmark } = props;
  if (points.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history yet: the scheduled rescoring keeps a daily snapshot of every
        component, and the trend starts with the first one.
      </Typography>
    );
  }
  return (
    <ScoreLineChart
      points={points}
      withFunctions
      reference={{
        y: benchmark.overall,
        label: `${benchmark.source}: ${benchmark.overall}`,
        color: theme.palette.text.secondary,
      }}
      width={WIDTH}
      height={HEIGHT}
    />
  );
}

/** Business-function means next to the SAMM benchmark's. */
export function FunctionChart(props: { overview: OrgOverview }) {
  const theme = useTheme();
  const { overview } = props;
  const data = SAMM_BUSINESS_FUNCTIONS.map(f => ({
    name: f.name,
    'This selection': Number(
      overview.functions[f.id as keyof FunctionScores].toFixed(2),
    ),
    [overview.benchmark.source]:
      overview.benchmark.functions[f.id as keyof FunctionScores],
  }));
  return (
    <BarChart width={WIDTH} height={HEIGHT} data={data}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="name" />
      <YAxis domain={[0, 3]} />
      <Tooltip />
      <Legend />
      <Bar
        dataKey="This selection"
        fill={theme.palette.primary.main}
        isAnimationActive={false}
      />
      <Bar
        dataKey={overview.benchmark.source}
        fill={theme.palette.grey[400]}
        isAnimationActive={false}
      />
    </BarChart>
  );
}

/** How many components sit in each half point of the 0–3 scale. */
export function DistributionChart(props: { overview: OrgOverview }) {
  const theme = useTheme();
  const data = props.overview.distribution.map(b => ({
    range: `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
    Components: b.count,
  }));
  return (
    <BarChart width={WIDTH} height={HEIGHT} data={data}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="range" />
      <YAxis allowDecimals={false} />
      <Tooltip />
      <Bar
        dataKey="Components"
        fill={theme.palette.primary.main}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
