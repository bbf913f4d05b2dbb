import ChevronRightOutlined from '@mui/icons-material/ChevronRightOutlined';
import ForumOutlined from '@mui/icons-material/ForumOutlined';
import Alert from '@mui/material/Alert';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CircularProgress from '@mui/material/CircularProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { webPath, type MessageThreadKind } from '@mend/shared-contracts';
import {
  LinkBase,
  Title,
  useLocaleState,
  usePermissions,
  useRedirect,
  useTranslate,
} from 'react-admin';

import type { ThreadRecord } from './messages-api';
import { useOpenThread, useThreads } from './messages-queries';
import { threadTitle } from './thread-title';

const KEY = 'mend.messages';

const UnreadBadge = ({ count }: { count: number }) => {
  const translate = useTranslate();
  return count > 0 ? (
    <Badge
      badgeContent={count}
      color="error"
      max={99}
      aria-label={translate(`${KEY}.unread`, { smart_count: count })}
      sx={{ mr: 2 }}
    />
  ) : null;
};

const Loading = () => {
  const translate = useTranslate();
  return (
    <Box role="status" sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
      <CircularProgress size={24} aria-label={translate(`${KEY}.loading`)} />
    </Box>
  );
};

/** The therapist's inbox: every thread of their caseload, those with unread messages first. */
const Inbox = () => {
  const translate = useTranslate();
  const [locale = 'en'] = useLocaleState();
  const threads = useThreads();
  if (threads.isPending) return <Loading />;
  if (threads.isError) return <Alert severity="info">{translate(`${KEY}.load_failed`)}</Alert>;
  if (threads.data.length === 0) {
    return <Typography color="text.secondary">{translate(`${KEY}.inbox_empty`)}</Typography>;
  }
  return (
    <Card>
      <List aria-label={translate(`${KEY}.inbox`)}>
        {threads.data.map((thread) => (
          <ListItem key={thread.id} disablePadding divider>
            <ListItemButton component={LinkBase} to={webPath.thread(thread.id)}>
              <ListItemText
                primary={thread.coupleLabel}
                secondary={[
                  threadTitle(thread, true, translate),
                  thread.lastMessageAt
                    ? new Intl.DateTimeFormat(locale, {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      }).format(new Date(thread.lastMessageAt))
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
                slotProps={{ primary: { sx: { fontWeight: thread.unread > 0 ? 700 : 400 } } }}
              />
              <UnreadBadge count={thread.unread} />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </Card>
  );
};

const KINDS: MessageThreadKind[] = ['couple', 'private'];

/**
 * A partner's two places to write: with both of them and the therapist, and privately with
 * the therapist. A thread not started yet is opened on the first tap.
 */
const PartnerThreads = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const threads = useThreads();
  const open = useOpenThread();
  if (threads.isPending) return <Loading />;
  if (threads.isError) return <Alert severity="info">{translate(`${KEY}.load_failed`)}</Alert>;
  const byKind = new Map<MessageThreadKind, ThreadRecord>(
    threads.data.map((thread) => [thread.kind, thread]),
  );
  const go = (kind: MessageThreadKind) => {
    const existing = byKind.get(kind);
    if (existing) {
      redirect(webPath.thread(existing.id));
      return;
    }
    open.mutate({ kind }, { onSuccess: (thread) => redirect(webPath.thread(thread.id)) });
  };
  return (
    <Card>
      <List aria-label={translate(`${KEY}.title`)}>
        {KINDS.map((kind) => {
          const thread = byKind.get(kind);
          return (
            <ListItem key={kind} disablePadding divider>
              <ListItemButton onClick={() => go(kind)} disabled={open.isPending}>
                <ListItemText
                  primary={threadTitle({ kind, partnerName: null }, false, translate)}
                  secondary={translate(`${KEY}.${kind}_help`)}
                  slotProps={{
                    primary: { sx: { fontWeight: (thread?.unread ?? 0) > 0 ? 700 : 400 } },
                  }}
                />
                <UnreadBadge count={thread?.unread ?? 0} />
                <ChevronRightOutlined aria-hidden />
              </ListItemButton>
            </ListItem>
          );
        })}
      </List>
      {open.isError && <Alert severity="info">{translate(`${KEY}.open_failed`)}</Alert>}
    </Card>
  );
};

/** Messages: a partner's two threads, or a therapist's inbox across the caseload. */
export const MessagesPage = () => {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions<unknown>();
  if (isPending) return null;
  const staff = permissions !== 'client';
  return (
    <Box component="section" sx={{ mt: 2, maxWidth: 720 }}>
      <Title title={translate(`${KEY}.title`)} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <ForumOutlined color="secondary" aria-hidden />
        <Typography component="h1" variant="h5">
          {translate(staff ? `${KEY}.inbox` : `${KEY}.title`)}
        </Typography>
      </Box>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate(staff ? `${KEY}.inbox_intro` : `${KEY}.intro`)}
      </Typography>
      {staff ? <Inbox /> : <PartnerThreads />}
    </Box>
  );
};
