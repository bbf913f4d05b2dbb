import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { Line, LineChart, YAxis } from 'recharts';
import { useLocaleState, useTranslate } from 'react-admin';

import { percent } from '../common/format';

/**
 * Eight weeks of completion as a tiny line. The chart itself is decoration for sighted users;
 * the label reads the same numbers out for everyone else.
 */
export const CompletionSparkline = ({ weekly }: { weekly: (number | null)[] }) => {
  const theme = useTheme();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const data = weekly.map((value, index) => ({ week: index, value }));
  const known = weekly.filter((value): value is number => value !== null);
  const label =
    known.length === 0
      ? translate('therapist.caseload.sparkline_empty')
      : translate('therapist.caseload.sparkline_label', {
          values: weekly.map((value) => percent(value, locale)).join(', '),
        });
  return (
    <Box role="img" aria-label={label} sx={{ width: 120, height: 32 }}>
      {known.length > 0 && (
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
      )}
    </Box>
  );
};
