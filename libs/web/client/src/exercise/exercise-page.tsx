import ArrowBack from '@mui/icons-material/ArrowBack';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { LinkBase, Title, useLocaleState, useParams, useTranslate } from 'react-admin';

import {
  type ExerciseResponse,
  type OccurrenceDetail,
  answerProblems,
  clientApi,
  httpStatus,
} from '../api/client-api';
import { clientKeys, useOccurrence } from '../api/queries';
import { useClientSession } from '../gate/client-context';
import { ClientGate } from '../gate/client-gate';
import { formatDateTime, formatDay, formatTime } from '../gate/format';
import { ClientPage, EmptyState, ErrorState, LoadingState } from '../gate/states';
import { CLIENT_PATHS } from '../routes';
import { AnswerList, hasShownAnswers } from './answer-list';
import { PromptField } from './prompt-field';
import { type DraftStatus, answeredOnly, useDraft } from './use-draft';
import { VisibilityChoice } from './visibility';

/** The API's one English message we can say in the partner's own words. */
const PLEASE_ANSWER = 'Please answer this question';

const BackToToday = () => {
  const translate = useTranslate();
  return (
    <Button
      component={LinkBase}
      to={CLIENT_PATHS.today}
      startIcon={<ArrowBack />}
      sx={{ ml: -1.5, mb: 1 }}
    >
      {translate('mend.client.exercise.back')}
    </Button>
  );
};

const FeedbackList = ({ response }: { response: ExerciseResponse }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (response.feedback.length === 0) return null;
  return (
    <Box sx={{ mt: 1 }}>
      {response.feedback.map((feedback) => (
        <Box
          key={feedback.id}
          sx={{
            bgcolor: 'background.default',
            borderRadius: 1,
            p: 1.5,
            mb: 1,
            borderLeft: 3,
            borderColor: 'secondary.main',
          }}
        >
          <Typography variant="body2" color="text.secondary">
            {translate('mend.client.history.feedback_from', { name: feedback.authorName })} ·{' '}
            {formatDateTime(feedback.createdAt, locale)}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-line' }}>{feedback.body}</Typography>
        </Box>
      ))}
    </Box>
  );
};

/** My own answer (read-only), then what the partner shared and the therapist's feedback. */
const AnswersSoFar = ({
  detail,
  justSubmitted,
}: {
  detail: OccurrenceDetail;
  justSubmitted: boolean;
}) => {
  const translate = useTranslate();
  const { me, partner } = useClientSession();
  const partnerName = partner?.displayName ?? translate('mend.client.common.your_partner');
  const mine = detail.myResponse?.status === 'draft' ? null : detail.myResponse;
  const others = detail.responses.filter(
    (response) =>
      response.status !== 'draft' && (hasShownAnswers(response) || response.feedback.length > 0),
  );
  return (
    <Stack spacing={2}>
      {justSubmitted && (
        <Alert
          severity="success"
          icon={<CheckCircleOutline />}
          role="status"
          tabIndex={-1}
          ref={(element: HTMLDivElement | null) => {
            // Bring the calm confirmation into view (and to screen readers) once, when it appears.
            if (element && !element.dataset['shown']) {
              element.dataset['shown'] = 'true';
              element.scrollIntoView({ block: 'center' });
              element.focus({ preventScroll: true });
            }
          }}
          sx={{ alignItems: 'flex-start', outline: 'none' }}
        >
          <Typography sx={{ fontWeight: 600 }}>
            {translate('mend.client.exercise.thanks_title')}
          </Typography>
          <Typography>
            {detail.completionMode === 'joint'
              ? translate('mend.client.exercise.thanks_joint', { partner: partnerName })
              : translate('mend.client.exercise.thanks_body', { partner: partnerName })}
          </Typography>
        </Alert>
      )}
      {mine && (
        <Card>
          <CardContent>
            <Typography component="h2" variant="h6" sx={{ mb: 1.5 }}>
              {translate('mend.client.exercise.your_answer')}
            </Typography>
            {mine.status === 'awaiting_confirmation' && (
              <Alert severity="info" sx={{ mb: 2 }}>
                {translate('mend.client.exercise.waiting_confirmation', { partner: partnerName })}
              </Alert>
            )}
            <AnswerList
              prompts={detail.definition.prompts}
              response={mine}
              partnerName={partnerName}
              showVisibility
            />
            <FeedbackList response={mine} />
          </CardContent>
        </Card>
      )}
      {others.map((response) => (
        <Card key={response.id}>
          <CardContent>
            <Typography component="h2" variant="h6" sx={{ mb: 1.5 }}>
              {response.authorId === me.id
                ? translate('mend.client.exercise.your_answer')
                : translate('mend.client.exercise.partner_shared', {
                    partner: response.authorName,
                  })}
            </Typography>
            <AnswerList
              prompts={detail.definition.prompts}
              response={response}
              partnerName={partnerName}
              showVisibility={false}
            />
            <FeedbackList response={response} />
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};

/** Joint work: the partner answered for both of us; the other partner confirms it. */
const JointConfirmation = ({
  detail,
  responseId,
}: {
  detail: OccurrenceDetail;
  responseId: string;
}) => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { partner } = useClientSession();
  const partnerName = partner?.displayName ?? translate('mend.client.common.your_partner');
  const pending = detail.responses.find((response) => response.id === responseId);
  const confirm = useMutation({
    mutationFn: () => clientApi.confirmJoint(responseId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all }),
  });
  return (
    <Card>
      <CardContent>
        <Typography component="h2" variant="h6">
          {translate('mend.client.exercise.joint_confirm_title', { partner: partnerName })}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {translate('mend.client.exercise.joint_confirm_body')}
        </Typography>
        {pending && (
          <AnswerList
            prompts={detail.definition.prompts}
            response={pending}
            partnerName={partnerName}
            showVisibility
          />
        )}
        {confirm.isError && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('mend.client.exercise.joint_confirm_failed')}
          </Alert>
        )}
        <Button variant="contained" onClick={() => confirm.mutate()} disabled={confirm.isPending}>
          {translate('mend.client.exercise.joint_confirm_action')}
        </Button>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
          {translate('mend.client.exercise.joint_confirm_talk', { partner: partnerName })}
        </Typography>
      </CardContent>
    </Card>
  );
};

