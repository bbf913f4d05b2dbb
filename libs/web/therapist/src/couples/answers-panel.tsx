import LockOutlined from '@mui/icons-material/LockOutlined';
import PeopleOutline from '@mui/icons-material/PeopleOutline';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { PromptInput, Visibility } from '@mend/shared-exercises';
import { useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { getJson, listQuery, sendJson } from '@mend/web-auth';

import { useApi, useApiAction } from '../common/api';
import { formatDate, formatDateTime } from '../common/format';
import { EmptyState, ErrorState, Loading } from '../common/states';
import type { ExerciseDetail, ResponseRecord } from '../records';
import { Section } from './section';

/** Each exercise's questions, so an answer shows under its question rather than an id. */
function usePromptsByExercise(exerciseIds: string[]): Record<string, PromptInput[]> {
  const [prompts, setPrompts] = useState<Record<string, PromptInput[]>>({});
  const key = [...new Set(exerciseIds)].sort().join(',');
  useEffect(() => {
    let active = true;
    const ids = key === '' ? [] : key.split(',');
    void Promise.all(
      ids.map((id) =>
        getJson<ExerciseDetail>(`/exercises/${id}`).then(
          (exercise) => [id, exercise.form.prompts] as const,
          () => [id, []] as const,
        ),
      ),
    ).then((entries) => {
      if (active) setPrompts(Object.fromEntries(entries));
    });
    return () => {
      active = false;
    };
  }, [key]);
  return prompts;
}

export const VisibilityChip = ({ visibility }: { visibility: Visibility }) => {
  const translate = useTranslate();
  switch (visibility) {
    case 'therapist':
      return (
        <Chip
          size="small"
          icon={<LockOutlined />}
          label={translate('therapist.visibility.therapist')}
          sx={{ bgcolor: 'grey.200', color: 'text.primary' }}
        />
      );
    case 'partner':
      return (
        <Chip
          size="small"
          variant="outlined"
          color="primary"
          icon={<PeopleOutline />}
          label={translate('therapist.visibility.partner')}
        />
      );
    case 'reveal_after_both':
      return (
        <Chip
          size="small"
          variant="outlined"
          icon={<VisibilityOutlined />}
          label={translate('therapist.visibility.reveal_after_both')}
        />
      );
  }
};

function useAnswerText() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (value: unknown, prompt: PromptInput | undefined): string => {
    const optionLabel = (raw: unknown) => {
      if (prompt && 'options' in prompt) {
        const match = prompt.options.find((option) => option.value === raw);
        if (match) return match.label;
      }
      return String(raw);
    };
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean')
      return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
    if (Array.isArray(value)) return value.map(optionLabel).join(', ');
    if (typeof value === 'number' && prompt?.kind === 'scale') return `${value} / 10`;
    if (typeof value === 'string' && prompt?.kind === 'date') return formatDate(value, locale);
    return optionLabel(value);
  };
}

const FeedbackForm = ({ responseId, onSent }: { responseId: string; onSent: () => void }) => {
  const translate = useTranslate();
  const [body, setBody] = useState('');
  const fieldId = `feedback-${responseId}`;
  const { run: sendFeedback, busy: sending } = useApiAction(
    (text: string) => sendJson('POST', `/responses/${responseId}/feedback`, { body: text }),
    'therapist.answers.feedback_sent',
    () => {
      setBody('');
      onSent();
    },
  );
  const send = async () => {
    if (body.trim() === '') return;
    await sendFeedback(body.trim());
  };
  return (
    <Box
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 1 }}
    >
      <TextField
        id={fieldId}
        label={translate('therapist.answers.feedback_label')}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        multiline
        minRows={1}
        maxRows={6}
        size="small"
        fullWidth
        slotProps={{ htmlInput: { maxLength: 4000 } }}
      />
      <Button type="submit" variant="contained" disabled={sending || body.trim() === ''}>
        {translate('therapist.answers.send_feedback')}
      </Button>
    </Box>
  );
};

