import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useLocaleState, useTranslate } from 'react-admin';
import { listQuery } from '@mend/web-auth';

import { useApi } from '../common/api';
import { formatDate, percent } from '../common/format';
import { EmptyState, ErrorState, Loading } from '../common/states';
import type { PromiseRecord, PromiseTrend } from '../records';
import { Section } from './section';

const STATUS_COLOR: Record<string, 'success' | 'warning' | 'error' | 'default'> = {
  kept: 'success',
  partly: 'warning',
  not_kept: 'error',
  open: 'default',
};

const TrendChart = ({ trend }: { trend: PromiseTrend }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const [locale] = useLocaleState();
  const colours = [theme.palette.primary.main, theme.palette.secondary.main];
  const weeks = trend.partners[0]?.weeks ?? [];
  const data = weeks.map((week, index) => {
    const row: Record<string, string | number | null> = {
      week: formatDate(week.weekStart, locale).replace(/ \d{4}$/, ''),
    };
    for (const partner of trend.partners) {
      const rate = partner.weeks[index]?.keptRate;
      row[partner.displayName] =
        rate === null || rate === undefined ? null : Math.round(rate * 100);
    }
    return row;
  });
  const summary = trend.partners
    .map((partner) =>
      translate('therapist.promises.totals', {
        name: partner.displayName,
        kept: partner.totals.kept,
        partly: partner.totals.partly,
        not_kept: partner.totals.notKept,
        open: partner.totals.open,
      }),
    )
    .join(' ');
  const anyRate =
    weeks.length > 0 && data.some((row) => trend.partners.some((p) => row[p.displayName] !== null));
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        {translate('therapist.promises.trend_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {summary}
      </Typography>
      {anyRate ? (
        <Box
          role="img"
          aria-label={`${translate('therapist.promises.trend_title')}. ${summary}`}
          sx={{ width: '100%', height: 180 }}
        >
          <ResponsiveContainer width="100%" height="100%">
            <LineChart
              data={data}
              accessibilityLayer={false}
              margin={{ top: 5, right: 10, left: -20, bottom: 0 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="week" tick={{ fontSize: 11 }} />
              <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} unit="%" />
              <Tooltip
                formatter={(value) =>
                  typeof value === 'number' ? percent(value / 100, locale) : '—'
                }
              />
              <Legend />
              {trend.partners.map((partner, index) => (
                <Line
                  key={partner.userId}
                  type="monotone"
                  dataKey={partner.displayName}
                  stroke={colours[index % colours.length]}
                  strokeWidth={2}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('therapist.promises.no_trend')}
        </Typography>
      )}
    </Box>
  );
};

/** The promise ledger: what each partner committed to, and whether the other saw it kept. */
export const PromisesPanel = ({ coupleId }: { coupleId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const trend = useApi<PromiseTrend>(`/couples/${coupleId}/promise-trend`);
  const promises = useApi<PromiseRecord[]>(
    `/promises?${listQuery({ filter: { coupleId }, range: [0, 49], sort: ['createdAt', 'DESC'] })}`,
  );
  return (
    <Section id="promises" title={translate('therapist.promises.title')}>
      {trend.error !== null || promises.error !== null ? (
        <ErrorState
          onRetry={() => {
            trend.reload();
            promises.reload();
          }}
        />
      ) : trend.data === undefined || promises.data === undefined ? (
        <Loading />
      ) : promises.data.length === 0 ? (
        <EmptyState
          heading={translate('therapist.promises.empty_heading')}
          body={translate('therapist.promises.empty_body')}
        />
      ) : (
        <>
          <TrendChart trend={trend.data} />
          <List dense disablePadding aria-label={translate('therapist.promises.ledger')}>
            {promises.data.map((promise) => (
              <ListItem key={promise.id} disableGutters divider alignItems="flex-start">
                <ListItemText
                  primary={promise.description}
                  secondary={[
                    promise.promiserName,
                    promise.dueDate
                      ? translate('therapist.promises.due', {
                          date: formatDate(promise.dueDate, locale),
                        })
                      : null,
                    promise.confirmationNote,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
                <Chip
                  size="small"
                  sx={{ ml: 1, flexShrink: 0 }}
                  color={STATUS_COLOR[promise.status] ?? 'default'}
                  variant={promise.status === 'open' ? 'outlined' : 'filled'}
                  label={translate(`therapist.promises.status.${promise.status}`, {
                    _: promise.status,
                  })}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Section>
  );
};