const DraftStatusLine = ({ status }: { status: DraftStatus }) => {
  const translate = useTranslate();
  const text = status === 'idle' ? '' : translate(`mend.client.draft.${status}`);
  return (
    <Typography
      variant="body2"
      color="text.secondary"
      role="status"
      aria-live="polite"
      sx={{ minHeight: '1.5em' }}
    >
      {text}
    </Typography>
  );
};

const ExerciseForm = ({
  detail,
  onSubmitted,
}: {
  detail: OccurrenceDetail;
  onSubmitted: () => void;
}) => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { me, partner, couple } = useClientSession();
  const partnerName = partner?.displayName ?? translate('mend.client.common.your_partner');
  const draft = useDraft(detail, me.id);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<'problems' | 'network' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const therapist = couple.therapists[0]?.displayName;

  const submit = useMutation({
    mutationFn: () =>
      clientApi.submit(detail.id, answeredOnly(draft.answers), draft.idempotencyKey),
    onMutate: () => {
      draft.stop();
      setFailure(null);
    },
    onSuccess: async () => {
      draft.clear();
      setProblems({});
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
      onSubmitted();
    },
    onError: async (error) => {
      draft.resume();
      const fields = answerProblems(error);
      if (fields) {
        setProblems(fields);
        setFailure('problems');
        // Take the partner to the first answer that needs another look.
        const first = detail.definition.prompts.find((prompt) => fields[prompt.id] !== undefined);
        window.setTimeout(() => {
          const field = first ? document.getElementById(`prompt-${first.id}`) : null;
          field?.scrollIntoView({ behavior: 'smooth', block: 'center' });
          field?.querySelector<HTMLElement>('input, textarea, button')?.focus();
        }, 0);
      } else if (httpStatus(error) === 409) {
        draft.clear();
        await queryClient.invalidateQueries({ queryKey: clientKeys.all });
      } else {
        setFailure('network');
      }
    },
  });

  const message = (promptId: string) => {
    const text = problems[promptId] ?? draft.draftProblems[promptId];
    if (text === undefined) return undefined;
    return text === PLEASE_ANSWER ? translate('mend.client.exercise.please_answer') : text;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };

  return (
    <Box component="form" ref={formRef} onSubmit={onSubmit} noValidate>
      {(detail.completionMode === 'joint' || detail.definition.requiresTherapistReview) && (
        <Alert severity="info" icon={false} sx={{ mb: 2 }}>
          {detail.completionMode === 'joint' &&
            translate('mend.client.exercise.joint_note', { partner: partnerName })}
          {detail.completionMode === 'joint' && detail.definition.requiresTherapistReview && ' '}
          {detail.definition.requiresTherapistReview &&
            (therapist
              ? translate('mend.client.exercise.review_note_named', {
                  therapist,
                  partner: partnerName,
                })
              : translate('mend.client.exercise.review_note', { partner: partnerName }))}
        </Alert>
      )}
      {failure === 'problems' && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('mend.client.exercise.needs_look')}
        </Alert>
      )}
      <Stack spacing={2}>
        {detail.definition.prompts.map((prompt) => {
          const entry = draft.answers[prompt.id] ?? {
            value: null,
            visibility: detail.definition.defaultVisibility,
          };
          return (
            <Card key={prompt.id} id={`prompt-${prompt.id}`}>
              <CardContent sx={{ p: { xs: 2, sm: 3 } }}>
                <PromptField
                  prompt={prompt}
                  value={entry.value}
                  onChange={(value) => draft.update(prompt.id, { value })}
                  error={message(prompt.id)}
                  labelId={`prompt-${prompt.id}-label`}
                  inputId={`prompt-${prompt.id}-input`}
                  disabled={submit.isPending}
                />
                <VisibilityChoice
                  options={detail.definition.visibilityOptions}
                  value={entry.visibility}
                  onChange={(visibility) => draft.update(prompt.id, { visibility })}
                  partnerName={partnerName}
                  promptLabel={prompt.label}
                  disabled={submit.isPending}
                />
              </CardContent>
            </Card>
          );
        })}
      </Stack>
      <Box sx={{ mt: 3 }}>
        <DraftStatusLine status={draft.status} />
        {failure === 'network' && (
          <Alert severity="info" sx={{ my: 1 }}>
            {translate('mend.client.exercise.submit_failed')}
          </Alert>
        )}
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={submit.isPending}
          sx={{ mt: 1, width: { xs: '100%', sm: 'auto' } }}
        >
          {submit.isPending
            ? translate('mend.client.exercise.submitting')
            : translate('mend.client.exercise.submit')}
        </Button>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('mend.client.exercise.draft_note')}
        </Typography>
      </Box>
    </Box>
  );
};

