import DoneAllOutlined from '@mui/icons-material/DoneAllOutlined';
import NotificationsNoneOutlined from '@mui/icons-material/NotificationsNoneOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import Typography from '@mui/material/Typography';
import { WEB_PATHS } from '@mend/shared-contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { relativeTime } from '@mend/web-i18n';
import { LinkBase, useLocaleState, useTranslate } from 'react-admin';

import { type NotificationRecord, accountApi } from '../common/account-api';
import { AccountPage, ErrorState, LoadingState } from '../common/states';
import { type SubjectNames, describeNotification } from './notification-wording';
import { useMarkAllRead, useMarkRead, useNotificationFeed } from './notification-queries';

const uniqueSorted = (ids: Array<string | null>) =>
  [...new Set(ids.filter((id): id is string => id !== null))].sort();

/**
 * Exercise titles and couple labels for the notifications on screen, one request each. A reader
 * who may not see them yet (a partner before accepting the privacy note) gets plain wording.
 */
function useSubjectNames(rows: NotificationRecord[]): SubjectNames {
  const occurrenceIds = uniqueSorted(
    rows.filter((n) => n.kind === 'due_soon' || n.kind === 'overdue').map((n) => n.occurrenceId),
  );
  const coupleIds = uniqueSorted(
    rows.filter((n) => n.kind === 'escalation').map((n) => n.coupleId),
  );
  const exercises = useQuery({
    queryKey: ['mend-notifications', 'exercise-titles', occurrenceIds],
    queryFn: () => accountApi.occurrenceTitles(occurrenceIds),
    enabled: occurrenceIds.length > 0,
    retry: false,
  });
  const couples = useQuery({
    queryKey: ['mend-notifications', 'couple-labels', coupleIds],
    queryFn: () => accountApi.coupleLabels(coupleIds),
    enabled: coupleIds.length > 0,
    retry: false,
  });
  return useMemo(
    () => ({
      exercises: new Map((exercises.data ?? []).map((o) => [o.id, o.exerciseTitle])),
      couples: new Map((couples.data ?? []).map((c) => [c.id, c.label])),
    }),
    [exercises.data, couples.data],
  );
}

const NotificationItem = ({
  notification,
  names,
  onOpen,
}: {
  notification: NotificationRecord;
  names: SubjectNames;
  onOpen: (id: string) => void;
}) => {
  const translate = useTranslate();
  const [locale = 'en'] = useLocaleState();
  const wording = describeNotification(notification, names, translate, locale);
  const unread = notification.readAt === null;
  return (
    <ListItem disablePadding divider>
      <ListItemButton
        component={LinkBase}
        to={notification.link}
        onClick={() => {
          if (unread) onOpen(notification.id);
        }}
        sx={{
          alignItems: 'flex-start',
          gap: 1.5,
          py: 1.5,
          bgcolor: unread ? 'action.hover' : undefined,
        }}
      >
        <Box
          aria-hidden
          sx={{
            mt: 1,
            width: 10,
            height: 10,
            flexShrink: 0,
            borderRadius: '50%',
            bgcolor: unread ? 'primary.main' : 'transparent',
          }}
        />
        <Box sx={{ minWidth: 0, flexGrow: 1 }}>
          <Typography variant="overline" color="text.secondary" component="p" lineHeight={1.6}>
            {wording.kind}
            {unread && (
              <Box component="span" sx={visuallyHidden}>
                {` · ${translate('mend.account.notifications.unread')}`}
              </Box>
            )}
          </Typography>
          <Typography component="p" sx={{ fontWeight: unread ? 600 : 400 }}>
            {wording.title}
          </Typography>
          {wording.body && (
            <Typography variant="body2" color="text.secondary">
              {wording.body}
            </Typography>
          )}
          <Typography
            variant="caption"
            color="text.secondary"
            component="time"
            dateTime={notification.createdAt}
            title={new Intl.DateTimeFormat(locale, {
              dateStyle: 'medium',
              timeStyle: 'short',
            }).format(new Date(notification.createdAt))}
          >
            {relativeTime(notification.createdAt, locale)}
          </Typography>
        </Box>
      </ListItemButton>
    </ListItem>
  );
};

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

const EmptyFeed = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', py: 5, px: 2, color: 'text.secondary' }}>
      <Box aria-hidden sx={{ color: 'secondary.main', mb: 1, '& svg': { fontSize: 40 } }}>
        <NotificationsNoneOutlined />
      </Box>
      <Typography component="p" variant="h6" sx={{ color: 'text.primary', mb: 0.5 }}>
        {translate('mend.account.notifications.empty')}
      </Typography>
      <Typography sx={{ maxWidth: 480, mx: 'auto' }}>
        {translate('mend.account.notifications.empty_body')}
      </Typography>
      <Button component={LinkBase} to={WEB_PATHS.preferences} sx={{ mt: 2 }}>
        {translate('mend.account.notifications.open_preferences')}
      </Button>
    </Box>
  );
};

/**
 * The signed-in person's notifications, newest first: what each is about in plain words and
 * when; opening one marks it read and goes to what it is about.
 */
export const NotificationsPage = () => {
  const translate = useTranslate();
  const feed = useNotificationFeed();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const rows = useMemo(() => feed.data?.pages.flatMap((page) => page.rows) ?? [], [feed.data]);
  const names = useSubjectNames(rows);
  const anyUnread = rows.some((n) => n.readAt === null);

  const actions =
    rows.length > 0 ? (
      <Button
        variant="outlined"
        startIcon={<DoneAllOutlined />}
        disabled={!anyUnread}
        loading={markAllRead.isPending}
        onClick={() => markAllRead.mutate()}
      >
        {translate('mend.account.notifications.mark_all')}
      </Button>
    ) : null;

  return (
    <AccountPage
      title={translate('mend.account.notifications.title')}
      intro={translate('mend.account.notifications.intro')}
      actions={actions}
    >
      {markAllRead.isError && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('mend.account.notifications.failed')}
        </Alert>
      )}
      {feed.isPending && <LoadingState />}
      {feed.isError && !feed.data && <ErrorState onRetry={() => void feed.refetch()} />}
      {feed.data && rows.length === 0 && (
        <Card>
          <EmptyFeed />
        </Card>
      )}
      {rows.length > 0 && (
        <Card>
          <List disablePadding aria-label={translate('mend.account.notifications.title')}>
            {rows.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                names={names}
                onOpen={(id) => markRead.mutate(id)}
              />
            ))}
          </List>
        </Card>
      )}
      {feed.hasNextPage && (
        <Box sx={{ textAlign: 'center', mt: 2 }}>
          <Button onClick={() => void feed.fetchNextPage()} loading={feed.isFetchingNextPage}>
            {translate('mend.account.notifications.load_more')}
          </Button>
        </Box>
      )}
    </AccountPage>
  );
};
