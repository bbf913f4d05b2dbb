import AddTaskOutlined from '@mui/icons-material/AddTaskOutlined';
import ChatBubbleOutline from '@mui/icons-material/ChatBubbleOutline';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutline';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { ALERT_KINDS, PROMISE_STATUSES } from '@mend/shared-contracts';
import { type ReactElement, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

import { useApi } from '../common/api';
import { formatDate } from '../common/format';
import { EmptyState, ErrorState, Loading } from '../common/states';
import type { TimelineEvent, TimelineKind } from '../records';
import { Section } from './section';

/** The filter's groups: promises made and confirmed read as one thread. */
const FILTERS = {
  all: null,
  work: ['assignment_created', 'response_submitted', 'feedback_given'],
  promises: ['promise_made', 'promise_confirmed'],
  alerts: ['alert_raised'],
} as const satisfies Record<string, readonly TimelineKind[] | null>;
type Filter = keyof typeof FILTERS;
const isFilter = (value: unknown): value is Filter =>
  typeof value === 'string' && Object.keys(FILTERS).includes(value);

const ICONS: Record<TimelineKind, ReactElement> = {
  assignment_created: <AddTaskOutlined fontSize="small" />,
  response_submitted: <EditNoteOutlined fontSize="small" />,
  feedback_given: <ChatBubbleOutline fontSize="small" />,
  promise_made: <HandshakeOutlined fontSize="small" />,
  promise_confirmed: <CheckCircleOutline fontSize="small" />,
  alert_raised: <ErrorOutline fontSize="small" />,
};

/** A page of events at a time: a busy couple has months of them. */
const PAGE = 15;

const KNOWN_ALERTS: readonly string[] = ALERT_KINDS;
const KNOWN_PROMISE_STATUSES: readonly string[] = PROMISE_STATUSES;

function useEventText() {
  const translate = useTranslate();
  return (event: TimelineEvent): string => {
    const name = event.actorName ?? translate('therapist.timeline.someone');
    switch (event.kind) {
      case 'promise_confirmed': {
        const status = KNOWN_PROMISE_STATUSES.includes(event.summary) ? event.summary : 'open';
        return translate('therapist.timeline.event.promise_confirmed', {
          name,
          status: translate(`therapist.promises.status.${status}`).toLocaleLowerCase(),
        });
      }
      case 'alert_raised': {
        const kind = KNOWN_ALERTS.includes(event.summary) ? event.summary : 'other';
        return translate('therapist.timeline.event.alert_raised', {
          alert: translate(`therapist.alerts.kind.${kind}`),
        });
      }
      case 'assignment_created':
      case 'response_submitted':
      case 'feedback_given':
      case 'promise_made':
        return translate(`therapist.timeline.event.${event.kind}`, { name, title: event.summary });
    }
  };
}

/** Events grouped under the day they happened, newest day first (the API's order). */
function byDay(
  events: TimelineEvent[],
  locale: string,
): { day: string; events: TimelineEvent[] }[] {
  const days: { day: string; events: TimelineEvent[] }[] = [];
  for (const event of events) {
    const day = formatDate(event.at, locale);
    const last = days[days.length - 1];
    if (last?.day === day) last.events.push(event);
    else days.push({ day, events: [event] });
  }
  return days;
}

const EventList = ({ events }: { events: TimelineEvent[] }) => {
  const [locale] = useLocaleState();
  const describe = useEventText();
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  return (
    <>
      {byDay(events, locale).map(({ day, events: ofDay }) => (
        <Box key={day} sx={{ '& + &': { mt: 2 } }}>
          <Typography component="h3" variant="subtitle2" color="text.secondary" sx={{ mb: 0.5 }}>
            {day}
          </Typography>
          <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {ofDay.map((event) => (
              <Box
                component="li"
                key={`${event.kind}:${event.recordId}`}
                data-testid="timeline-event"
                sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', py: 0.75 }}
              >
                <Box
                  aria-hidden
                  sx={{
                    display: 'flex',
                    mt: 0.25,
                    color: event.kind === 'alert_raised' ? 'error.main' : 'primary.main',
                  }}
                >
                  {ICONS[event.kind]}
                </Box>
                <Box sx={{ minWidth: 0 }}>
                  <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                    {describe(event)}
                  </Typography>
                  <Typography
                    component="time"
                    dateTime={event.at}
                    variant="caption"
                    color="text.secondary"
                  >
                    {time.format(new Date(event.at))}
                  </Typography>
                </Box>
              </Box>
            ))}
          </Box>
        </Box>
      ))}
    </>
  );
};

/**
 * What has happened with the couple, newest first: work assigned and answered, feedback,
 * promises and alerts. The API sends titles and statuses only, so no answer text shows here.
 */
export const TimelinePanel = ({ coupleId }: { coupleId: string }) => {
  const translate = useTranslate();
  const timeline = useApi<TimelineEvent[]>(`/couples/${coupleId}/timeline`);
  const [filter, setFilter] = useState<Filter>('all');
  const [shown, setShown] = useState(PAGE);

  const kinds: readonly TimelineKind[] | null = FILTERS[filter];
  const events = (timeline.data ?? []).filter(
    (event) => kinds === null || kinds.includes(event.kind),
  );

  return (
    <Section title={translate('therapist.timeline.title')} id="timeline">
      {timeline.isPending && timeline.data === undefined && (
        <Loading label={translate('therapist.timeline.loading')} />
      )}
      {timeline.error !== null && timeline.data === undefined && (
        <ErrorState onRetry={timeline.reload} />
      )}
      {timeline.data?.length === 0 && (
        <EmptyState
          heading={translate('therapist.timeline.empty_heading')}
          body={translate('therapist.timeline.empty_body')}
        />
      )}
      {timeline.data !== undefined && timeline.data.length > 0 && (
        <>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={filter}
            onChange={(_event, value: unknown) => {
              if (isFilter(value)) {
                setFilter(value);
                setShown(PAGE);
              }
            }}
            aria-label={translate('therapist.timeline.filter')}
            sx={{ mb: 2, flexWrap: 'wrap' }}
          >
            {Object.keys(FILTERS).map((key) => (
              <ToggleButton key={key} value={key} sx={{ textTransform: 'none', px: 1.5 }}>
                {translate(`therapist.timeline.filters.${key}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          {events.length === 0 ? (
            <Typography color="text.secondary">
              {translate('therapist.timeline.none_of_kind')}
            </Typography>
          ) : (
            <EventList events={events.slice(0, shown)} />
          )}
          {events.length > shown && (
            <Button size="small" sx={{ mt: 1 }} onClick={() => setShown((count) => count + PAGE)}>
              {translate('therapist.timeline.more')}
            </Button>
          )}
        </>
      )}
    </Section>
  );
};
