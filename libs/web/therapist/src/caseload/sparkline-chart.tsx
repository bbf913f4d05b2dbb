import { useTheme } from '@mui/material/styles';
import { Line, LineChart, YAxis } from 'recharts';

/** The drawing alone, in its own chunk: the chart library is the heaviest thing on the caseload. */
export const SparklineChart = ({ weekly }: { weekly: (number | null)[] }) => {
  const theme = useTheme();
  const data = weekly.map((value, index) => ({ week: index, value }));
  return (
    <LineChart width={120} height={32} data={data} accessibilityLayer={false}>
      <YAxis domain={[0, 1]} hide />
      <Line
        type="monotone"
        dataKey="value"
        stroke={theme.palette.primary.main}
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
};
