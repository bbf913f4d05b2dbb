import Alert from '@mui/material/Alert';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

import type { OpenThread, ThreadRecord } from './messages-api';
import { useOpenThread, useThreads } from './messages-queries';
import { ThreadView } from './thread-view';

const KEY = 'mend.messages';

interface Choice {
  key: string;
  label: string;
  open: OpenThread;
  thread: ThreadRecord | undefined;
}

/**
 * The couple page's messages: the couple thread and each partner's private thread, as tabs; a
 * thread not started yet offers to start it.
 */
export const CoupleMessagesPanel = ({
  coupleId,
  partners,
}: {
  coupleId: string;
  partners: Array<{ id: string; displayName: string }>;
}) => {
  const translate = useTranslate();
  const threads = useThreads({ coupleId });
  const open = useOpenThread();
  const [selected, setSelected] = useState('couple');
  if (threads.isPending) return null;
  if (threads.isError) return <Alert severity="info">{translate(`${KEY}.load_failed`)}</Alert>;
  const choices: Choice[] = [
    {
      key: 'couple',
      label: translate(`${KEY}.couple_thread`),
      open: { kind: 'couple', coupleId },
      thread: threads.data.find((t) => t.kind === 'couple'),
    },
    ...partners.map((partner) => ({
      key: partner.id,
      label: translate(`${KEY}.private_with`, { name: partner.displayName }),
      open: { kind: 'private' as const, coupleId, partnerId: partner.id },
      thread: threads.data.find((t) => t.kind === 'private' && t.partnerId === partner.id),
    })),
  ];
  const current = choices.find((choice) => choice.key === selected) ?? choices[0];
  return (
    <Box>
      <Tabs
        value={current?.key ?? 'couple'}
        onChange={(_event, value: string) => setSelected(value)}
        variant="scrollable"
        aria-label={translate(`${KEY}.title`)}
        sx={{ mb: 2 }}
      >
        {choices.map((choice) => (
          <Tab
            key={choice.key}
            value={choice.key}
            label={
              <Badge
                badgeContent={choice.thread?.unread ?? 0}
                invisible={!choice.thread?.unread}
                color="error"
                sx={{ pr: choice.thread?.unread ? 1.5 : 0 }}
              >
                {choice.label}
              </Badge>
            }
          />
        ))}
      </Tabs>
      {current?.thread ? (
        <ThreadView key={current.thread.id} thread={current.thread} staff />
      ) : (
        current && (
          <Box>
            <Typography color="text.secondary" sx={{ mb: 1 }}>
              {translate(`${KEY}.not_started`)}
            </Typography>
            <Button
              variant="outlined"
              onClick={() => open.mutate(current.open)}
              disabled={open.isPending}
            >
              {translate(`${KEY}.start`)}
            </Button>
            {open.isError && (
              <Alert severity="info" sx={{ mt: 1 }}>
                {translate(`${KEY}.open_failed`)}
              </Alert>
            )}
          </Box>
        )
      )}
    </Box>
  );
};