const ResponseCard = ({
  response,
  prompts,
  onChanged,
}: {
  response: ResponseRecord;
  prompts: PromptInput[] | undefined;
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const answerText = useAnswerText();
  const { run: act, busy } = useApiAction(
    (action: 'review' | 'release') => sendJson('POST', `/responses/${response.id}/${action}`, {}),
    (action) =>
      action === 'review' ? 'therapist.answers.marked_reviewed' : 'therapist.answers.released',
    onChanged,
  );
  const ordered = prompts?.length
    ? prompts.filter((prompt) => prompt.id in response.answers)
    : Object.keys(response.answers).map((id) => ({ id, label: id }) as PromptInput);
  const awaitingRelease = response.requiresTherapistReview && response.releasedAt === null;

  return (
    <Paper
      variant="outlined"
      component="article"
      aria-labelledby={`response-${response.id}`}
      data-testid="response"
      sx={{ p: 2, mb: 1.5 }}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'baseline', mb: 1 }}>
        <Typography
          id={`response-${response.id}`}
          component="h3"
          variant="subtitle1"
          sx={{ fontWeight: 700 }}
        >
          {translate('therapist.answers.heading', {
            name: response.authorName,
            exercise: response.exerciseTitle,
          })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {formatDate(response.localDate, locale)}
        </Typography>
        {response.late && (
          <Chip size="small" variant="outlined" label={translate('therapist.answers.late')} />
        )}
        {response.reviewedAt !== null && (
          <Chip
            size="small"
            color="success"
            variant="outlined"
            label={translate('therapist.answers.reviewed')}
          />
        )}
        {awaitingRelease && (
          <Chip
            size="small"
            color="warning"
            label={translate('therapist.answers.awaiting_release')}
          />
        )}
      </Box>
      <Stack component="dl" spacing={1.25} sx={{ m: 0 }}>
        {ordered.map((prompt) => {
          const answer = response.answers[prompt.id];
          if (!answer) return null;
          return (
            <Box key={prompt.id}>
              <Box
                component="dt"
                sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}
              >
                <Typography variant="body2" color="text.secondary" component="span">
                  {prompt.label}
                </Typography>
                <VisibilityChip visibility={answer.visibility} />
              </Box>
              <Typography component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
                {answerText(answer.value, prompt)}
              </Typography>
            </Box>
          );
        })}
      </Stack>
      <Divider sx={{ my: 1.5 }} />
      {response.feedback.length > 0 && (
        <Box
          component="ul"
          aria-label={translate('therapist.answers.feedback_list')}
          sx={{ listStyle: 'none', p: 0, m: 0 }}
        >
          {response.feedback.map((feedback) => (
            <Box
              component="li"
              key={feedback.id}
              data-testid="feedback"
              sx={{ bgcolor: 'background.default', borderRadius: 1, p: 1.25, mb: 1 }}
            >
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {feedback.body}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {feedback.authorName} · {formatDateTime(feedback.createdAt, locale)}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      <FeedbackForm responseId={response.id} onSent={onChanged} />
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {response.reviewedAt === null && (
          <Button size="small" disabled={busy} onClick={() => void act('review')}>
            {translate('therapist.answers.mark_reviewed')}
          </Button>
        )}
        {awaitingRelease && (
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            onClick={() => void act('release')}
          >
            {translate('therapist.answers.release')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
};

const PAGE = 5;

/** The couple's answers, newest first, each with its visibility and the feedback given on it. */
export const AnswersPanel = ({ coupleId }: { coupleId: string }) => {
  const translate = useTranslate();
  const [count, setCount] = useState(PAGE);
  const responses = useApi<ResponseRecord[]>(
    `/responses?${listQuery({
      filter: { coupleId },
      range: [0, count - 1],
      sort: ['submittedAt', 'DESC'],
    })}`,
  );
  const prompts = usePromptsByExercise(
    (responses.data ?? []).map((response) => response.exerciseId),
  );
  const submitted = (responses.data ?? []).filter((response) => response.submittedAt !== null);

  return (
    <Section id="answers" title={translate('therapist.answers.title')}>
      {responses.data === undefined && responses.error === null && <Loading />}
      {responses.error !== null && <ErrorState onRetry={responses.reload} />}
      {responses.data !== undefined && submitted.length === 0 && (
        <EmptyState
          heading={translate('therapist.answers.empty_heading')}
          body={translate('therapist.answers.empty_body')}
        />
      )}
      {submitted.map((response) => (
        <ResponseCard
          key={response.id}
          response={response}
          prompts={prompts[response.exerciseId]}
          onChanged={responses.reload}
        />
      ))}
      {responses.data !== undefined && responses.data.length >= count && (
        <Button onClick={() => setCount((value) => value + PAGE)}>
          {translate('therapist.answers.more')}
        </Button>
      )}
    </Section>
  );
};
