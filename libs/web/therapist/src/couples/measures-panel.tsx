import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useLocaleState, useTranslate } from 'react-admin';

import { useApi } from '../common/api';
import { formatDate } from '../common/format';
import { ErrorState, Loading } from '../common/states';
import type { MeasureClassification, MeasureSummary } from '../records';
import { Section } from './section';

const CLASS_COLOR: Record<MeasureClassification, 'success' | 'error' | 'default' | 'info'> = {
  recovered: 'success',
  improved: 'info',
  unchanged: 'default',
  deteriorated: 'error',
};

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Both partners on one chart: the clinical range below (or above) the cutoff, and around each
 * partner's baseline the band inside which change is not reliable.
 */
const MeasureChart = ({ summary }: { summary: MeasureSummary }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const [locale] = useLocaleState();
  const colours = [theme.palette.primary.main, theme.palette.secondary.main];
  const dates = [...new Set(summary.partners.flatMap((p) => p.points.map((x) => x.localDate)))];
  dates.sort();
  const data = dates.map((date) => {
    const row: Record<string, string | number | null> = {
      date: formatDate(date, locale).replace(/,? \d{4}$/, ''),
    };
    for (const partner of summary.partners) {
      row[partner.name] = partner.points.find((x) => x.localDate === date)?.total ?? null;
    }
    return row;
  });
  const threshold = summary.figures.threshold;
  const clinical =
    summary.cutoff === null
      ? null
      : summary.direction === 'higher_is_better'
        ? { y1: summary.min, y2: summary.cutoff }
        : { y1: summary.cutoff, y2: summary.max };
  const description = summary.partners
    .map((p) =>
      translate('therapist.measures.partner_line', {
        name: p.name,
        scores: p.points.map((x) => x.total).join(', '),
      }),
    )
    .join(' ');
  return (
    <Box
      role="img"
      aria-label={`${summary.title}. ${description}`}
      sx={{ width: '100%', height: 220 }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={data}
          accessibilityLayer={false}
          margin={{ top: 5, right: 10, left: -20, bottom: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tick={{ fontSize: 11 }} />
          <YAxis
            domain={[summary.min, summary.max]}
            tick={{ fontSize: 11 }}
            allowDecimals={false}
          />
          {clinical && (
            <ReferenceArea
              y1={clinical.y1}
              y2={clinical.y2}
              fill={theme.palette.error.light}
              fillOpacity={0.12}
              ifOverflow="hidden"
            />
          )}
          {threshold !== null &&
            summary.partners.map((partner, index) => {
              const baseline = partner.points[0]?.total;
              return baseline === undefined ? null : (
                <ReferenceArea
                  key={`band-${partner.partnerId}`}
                  y1={Math.max(summary.min, baseline - threshold)}
                  y2={Math.min(summary.max, baseline + threshold)}
                  fill={colours[index % colours.length]}
                  fillOpacity={0.08}
                  ifOverflow="hidden"
                />
              );
            })}
          <Tooltip />
          <Legend />
          {summary.partners.map((partner, index) => (
            <Line
              key={partner.partnerId}
              type="monotone"
              dataKey={partner.name}
              stroke={colours[index % colours.length]}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
};

const PartnerState = ({ partner }: { partner: MeasureSummary['partners'][number] }) => {
  const translate = useTranslate();
  const latest = partner.latest;
  if (!latest) return null;
  const change = round1(latest.change);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {partner.name}
      </Typography>
      <Typography variant="body2">
        {translate('therapist.measures.latest', {
          total: round1(latest.total),
          change: change > 0 ? `+${change}` : String(change),
        })}
      </Typography>
      <Chip
        size="small"
        color={latest.classification ? CLASS_COLOR[latest.classification] : 'default'}
        variant={latest.classification ? 'filled' : 'outlined'}
        label={translate(
          `therapist.measures.class.${latest.classification ?? (partner.points.length > 1 ? 'raw' : 'baseline')}`,
        )}
      />
    </Box>
  );
};

const MeasureCard = ({ summary }: { summary: MeasureSummary }) => {
  const translate = useTranslate();
  const gap = summary.gaps[summary.gaps.length - 1];
  return (
    <Box sx={{ mb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 0.5 }}>
        <Typography variant="subtitle2" component="h3">
          {summary.title}
        </Typography>
        {!summary.validated && (
          <Chip
            size="small"
            variant="outlined"
            label={translate('therapist.measures.not_validated')}
          />
        )}
      </Box>
      <MeasureChart summary={summary} />
      <Stack spacing={0.5} sx={{ mt: 1 }}>
        {summary.partners.map((partner) => (
          <PartnerState key={partner.partnerId} partner={partner} />
        ))}
        {gap && (
          <Typography variant="body2">
            {translate('therapist.measures.gap', {
              gap: round1(gap.gap),
              threshold: round1(summary.gapThreshold ?? 0),
            })}
          </Typography>
        )}
        <Typography variant="body2" color="text.secondary">
          {summary.figures.ready
            ? translate('therapist.measures.bands', {
                threshold: round1(summary.figures.threshold ?? 0),
              })
            : summary.figures.explanation}
        </Typography>
      </Stack>
    </Box>
  );
};

/** Scored check-ins: both partners' trajectories, reliable change and the gap between them. */
export const MeasuresPanel = ({ coupleId }: { coupleId: string }) => {
  const translate = useTranslate();
  const summaries = useApi<MeasureSummary[]>(`/couples/${coupleId}/measures`);
  return (
    <Section title={translate('therapist.measures.title')} id="measures">
      {summaries.isPending ? (
        <Loading label={translate('therapist.common.loading')} />
      ) : summaries.error || !summaries.data ? (
        <ErrorState onRetry={summaries.reload} />
      ) : summaries.data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('therapist.measures.empty')}
        </Typography>
      ) : (
        summaries.data.map((summary) => (
          <MeasureCard key={summary.definitionId} summary={summary} />
        ))
      )}
    </Section>
  );
};
