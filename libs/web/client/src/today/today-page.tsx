import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import ChevronRight from '@mui/icons-material/ChevronRight';
import SpaOutlined from '@mui/icons-material/SpaOutlined';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LinkBase, Title, useLocaleState, useTranslate } from 'react-admin';
import { addDays, todayIn } from '@mend/shared-schedule';

import type { CheckIn, Occurrence } from '../api/client-api';
import { useOpenCheckIns, useTodayOccurrences } from '../api/queries';
import { useClientSession } from '../gate/client-context';
import { ClientGate } from '../gate/client-gate';
import { formatDay, formatTime } from '../gate/format';
import { ClientPage, EmptyState, ErrorState, LoadingState } from '../gate/states';
import { checkInPath, exercisePath } from '../routes';
import { SafetyCheckLink } from '../safety/safety-check';

/** A short look ahead: enough to plan, not a wall of tasks. */
const UPCOMING_DAYS = 2;
const DONE_SHOWN = 5;

const OccurrenceCard = ({ occurrence }: { occurrence: Occurrence }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { couple } = useClientSession();
  const done = occurrence.state === 'done';
  const when =
    occurrence.state === 'overdue'
      ? translate('mend.client.today.was_due', { day: formatDay(occurrence.localDate, locale) })
      : done
        ? formatDay(occurrence.localDate, locale)
        : translate('mend.client.today.due_by', {
            day: formatDay(occurrence.localDate, locale),
            time: formatTime(occurrence.dueAt, locale, couple.timeZone),
          });
  return (
    <Card component="li" sx={{ listStyle: 'none' }}>
      <CardActionArea
        component={LinkBase}
        to={exercisePath(occurrence.id)}
        sx={{ p: 2, display: 'flex', alignItems: 'center', gap: 1.5 }}
      >
        {done && (
          <CheckCircleOutline
            sx={{ color: 'success.main' }}
            titleAccess={translate('mend.client.today.done_label')}
          />
        )}
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography sx={{ fontWeight: 600 }}>{occurrence.exerciseTitle}</Typography>
          <Typography variant="body2" color="text.secondary">
            {when}
            {!done &&
              ` · ${translate('mend.client.today.minutes', {
                smart_count: occurrence.estimatedMinutes,
              })}`}
          </Typography>
          {(occurrence.hasDraft || occurrence.pendingConfirmationResponseId) && !done && (
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              {occurrence.pendingConfirmationResponseId && (
                <Chip
                  size="small"
                  color="secondary"
                  label={translate('mend.client.today.to_confirm')}
                />
              )}
              {occurrence.hasDraft && (
                <Chip
                  size="small"
                  variant="outlined"
                  label={translate('mend.client.today.draft')}
                />
              )}
            </Stack>
          )}
        </Box>
        <ChevronRight aria-hidden sx={{ color: 'text.secondary' }} />
      </CardActionArea>
    </Card>
  );
};

const Section = ({ title, note, items }: { title: string; note?: string; items: Occurrence[] }) =>
  items.length === 0 ? null : (
    <Box component="section" sx={{ mb: 3 }} aria-label={title}>
      <Typography component="h2" variant="h6" sx={{ mb: note ? 0 : 1 }}>
        {title}
      </Typography>
      {note && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {note}
        </Typography>
      )}
      <Stack component="ul" spacing={1.25} sx={{ p: 0, m: 0 }}>
        {items.map((occurrence) => (
          <OccurrenceCard key={occurrence.id} occurrence={occurrence} />
        ))}
      </Stack>
    </Box>
  );

const CheckInCard = ({ checkIn }: { checkIn: CheckIn }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Card component="li" sx={{ listStyle: 'none' }}>
      <CardActionArea
        component={LinkBase}
        to={checkInPath(checkIn.id)}
        sx={{ p: 2, display: 'flex', alignItems: 'center', gap: 1.5 }}
      >
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography sx={{ fontWeight: 600 }}>{checkIn.title}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('mend.client.check_in.open_until', {
              day: formatDay(checkIn.expiresAt.slice(0, 10), locale),
            })}
          </Typography>
        </Box>
        <ChevronRight aria-hidden sx={{ color: 'text.secondary' }} />
      </CardActionArea>
    </Card>
  );
};

/** Open check-ins: only ever the reader's own rounds (the API gives nothing else). */
const CheckIns = () => {
  const translate = useTranslate();
  const checkIns = useOpenCheckIns();
  if (!checkIns.data || checkIns.data.length === 0) return null;
  const title = translate('mend.client.check_in.section');
  return (
    <Box component="section" sx={{ mb: 3 }} aria-label={title}>
      <Typography component="h2" variant="h6">
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('mend.client.check_in.section_note')}
      </Typography>
      <Stack component="ul" spacing={1.25} sx={{ p: 0, m: 0 }}>
        {checkIns.data.map((checkIn) => (
          <CheckInCard key={checkIn.id} checkIn={checkIn} />
        ))}
      </Stack>
    </Box>
  );
};

const TodayContent = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { me, couple } = useClientSession();
  const occurrences = useTodayOccurrences();
  const today = todayIn(couple.timeZone);

  const body = (() => {
    if (occurrences.isPending) return <LoadingState />;
    if (occurrences.isError) return <ErrorState onRetry={() => void occurrences.refetch()} />;
    const rows = occurrences.data;
    const overdue = rows.filter((o) => o.state === 'overdue');
    const dueToday = rows.filter((o) => o.state === 'due' && o.localDate <= today);
    const upcoming = rows.filter(
      (o) =>
        o.state === 'due' && o.localDate > today && o.localDate <= addDays(today, UPCOMING_DAYS),
    );
    const done = rows
      .filter((o) => o.state === 'done')
      .reverse()
      .slice(0, DONE_SHOWN);
    return (
      <>
        {dueToday.length === 0 && overdue.length === 0 && (
          <Card sx={{ mb: 3 }}>
            <EmptyState icon={<SpaOutlined />} title={translate('mend.client.today.all_clear')}>
              {translate('mend.client.today.all_clear_body')}
            </EmptyState>
          </Card>
        )}
        <CheckIns />
        <Section title={translate('mend.client.today.due_today')} items={dueToday} />
        <Section
          title={translate('mend.client.today.overdue')}
          note={translate('mend.client.today.overdue_note')}
          items={overdue}
        />
        <Section title={translate('mend.client.today.upcoming')} items={upcoming} />
        <Section title={translate('mend.client.today.done')} items={done} />
      </>
    );
  })();

  return (
    <ClientPage title={translate('mend.client.today.greeting', { name: me.displayName })}>
      <Title title={translate('mend.client.today.title')} />
      <Typography color="text.secondary" sx={{ mt: -1.5, mb: 3 }}>
        {formatDay(today, locale)}
      </Typography>
      {body}
      <Box sx={{ mt: 4, textAlign: 'center' }}>
        <SafetyCheckLink />
      </Box>
    </ClientPage>
  );
};

/** The partner's home: what is due, what is still open, what is done; one tap into each. */
export const TodayPage = () => (
  <ClientGate>
    <TodayContent />
  </ClientGate>
);
