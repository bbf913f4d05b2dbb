import ChatBubbleOutline from '@mui/icons-material/ChatBubbleOutline';
import ChevronRight from '@mui/icons-material/ChevronRight';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LinkBase, Title, useLocaleState, useTranslate } from 'react-admin';

import { type ExerciseResponse, clientApi } from '../api/client-api';
import { clientKeys } from '../api/queries';
import { hasShownAnswers } from '../exercise/answer-list';
import { useClientSession } from '../gate/client-context';
import { ClientGate } from '../gate/client-gate';
import { formatDay } from '../gate/format';
import { ClientPage, EmptyState, ErrorState, LoadingState } from '../gate/states';
import { exercisePath } from '../routes';
import { SafetyCheckLink } from '../safety/safety-check';

const PER_PAGE = 30;

interface Entry {
  occurrenceId: string;
  title: string;
  localDate: string;
  responses: ExerciseResponse[];
}

/** Answers to the same exercise on the same day belong together: mine, my partner's. */
function groupByOccurrence(responses: ExerciseResponse[]): Entry[] {
  const entries = new Map<string, Entry>();
  for (const response of responses) {
    const entry = entries.get(response.occurrenceId) ?? {
      occurrenceId: response.occurrenceId,
      title: response.exerciseTitle,
      localDate: response.localDate,
      responses: [],
    };
    entry.responses.push(response);
    entries.set(response.occurrenceId, entry);
  }
  return [...entries.values()];
}

const EntryCard = ({ entry }: { entry: Entry }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { me } = useClientSession();
  const lines = entry.responses.map((response) => {
    if (response.authorId === me.id) return translate('mend.client.history.you_answered');
    return hasShownAnswers(response)
      ? translate('mend.client.history.partner_shared', { partner: response.authorName })
      : translate('mend.client.history.partner_answered', { partner: response.authorName });
  });
  const feedback = entry.responses.flatMap((response) => response.feedback);
  return (
    <Card component="li" sx={{ listStyle: 'none' }}>
      <CardActionArea
        component={LinkBase}
        to={exercisePath(entry.occurrenceId)}
        sx={{ p: 2, display: 'flex', gap: 1.5 }}
      >
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography sx={{ fontWeight: 600 }}>{entry.title}</Typography>
          <Typography variant="body2" color="text.secondary">
            {formatDay(entry.localDate, locale)}
          </Typography>
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {lines.join(' · ')}
          </Typography>
          {feedback.map((item) => (
            <Box
              key={item.id}
              sx={{
                mt: 1,
                p: 1.25,
                bgcolor: 'background.default',
                borderRadius: 1,
                display: 'flex',
                gap: 1,
              }}
            >
              <ChatBubbleOutline
                fontSize="small"
                aria-hidden
                sx={{ color: 'secondary.main', mt: 0.25 }}
              />
              <Box>
                <Typography variant="body2" color="text.secondary">
                  {translate('mend.client.history.feedback_from', { name: item.authorName })}
                </Typography>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
                  {item.body}
                </Typography>
              </Box>
            </Box>
          ))}
        </Box>
        <ChevronRight aria-hidden sx={{ color: 'text.secondary', alignSelf: 'center' }} />
      </CardActionArea>
    </Card>
  );
};

const HistoryContent = () => {
  const translate = useTranslate();
  const [page, setPage] = useState(0);
  const responses = useQuery({
    queryKey: clientKeys.responses(page),
    queryFn: () => clientApi.responses(page, PER_PAGE),
    placeholderData: keepPreviousData,
  });

  const body = (() => {
    if (responses.isPending) return <LoadingState />;
    if (responses.isError) return <ErrorState onRetry={() => void responses.refetch()} />;
    if (responses.data.length === 0 && page === 0) {
      return (
        <Card>
          <EmptyState icon={<HistoryOutlined />} title={translate('mend.client.history.empty')}>
            {translate('mend.client.history.empty_body')}
          </EmptyState>
        </Card>
      );
    }
    return (
      <>
        <Stack component="ul" spacing={1.25} sx={{ p: 0, m: 0 }}>
          {groupByOccurrence(responses.data).map((entry) => (
            <EntryCard key={entry.occurrenceId} entry={entry} />
          ))}
        </Stack>
        <Stack direction="row" spacing={1} sx={{ mt: 2, justifyContent: 'space-between' }}>
          <Button disabled={page === 0} onClick={() => setPage((current) => current - 1)}>
            {translate('mend.client.history.newer')}
          </Button>
          <Button
            disabled={responses.data.length < PER_PAGE}
            onClick={() => setPage((current) => current + 1)}
          >
            {translate('mend.client.history.older')}
          </Button>
        </Stack>
      </>
    );
  })();

  return (
    <ClientPage title={translate('mend.client.history.title')}>
      <Title title={translate('mend.client.history.title')} />
      <Typography color="text.secondary" sx={{ mt: -1, mb: 2 }}>
        {translate('mend.client.history.intro')}
      </Typography>
      {body}
      <Box sx={{ mt: 4, textAlign: 'center' }}>
        <SafetyCheckLink />
      </Box>
    </ClientPage>
  );
};

/** Past answers: mine, what my partner shared with me, and the therapist's notes on them. */
export const HistoryPage = () => (
  <ClientGate>
    <HistoryContent />
  </ClientGate>
);
