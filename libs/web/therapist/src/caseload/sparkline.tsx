import Box from '@mui/material/Box';
import { lazyExport } from '@mend/web-ui';
import { Suspense } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

import { percent } from '../common/format';

// The caseload's names and alerts paint first; the lines fill in their fixed-size boxes after.
const SparklineChart = lazyExport(() => import('./sparkline-chart'), 'SparklineChart');

/**
 * Eight weeks of completion as a tiny line. The chart itself is decoration for sighted users;
 * the label reads the same numbers out for everyone else.
 */
export const CompletionSparkline = ({ weekly }: { weekly: (number | null)[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
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
        <Suspense fallback={null}>
          <SparklineChart weekly={weekly} />
        </Suspense>
      )}
    </Box>
  );
};
