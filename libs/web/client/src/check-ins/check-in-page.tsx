import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Prompt } from '@mend/shared-exercises';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { LinkBase, Title, useLocaleState, useParams, useTranslate } from 'react-admin';

import { type CheckInDetail, clientApi } from '../api/client-api';
import { clientKeys } from '../api/queries';
import { ClientGate } from '../gate/client-gate';
import { formatDay } from '../gate/format';
import { ClientPage, EmptyState, ErrorState, LoadingState } from '../gate/states';
import { PromptField } from '../exercise/prompt-field';
import { CLIENT_PATHS } from '../routes';

/** A check-in item as the exercise form's single-choice prompt, so it looks the same. */
function asPrompt(item: CheckInDetail['items'][number]): Prompt {
  return {
    id: item.id,
    kind: 'single_choice',
    label: item.prompt,
    required: true,
    options: item.options.map((option) => ({
      value: String(option.score),
      label: option.label ?? String(option.score),
    })),
  };
}

const CheckInForm = ({ checkIn }: { checkIn: CheckInDetail }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const send = useMutation({
    mutationFn: () =>
      clientApi.answerCheckIn(
        checkIn.id,
        Object.fromEntries(checkIn.items.map((item) => [item.id, Number(answers[item.id])])),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: clientKeys.checkIns }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unanswered = checkIn.items.filter((item) => answers[item.id] === undefined);
    setMissing(unanswered.map((item) => item.id));
    if (unanswered.length === 0) send.mutate();
  };
  if (send.isSuccess || checkIn.status === 'answered') {
    return (
      <Card>
        <EmptyState icon={<CheckCircleOutline />} title={translate('mend.client.check_in.thanks')}>
          <Button component={LinkBase} to={CLIENT_PATHS.today} variant="contained" sx={{ mt: 2 }}>
            {translate('mend.client.check_in.back_today')}
          </Button>
        </EmptyState>
      </Card>
    );
  }
  if (checkIn.status !== 'open') {
    return <Alert severity="info">{translate('mend.client.check_in.closed')}</Alert>;
  }
  return (
    <Box component="form" noValidate onSubmit={submit}>
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        {checkIn.description}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {[
          !checkIn.validated && translate('mend.client.check_in.not_validated'),
          translate('mend.client.check_in.open_until_sentence', {
            day: formatDay(checkIn.expiresAt.slice(0, 10), locale),
          }),
          translate('mend.client.check_in.private_note'),
        ]
          .filter(Boolean)
          .join(' ')}
      </Typography>
      <Card>
        <CardContent>
          <Stack spacing={3}>
            {checkIn.items.map((item) => (
              <PromptField
                key={item.id}
                prompt={asPrompt(item)}
                value={answers[item.id] ?? null}
                onChange={(value) =>
                  setAnswers((current) => ({ ...current, [item.id]: String(value) }))
                }
                error={
                  missing.includes(item.id) && answers[item.id] === undefined
                    ? translate('mend.client.check_in.missing')
                    : undefined
                }
                labelId={`check-in-${item.id}-label`}
                inputId={`check-in-${item.id}`}
                disabled={send.isPending}
              />
            ))}
          </Stack>
        </CardContent>
      </Card>
      {send.isError && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {translate('mend.client.check_in.failed')}
        </Alert>
      )}
      <Button
        type="submit"
        variant="contained"
        size="large"
        fullWidth
        disabled={send.isPending}
        sx={{ mt: 2 }}
      >
        {translate(send.isPending ? 'mend.client.check_in.sending' : 'mend.client.check_in.submit')}
      </Button>
    </Box>
  );
};

const CheckInContent = () => {
  const { id = '' } = useParams<{ id: string }>();
  const checkIn = useQuery({
    queryKey: clientKeys.checkIn(id),
    queryFn: () => clientApi.checkIn(id),
    // The form owns its state once loaded.
    refetchOnWindowFocus: false,
  });
  const translate = useTranslate();
  const title = checkIn.data?.title ?? translate('mend.client.check_in.section');
  return (
    <ClientPage title={title}>
      <Title title={title} />
      {checkIn.isPending ? (
        <LoadingState />
      ) : checkIn.isError ? (
        <ErrorState onRetry={() => void checkIn.refetch()} />
      ) : (
        <CheckInForm checkIn={checkIn.data} />
      )}
    </ClientPage>
  );
};

/** A partner answers one round of a check-in, on the exercise form's look. */
export const CheckInPage = () => (
  <ClientGate>
    <CheckInContent />
  </ClientGate>
);
