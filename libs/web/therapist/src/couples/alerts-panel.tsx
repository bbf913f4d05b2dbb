import ErrorOutline from '@mui/icons-material/ErrorOutline';
import ShieldOutlined from '@mui/icons-material/ShieldOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ALERT_KINDS } from '@mend/shared-contracts';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { listQuery, sendJson } from '@mend/web-auth';

import { useApi, useApiAction } from '../common/api';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, Loading } from '../common/states';
import type { AlertRecord, CouplePartner, SafetyCheckRecord } from '../records';
import { Section } from './section';

const KNOWN_KINDS: readonly string[] = ALERT_KINDS;

const numberIn = (detail: Record<string, unknown>, key: string): number | undefined => {
  const value = detail[key];
  return typeof value === 'number' ? value : undefined;
};

function useAlertText(partners: CouplePartner[]) {
  const translate = useTranslate();
  return (alert: AlertRecord): { title: string; detail: string | null } => {
    const kind = KNOWN_KINDS.includes(alert.kind) ? alert.kind : 'other';
    const title = translate(`therapist.alerts.kind.${kind}`, { _: alert.kind });
    const name =
      partners.find((partner) => partner.id === alert.subjectUserId)?.displayName ??
      translate('therapist.alerts.a_partner');
    switch (alert.kind) {
      case 'missed_streak': {
        const missed = numberIn(alert.detail, 'missedInARow');
        return {
          title,
          detail:
            missed === undefined
              ? null
              : translate('therapist.alerts.detail.missed_streak', { smart_count: missed }),
        };
      }
      case 'asymmetry': {
        const partner = numberIn(alert.detail, 'partnerSubmitted');
        const subject = numberIn(alert.detail, 'subjectSubmitted');
        const days = numberIn(alert.detail, 'windowDays');
        return {
          title,
          detail:
            partner === undefined || subject === undefined
              ? null
              : translate('therapist.alerts.detail.asymmetry', {
                  name,
                  subject,
                  partner,
                  days: days ?? 14,
                }),
        };
      }
      default:
        return { title, detail: null };
    }
  };
}

const AlertItem = ({
  alert,
  partners,
  onChanged,
}: {
  alert: AlertRecord;
  partners: CouplePartner[];
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const text = useAlertText(partners)(alert);
  const urgent = alert.severity === 'urgent';
  const { run: setStatus, busy } = useApiAction(
    (status: 'acknowledged' | 'resolved') => sendJson('PUT', `/alerts/${alert.id}`, { status }),
    (status) => `therapist.alerts.${status}_done`,
    onChanged,
  );
  return (
    <Paper
      variant="outlined"
      data-testid="alert"
      sx={{
        p: 1.5,
        mb: 1,
        borderColor: urgent ? 'error.main' : undefined,
        borderWidth: urgent ? 2 : 1,
      }}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        {urgent && (
          <Chip
            size="small"
            color="error"
            icon={<ErrorOutline />}
            label={translate('therapist.alerts.urgent')}
          />
        )}
        <Typography component="h3" variant="subtitle2">
          {text.title}
        </Typography>
        {alert.status === 'acknowledged' && (
          <Chip
            size="small"
            variant="outlined"
            label={translate('therapist.alerts.status.acknowledged')}
          />
        )}
      </Box>
      {text.detail && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {text.detail}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        {formatDateTime(alert.createdAt, locale)}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {alert.status === 'open' && (
          <Button size="small" disabled={busy} onClick={() => void setStatus('acknowledged')}>
            {translate('therapist.alerts.acknowledge')}
          </Button>
        )}
        <Button
          size="small"
          variant="outlined"
          disabled={busy}
          onClick={() => void setStatus('resolved')}
        >
          {translate('therapist.alerts.resolve')}
        </Button>
      </Stack>
    </Paper>
  );
};

const SafetyCheckItem = ({
  check,
  onChanged,
}: {
  check: SafetyCheckRecord;
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [note, setNote] = useState('');
  const { run: resolve, busy } = useApiAction(
    () => sendJson('POST', `/safety-checks/${check.id}/resolve`, { note: note.trim() }),
    'therapist.safety.resolved_done',
    onChanged,
  );
  return (
    <Alert severity="error" icon={<ShieldOutlined />} sx={{ mb: 1 }} data-testid="safety-check">
      <Typography variant="subtitle2" component="h3">
        {translate('therapist.safety.raised_by', { name: check.raisedByName })}
      </Typography>
      <Typography variant="caption" component="p">
        {formatDateTime(check.createdAt, locale)}
      </Typography>
      {check.note && (
        <Typography variant="body2" sx={{ my: 1, whiteSpace: 'pre-wrap' }}>
          {check.note}
        </Typography>
      )}
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('therapist.safety.private_hint')}
      </Typography>
      <Box
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          void resolve();
        }}
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
      >
        <TextField
          size="small"
          fullWidth
          multiline
          label={translate('therapist.safety.note_label')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
          sx={{ bgcolor: 'background.paper' }}
        />
        <Button
          type="submit"
          variant="contained"
          color="error"
          disabled={busy || note.trim() === ''}
        >
          {translate('therapist.safety.resolve')}
        </Button>
      </Box>
    </Alert>
  );
};

/** Open safety checks first (urgent, private), then the couple's open and acknowledged alerts. */
export const AlertsPanel = ({
  coupleId,
  partners,
  onChanged,
}: {
  coupleId: string;
  partners: CouplePartner[];
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const alerts = useApi<AlertRecord[]>(
    `/alerts?${listQuery({
      filter: { coupleId, active: true },
      range: [0, 99],
      sort: ['severity', 'DESC'],
    })}`,
  );
  const checks = useApi<SafetyCheckRecord[]>(
    `/safety-checks?${listQuery({ filter: { coupleId, open: true }, range: [0, 99] })}`,
  );
  const reload = () => {
    alerts.reload();
    checks.reload();
    onChanged();
  };
  const active = (alerts.data ?? []).filter((alert) => alert.status !== 'resolved');
  const openChecks = (checks.data ?? []).filter((check) => check.open);
  const pending = alerts.data === undefined || checks.data === undefined;
  const failed = alerts.error !== null || checks.error !== null;

  return (
    <Section id="alerts" title={translate('therapist.alerts.title')}>
      {pending && !failed && <Loading />}
      {failed && <ErrorState onRetry={reload} />}
      {openChecks.map((check) => (
        <SafetyCheckItem key={check.id} check={check} onChanged={reload} />
      ))}
      {active.map((alert) => (
        <AlertItem key={alert.id} alert={alert} partners={partners} onChanged={reload} />
      ))}
      {!pending && !failed && active.length === 0 && openChecks.length === 0 && (
        <EmptyState heading={translate('therapist.alerts.empty')} />
      )}
    </Section>
  );
};
