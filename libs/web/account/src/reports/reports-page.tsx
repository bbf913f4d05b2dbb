import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocaleState, usePermissions, useTranslate } from 'react-admin';

import { fieldProblems } from '@mend/web-auth';
import { AccountPage, ErrorState, LoadingState } from '../common/states';
import { type ReportRecord, reportsApi } from './reports-api';

const KEY = 'mend.account.reports';
const QUERY_KEY = ['mend-reports'];

/** The month before `today` (YYYY-MM), the latest one that can be reported. */
function lastMonth(today = new Date()): string {
  const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}

const building = (report: ReportRecord) =>
  report.status === 'queued' || report.status === 'building';

const MonthlyRequest = () => {
  const translate = useTranslate();
  const client = useQueryClient();
  const [month, setMonth] = useState(lastMonth());
  const request = useMutation({
    mutationFn: () => reportsApi.requestMonthly(month),
    onSuccess: () => client.invalidateQueries({ queryKey: QUERY_KEY }),
  });
  const problem = fieldProblems(request.error)?.['month'];
  return (
    <Box
      component="form"
      sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mb: 2 }}
      onSubmit={(event) => {
        event.preventDefault();
        request.mutate();
      }}
    >
      <TextField
        type="month"
        size="small"
        label={translate(`${KEY}.month`)}
        value={month}
        onChange={(event) => setMonth(event.target.value)}
        error={problem !== undefined}
        helperText={problem}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <Button type="submit" variant="contained" disabled={request.isPending}>
        {translate(`${KEY}.request_monthly`)}
      </Button>
    </Box>
  );
};

const OwnDataRequest = () => {
  const translate = useTranslate();
  const client = useQueryClient();
  const request = useMutation({
    mutationFn: async () => {
      const coupleId = await reportsApi.ownCoupleId();
      if (coupleId === null) throw new Error('no couple');
      return reportsApi.requestExport(coupleId);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: QUERY_KEY }),
  });
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(`${KEY}.own_data_intro`)}
      </Typography>
      <Button variant="contained" onClick={() => request.mutate()} disabled={request.isPending}>
        {translate(`${KEY}.own_data`)}
      </Button>
      {request.isError && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {translate(`${KEY}.request_failed`)}
        </Alert>
      )}
    </Box>
  );
};

const ReportItem = ({ report }: { report: ReportRecord }) => {
  const translate = useTranslate();
  const [locale = 'en'] = useLocaleState();
  const period =
    report.kind === 'clinic_monthly'
      ? new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${report.periodStart}T00:00:00Z`),
        )
      : report.kind === 'session_prep'
        ? translate(`${KEY}.since`, { day: report.periodStart })
        : report.periodEnd;
  const name = translate(`${KEY}.kind.${report.kind}`);
  return (
    <ListItem divider sx={{ display: 'block', py: 1.5 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'baseline' }}>
        <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
          {name}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {period}
          {report.scheduled ? ` · ${translate(`${KEY}.scheduled`)}` : ''}
        </Typography>
      </Box>
      {building(report) && (
        <Box sx={{ mt: 1 }}>
          <LinearProgress
            variant="determinate"
            value={report.progress}
            aria-label={translate(`${KEY}.progress`, { name })}
          />
          <Typography variant="caption" color="text.secondary">
            {translate(`${KEY}.building`, { progress: report.progress })}
          </Typography>
        </Box>
      )}
      {report.status === 'failed' && (
        <Typography variant="body2" color="error">
          {translate(`${KEY}.failed`)}
        </Typography>
      )}
      {report.status === 'ready' && (
        <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
          {report.formats.map((format) => (
            <Button
              key={format}
              size="small"
              variant="outlined"
              startIcon={<DownloadOutlined />}
              onClick={() => void reportsApi.download(report, format)}
              aria-label={translate(`${KEY}.download_named`, {
                name: `${name} ${period}`,
                format: format.toUpperCase(),
              })}
            >
              {format.toUpperCase()}
            </Button>
          ))}
        </Box>
      )}
    </ListItem>
  );
};

/**
 * Reports for everyone who has some: admins ask for the clinic's monthly report (and find the
 * scheduled past months); therapists find their session summaries and exports; partners
 * download their own data. While a report builds, the list polls and shows its progress.
 */
export const ReportsPage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<unknown>();
  const reports = useQuery({
    queryKey: QUERY_KEY,
    queryFn: reportsApi.list,
    refetchInterval: (query) => ((query.state.data ?? []).some(building) ? 1000 : false),
  });
  return (
    <AccountPage title={translate(`${KEY}.title`)} intro={translate(`${KEY}.intro`)}>
      {permissions === 'clinic_admin' && <MonthlyRequest />}
      {permissions === 'client' && <OwnDataRequest />}
      {reports.isPending ? (
        <LoadingState />
      ) : reports.isError ? (
        <ErrorState onRetry={() => void reports.refetch()} />
      ) : reports.data.length === 0 ? (
        <Typography>{translate(`${KEY}.empty`)}</Typography>
      ) : (
        <Card variant="outlined">
          <List disablePadding aria-label={translate(`${KEY}.title`)}>
            {reports.data.map((report) => (
              <ReportItem key={report.id} report={report} />
            ))}
          </List>
        </Card>
      )}
    </AccountPage>
  );
};
