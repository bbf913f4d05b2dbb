import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { addDays, todayIn } from '@mend/shared-schedule';
import { fieldProblems } from '@mend/web-auth';

import { type PromiseOutcome, type PromiseRecord, clientApi } from '../api/client-api';
import { clientKeys } from '../api/queries';
import { useClientSession } from '../gate/client-context';
import { ClientGate } from '../gate/client-gate';
import { formatDay } from '../gate/format';
import { ClientPage, EmptyState, ErrorState, LoadingState } from '../gate/states';
import { SafetyCheckLink } from '../safety/safety-check';

const DESCRIPTION_MIN = 5;
const DESCRIPTION_MAX = 500;
const OUTCOMES: PromiseOutcome[] = ['kept', 'partly', 'not_kept'];
const STATUS_COLOR = {
  open: 'default',
  kept: 'success',
  partly: 'warning',
  not_kept: 'default',
} as const;

const MakePromise = () => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { couple } = useClientSession();
  const today = todayIn(couple.timeZone);
  const [description, setDescription] = useState('');
  const [dueDate, setDueDate] = useState(addDays(today, 7));
  const [tooShort, setTooShort] = useState(false);
  const make = useMutation({
    mutationFn: () => clientApi.makePromise(description.trim(), dueDate),
    onSuccess: async () => {
      setDescription('');
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (description.trim().length < DESCRIPTION_MIN) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    make.mutate();
  };
  const descriptionError = tooShort
    ? translate('mend.client.promises.too_short')
    : (fieldProblems(make.error)?.['description'] ?? null);
  const dateError = fieldProblems(make.error)?.['dueDate'] ?? null;
  return (
    <Card component="form" onSubmit={onSubmit} noValidate sx={{ mb: 3 }}>
      <CardContent sx={{ p: { xs: 2, sm: 3 } }}>
        <Typography component="h2" variant="h6">
          {translate('mend.client.promises.make_title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('mend.client.promises.make_help')}
        </Typography>
        <Stack spacing={2}>
          <TextField
            label={translate('mend.client.promises.description')}
            placeholder={translate('mend.client.promises.description_example')}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            multiline
            minRows={2}
            fullWidth
            error={descriptionError !== null}
            helperText={descriptionError ?? ' '}
            slotProps={{ htmlInput: { maxLength: DESCRIPTION_MAX } }}
          />
          <TextField
            label={translate('mend.client.promises.due')}
            type="date"
            value={dueDate}
            onChange={(event) => setDueDate(event.target.value)}
            error={dateError !== null}
            helperText={dateError ?? ' '}
            sx={{ maxWidth: 240 }}
            slotProps={{ htmlInput: { min: today }, inputLabel: { shrink: true } }}
          />
        </Stack>
        {make.isError && descriptionError === null && dateError === null && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('mend.client.promises.failed')}
          </Alert>
        )}
        {make.isSuccess && (
          <Alert severity="success" role="status" sx={{ mb: 2 }}>
            {translate('mend.client.promises.made')}
          </Alert>
        )}
        <Button type="submit" variant="contained" disabled={make.isPending}>
          {translate('mend.client.promises.make_action')}
        </Button>
      </CardContent>
    </Card>
  );
};

const ConfirmPromise = ({ promise }: { promise: PromiseRecord }) => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const groupId = useId();
  const [outcome, setOutcome] = useState<PromiseOutcome | null>(null);
  const [note, setNote] = useState('');
  const confirm = useMutation({
    mutationFn: (status: PromiseOutcome) => clientApi.confirmPromise(promise.id, status, note),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all }),
  });
  return (
    <Box sx={{ mt: 1.5 }}>
      <Typography id={groupId} variant="body2" sx={{ mb: 0.75 }}>
        {translate('mend.client.promises.how_did_it_go', { partner: promise.promiserName })}
      </Typography>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={outcome}
        onChange={(_event, next: PromiseOutcome | null) => setOutcome(next)}
        aria-labelledby={groupId}
        sx={{ flexWrap: 'wrap' }}
      >
        {OUTCOMES.map((option) => (
          <ToggleButton key={option} value={option} sx={{ px: 1.5 }}>
            {translate(`mend.client.promises.status.${option}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {outcome !== null && (
        <Box sx={{ mt: 1.5 }}>
          <TextField
            label={translate('mend.client.promises.note')}
            value={note}
            onChange={(event) => setNote(event.target.value.slice(0, 1000))}
            multiline
            minRows={2}
            fullWidth
            size="small"
          />
          {confirm.isError && (
            <Alert severity="info" sx={{ mt: 1 }}>
              {translate('mend.client.promises.confirm_failed')}
            </Alert>
          )}
          <Button
            variant="contained"
            size="small"
            sx={{ mt: 1 }}
            disabled={confirm.isPending}
            onClick={() => confirm.mutate(outcome)}
          >
            {translate('mend.client.promises.confirm_action')}
          </Button>
        </Box>
      )}
    </Box>
  );
};

const PromiseCard = ({ promise }: { promise: PromiseRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { me } = useClientSession();
  const mine = promise.promiserId === me.id;
  return (
    <Card component="li" sx={{ listStyle: 'none' }}>
      <CardContent>
        <Stack
          direction="row"
          spacing={1}
          sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}
        >
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" color="text.secondary">
              {mine
                ? translate('mend.client.promises.you_promised')
                : translate('mend.client.promises.partner_promised', {
                    partner: promise.promiserName,
                  })}
            </Typography>
            <Typography sx={{ fontWeight: 600 }}>{promise.description}</Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('mend.client.promises.by_day', {
                day: formatDay(promise.dueDate, locale),
              })}
            </Typography>
          </Box>
          <Chip
            size="small"
            color={STATUS_COLOR[promise.status]}
            variant={promise.status === 'open' ? 'outlined' : 'filled'}
            label={translate(`mend.client.promises.status.${promise.status}`)}
          />
        </Stack>
        {promise.confirmationNote && (
          <Typography variant="body2" sx={{ mt: 1, fontStyle: 'italic' }}>
            “{promise.confirmationNote}”
          </Typography>
        )}
        {!mine && promise.status === 'open' && <ConfirmPromise promise={promise} />}
      </CardContent>
    </Card>
  );
};

const Trend = () => {
  const translate = useTranslate();
  const { couple } = useClientSession();
  const trend = useQuery({
    queryKey: clientKeys.promiseTrend(couple.id),
    queryFn: () => clientApi.promiseTrend(couple.id),
  });
  if (!trend.data) return null;
  return (
    <Card sx={{ mb: 3 }}>
      <CardContent>
        <Typography component="h2" variant="h6" sx={{ mb: 1 }}>
          {translate('mend.client.promises.trend_title')}
        </Typography>
        <Stack spacing={1}>
          {trend.data.partners.map((partner) => {
            const { kept, partly, notKept, open } = partner.totals;
            return (
              <Typography key={partner.userId}>
                <strong>{partner.displayName}</strong>
                {': '}
                {translate('mend.client.promises.trend_line', {
                  kept,
                  partly,
                  not_kept: notKept,
                  open,
                })}
              </Typography>
            );
          })}
        </Stack>
      </CardContent>
    </Card>
  );
};

const PromisesContent = () => {
  const translate = useTranslate();
  const promises = useQuery({ queryKey: clientKeys.promises, queryFn: clientApi.promises });
  const body = (() => {
    if (promises.isPending) return <LoadingState />;
    if (promises.isError) return <ErrorState onRetry={() => void promises.refetch()} />;
    if (promises.data.length === 0) {
      return (
        <Card>
          <EmptyState icon={<HandshakeOutlined />} title={translate('mend.client.promises.empty')}>
            {translate('mend.client.promises.empty_body')}
          </EmptyState>
        </Card>
      );
    }
    return (
      <Box component="section" aria-label={translate('mend.client.promises.list_title')}>
        <Typography component="h2" variant="h6" sx={{ mb: 1 }}>
          {translate('mend.client.promises.list_title')}
        </Typography>
        <Stack component="ul" spacing={1.25} sx={{ p: 0, m: 0 }}>
          {promises.data.map((promise) => (
            <PromiseCard key={promise.id} promise={promise} />
          ))}
        </Stack>
      </Box>
    );
  })();
  return (
    <ClientPage title={translate('mend.client.promises.title')}>
      <Title title={translate('mend.client.promises.title')} />
      <Typography color="text.secondary" sx={{ mt: -1, mb: 2 }}>
        {translate('mend.client.promises.intro')}
      </Typography>
      <MakePromise />
      <Trend />
      {body}
      <Box sx={{ mt: 4, textAlign: 'center' }}>
        <SafetyCheckLink />
      </Box>
    </ClientPage>
  );
};

/** The promise ledger: make a concrete promise; say whether the partner's was kept. */
export const PromisesPage = () => (
  <ClientGate>
    <PromisesContent />
  </ClientGate>
);
