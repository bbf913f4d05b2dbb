import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link as RouterLink, Loading, Title, useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { apiErrorMessage, fieldProblems, getJson } from '@mend/web-auth';

import type { ClinicDashboard, Figure } from './clinic-dashboard-record';

/** The couples list, filtered to the couples behind a figure (the list filters by `id`). */
function couplesPath(figure: Figure): string {
  return `/couples?${new URLSearchParams({ filter: JSON.stringify({ id: figure.coupleIds }) })}`;
}

/** The last whole month before today, as the first period an admin sees. */
function lastMonth(today = new Date()): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getFullYear(), today.getMonth() - 1, 1));
  const last = new Date(Date.UTC(today.getFullYear(), today.getMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

const FigureCard = ({ label, figure }: { label: string; figure: Figure }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ flex: '1 1 150px' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary" component="h3">
          {label}
        </Typography>
        {figure.coupleIds.length > 0 ? (
          <Link
            component={RouterLink}
            to={couplesPath(figure)}
            variant="h4"
            underline="hover"
            aria-label={translate('mend.clinic_dashboard.see_couples', {
              figure: label,
              count: figure.count,
            })}
          >
            {figure.count}
          </Link>
        ) : (
          <Typography variant="h4">{figure.count}</Typography>
        )}
      </CardContent>
    </Card>
  );
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box component="section" sx={{ mt: 3 }}>
    <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
      {title}
    </Typography>
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5 }}>
      {children}
    </Stack>
  </Box>
);

/** One bar chart of a few counts; the same counts are on the cards, so it is decoration to AT. */
const Chart = ({
  title,
  rows,
  bars,
}: {
  title: string;
  rows: Array<Record<string, string | number>>;
  bars: Array<{ key: string; label: string }>;
}) => {
  const theme = useTheme();
  const colours = [
    theme.palette.primary.main,
    theme.palette.secondary.main,
    theme.palette.grey[500],
  ];
  return (
    <Box sx={{ mt: 2, maxWidth: 640 }} role="img" aria-label={title}>
      {/* As wide as the screen allows: a fixed width would scroll a phone sideways. */}
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={rows} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {bars.map((bar, index) => (
            <Bar
              key={bar.key}
              dataKey={bar.key}
              name={bar.label}
              fill={colours[index % colours.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};

/**
 * The clinic admin's home: the clinic at a glance for a chosen period. Every count links to
 * the couples behind it; nothing here holds answer text (the API sends counts and couple ids).
 */
export const ClinicDashboardPage = () => {
  const translate = useTranslate();
  const [period, setPeriod] = useState(lastMonth);
  const [draft, setDraft] = useState(period);
  const t = (key: string, options?: object) => translate(`mend.clinic_dashboard.${key}`, options);
  const dashboard = useQuery({
    queryKey: ['clinic-dashboard', period.from, period.to],
    queryFn: () =>
      getJson<ClinicDashboard>(`/clinic-dashboard?${new URLSearchParams(period).toString()}`),
  });
  const problems = fieldProblems(dashboard.error) ?? {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPeriod(draft);
  };
  const data = dashboard.data;

  return (
    <Box component="section" sx={{ maxWidth: 1000, mt: { xs: 1, sm: 2 } }}>
      <Title title={t('title')} />
      <Typography component="h1" variant="h4" sx={{ fontSize: { xs: '1.625rem', sm: '2.125rem' } }}>
        {t('title')}
      </Typography>
      <Stack
        component="form"
        onSubmit={submit}
        direction={{ xs: 'column', sm: 'row' }}
        sx={{ gap: 2, mt: 2, alignItems: { sm: 'flex-start' } }}
        aria-label={t('period')}
      >
        {(['from', 'to'] as const).map((field) => (
          <TextField
            key={field}
            type="date"
            label={t(field)}
            value={draft[field]}
            onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
            error={Boolean(problems[field])}
            helperText={problems[field]}
            slotProps={{ inputLabel: { shrink: true } }}
            size="small"
          />
        ))}
        <Button type="submit" variant="contained">
          {t('show')}
        </Button>
      </Stack>
      {dashboard.isPending && <Loading />}
      {dashboard.isError && Object.keys(problems).length === 0 && (
        <Typography role="alert" color="error" sx={{ mt: 2 }}>
          {apiErrorMessage(dashboard.error, t('failed'))}
        </Typography>
      )}
      {data && (
        <>
          <Section title={t('couples')}>
            <FigureCard label={t('active')} figure={data.couples.active} />
            <FigureCard label={t('new')} figure={data.couples.new} />
            <FigureCard label={t('closed')} figure={data.couples.closed} />
          </Section>
          <Section title={t('engagement')}>
            <FigureCard label={t('due')} figure={data.engagement.due} />
            <FigureCard label={t('both_answered')} figure={data.engagement.bothAnswered} />
            <FigureCard label={t('one_answered')} figure={data.engagement.oneAnswered} />
            <FigureCard label={t('none_answered')} figure={data.engagement.noneAnswered} />
          </Section>
          <Chart
            title={t('engagement_chart')}
            rows={data.therapists.map((therapist) => ({
              name: therapist.name,
              both: therapist.bothAnswered.count,
              one: therapist.oneAnswered.count,
              none: therapist.noneAnswered.count,
            }))}
            bars={[
              { key: 'both', label: t('both_answered') },
              { key: 'one', label: t('one_answered') },
              { key: 'none', label: t('none_answered') },
            ]}
          />
          <Section title={t('caseload')}>
            {data.therapists.map((therapist) => (
              <FigureCard
                key={therapist.therapistId}
                label={therapist.name}
                figure={therapist.couples}
              />
            ))}
          </Section>
          <Section title={t('reminders')}>
            <FigureCard label={t('sent')} figure={data.reminders.sent} />
            <FigureCard label={t('failed_reminders')} figure={data.reminders.failed} />
          </Section>
          <Section title={t('alerts')}>
            {data.alerts.length === 0 ? (
              <Typography color="text.secondary">{t('no_alerts')}</Typography>
            ) : (
              data.alerts.map((alert) => (
                <FigureCard
                  key={alert.kind}
                  label={translate(`mend.clinic_dashboard.alert_kind.${alert.kind}`)}
                  figure={alert}
                />
              ))
            )}
          </Section>
          <Section title={t('outcomes_couples')}>
            <FigureCard label={t('both_improved')} figure={data.outcomes.couples.bothImproved} />
            <FigureCard label={t('one_improved')} figure={data.outcomes.couples.oneImproved} />
            <FigureCard
              label={t('neither_improved')}
              figure={data.outcomes.couples.neitherImproved}
            />
            <FigureCard
              label={t('any_deteriorated')}
              figure={data.outcomes.couples.anyDeteriorated}
            />
          </Section>
          <Section title={t('outcomes_partners')}>
            <FigureCard label={t('improved')} figure={data.outcomes.partners.improved} />
            <FigureCard label={t('recovered')} figure={data.outcomes.partners.recovered} />
            <FigureCard label={t('unchanged')} figure={data.outcomes.partners.unchanged} />
            <FigureCard label={t('deteriorated')} figure={data.outcomes.partners.deteriorated} />
          </Section>
          <Chart
            title={t('outcomes_chart')}
            rows={(['improved', 'recovered', 'unchanged', 'deteriorated'] as const).map((key) => ({
              name: t(key),
              partners: data.outcomes.partners[key].count,
            }))}
            bars={[{ key: 'partners', label: t('partners') }]}
          />
        </>
      )}
    </Box>
  );
};