const ExerciseContent = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { couple } = useClientSession();
  const { occurrenceId = '' } = useParams<{ occurrenceId: string }>();
  const occurrence = useOccurrence(occurrenceId);
  const [justSubmitted, setJustSubmitted] = useState(false);

  if (occurrence.isPending) return <LoadingState />;
  if (occurrence.isError) {
    return (
      <Box>
        <BackToToday />
        {httpStatus(occurrence.error) === 404 ? (
          <EmptyState title={translate('mend.client.exercise.not_found')} />
        ) : (
          <ErrorState onRetry={() => void occurrence.refetch()} />
        )}
      </Box>
    );
  }
  const detail = occurrence.data;
  const mine = detail.myResponse;
  const answered = mine !== null && mine.status !== 'draft';
  const pending = detail.pendingConfirmationResponseId ?? null;
  const jointDoneByPartner =
    detail.completionMode === 'joint' && detail.state === 'done' && !answered;
  const showForm = !answered && pending === null && !jointDoneByPartner;

  return (
    <Box>
      <Title title={translate('mend.client.exercise.title')} />
      <BackToToday />
      <ClientPage title={detail.exerciseTitle}>
        <Typography color="text.secondary" sx={{ mt: -1.5, mb: 2 }}>
          {translate('mend.client.today.due_by', {
            day: formatDay(detail.localDate, locale),
            time: formatTime(detail.dueAt, locale, couple.timeZone),
          })}{' '}
          · {translate('mend.client.today.minutes', { smart_count: detail.estimatedMinutes })}
        </Typography>
        {!answered && (
          <Card sx={{ mb: 3, bgcolor: 'transparent' }} variant="outlined">
            <CardContent>
              <Typography sx={{ mb: 1.5 }}>{detail.definition.summary}</Typography>
              <Typography component="h2" variant="subtitle2" color="text.secondary">
                {translate('mend.client.exercise.why')}
              </Typography>
              <Typography sx={{ mb: 1.5 }}>{detail.definition.whyItHelps}</Typography>
              <Divider sx={{ my: 1.5 }} />
              <Typography component="h2" variant="subtitle2" color="text.secondary">
                {translate('mend.client.exercise.how')}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-line' }}>
                {detail.definition.instructions}
              </Typography>
            </CardContent>
          </Card>
        )}
        {pending !== null && !answered && (
          <JointConfirmation detail={detail} responseId={pending} />
        )}
        {showForm && (
          <ExerciseForm
            key={detail.id}
            detail={detail}
            onSubmitted={() => setJustSubmitted(true)}
          />
        )}
        {!showForm && <AnswersSoFar detail={detail} justSubmitted={justSubmitted} />}
        {showForm && detail.responses.some(hasShownAnswers) && (
          <Box sx={{ mt: 4 }}>
            <AnswersSoFar detail={{ ...detail, myResponse: null }} justSubmitted={false} />
          </Box>
        )}
        {justSubmitted && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mt: 3 }}>
            <Button component={LinkBase} to={CLIENT_PATHS.today} variant="contained">
              {translate('mend.client.exercise.back_today')}
            </Button>
            <Button component={LinkBase} to={CLIENT_PATHS.history}>
              {translate('mend.client.exercise.see_history')}
            </Button>
          </Stack>
        )}
      </ClientPage>
    </Box>
  );
};

/** One exercise: read, answer prompt by prompt with a visibility per answer, and submit. */
export const ExercisePage = () => (
  <ClientGate>
    <ExerciseContent />
  </ClientGate>
);
