import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  LinkBase,
  Title,
  useCreatePath,
  useLocaleState,
  useNavigate,
  useShowController,
  useTranslate,
} from 'react-admin';
import { sendJson } from '@mend/web-auth';

import { useApiAction } from '../common/api';
import { formatDate } from '../common/format';
import { ErrorState, Loading } from '../common/states';
import type { ExerciseDetail } from '../records';
import { PromptPreview } from './prompt-preview';

const CopyButton = ({ exercise }: { exercise: ExerciseDetail }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const copy = useApiAction(
    () => sendJson<{ id: string }>('POST', `/exercises/${exercise.id}/copy`, {}),
    'therapist.exercises.copied',
    (created) => navigate(createPath({ resource: 'exercises', id: created.id, type: 'edit' })),
  );
  return (
    <Button
      variant="contained"
      startIcon={<ContentCopyOutlined />}
      disabled={copy.busy}
      onClick={() => void copy.run()}
    >
      {translate('therapist.exercises.copy')}
    </Button>
  );
};

/** An exercise as the partner will meet it, with copy-to-edit (and edit, for the clinic's own). */
export const ExerciseShow = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const { record, isPending, error, refetch } = useShowController<ExerciseDetail>();
  if (error) return <ErrorState onRetry={() => void refetch()} />;
  // A record cached from the list lacks the content; wait for the full one.
  const complete =
    record !== undefined &&
    typeof (record as Partial<ExerciseDetail>).instructions === 'string' &&
    Array.isArray((record as Partial<ExerciseDetail>).versions);
  if (isPending || !record || !complete) {
    return <Loading label={translate('therapist.exercises.loading')} />;
  }
  const paragraphs = record.instructions.split(/\n\s*\n/);
  return (
    <Box sx={{ mt: 2, maxWidth: 860 }}>
      <Title title={record.title} />
      <Box
        sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', mb: 2 }}
      >
        <Box>
          <Typography component="h1" variant="h5">
            {record.title}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 0.5 }} useFlexGap>
            <Chip
              size="small"
              variant="outlined"
              label={translate(`therapist.themes.${record.theme}`)}
            />
            <Chip
              size="small"
              variant="outlined"
              label={translate('therapist.exercises.minutes', {
                smart_count: record.estimatedMinutes,
              })}
            />
            <Chip
              size="small"
              variant="outlined"
              label={translate(`therapist.exercises.source.${record.source}`, { _: record.source })}
            />
            <Chip
              size="small"
              data-testid="exercise-version"
              label={translate('therapist.exercises.version', { version: record.currentVersion })}
            />
          </Stack>
        </Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          {record.source === 'clinic' && (
            <Button
              component={LinkBase}
              to={createPath({ resource: 'exercises', id: record.id, type: 'edit' })}
              variant="outlined"
              startIcon={<EditOutlined />}
            >
              {translate('therapist.exercises.edit')}
            </Button>
          )}
          <CopyButton exercise={record} />
        </Stack>
      </Box>

      <Typography variant="overline" component="h2" color="text.secondary">
        {translate('therapist.exercises.client_preview')}
      </Typography>
      <Card variant="outlined" sx={{ mb: 2 }} data-testid="exercise-preview">
        <CardContent>
          <Typography sx={{ fontWeight: 600, mb: 1 }}>{record.summary}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {record.whyItHelps}
          </Typography>
          {paragraphs.map((paragraph, index) => (
            <Typography key={index} sx={{ mb: 1.5, whiteSpace: 'pre-wrap' }}>
              {paragraph}
            </Typography>
          ))}
          <Stack spacing={3} sx={{ mt: 3 }}>
            {record.form.prompts.map((prompt, index) => (
              <PromptPreview key={prompt.id} prompt={prompt} index={index} />
            ))}
          </Stack>
          {record.requiresTherapistReview && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 3 }}>
              {translate('therapist.exercises.review_note')}
            </Typography>
          )}
        </CardContent>
      </Card>
      {record.versions.length > 0 && (
        <Box>
          <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('therapist.exercises.versions')}
          </Typography>
          <Box component="ul" sx={{ pl: 2.5 }}>
            {record.versions.map((version) => (
              <Typography component="li" variant="body2" key={version.version}>
                {translate('therapist.exercises.version', { version: version.version })} ·{' '}
                {version.title} · {formatDate(version.createdAt, locale)}
              </Typography>
            ))}
          </Box>
        </Box>
      )}
    </Box>
  );
};
