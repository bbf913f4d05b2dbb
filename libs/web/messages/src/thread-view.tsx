import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { fieldErrors } from '@mend/web-auth';
import { MESSAGE_MAX_LENGTH } from '@mend/shared-contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { HttpError, useLocaleState, useTranslate } from 'react-admin';

import { type MessageRecord, type ThreadRecord, messagesApi } from './messages-api';
import { useMessageMutation, useMessages } from './messages-queries';

const KEY = 'mend.messages';

const when = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

const HideButton = ({ message }: { message: MessageRecord }) => {
  const translate = useTranslate();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const hide = useMessageMutation((text: string) => messagesApi.hide(message.id, text));
  if (!asking) {
    return (
      <Button size="small" onClick={() => setAsking(true)} sx={{ alignSelf: 'flex-start' }}>
        {translate(`${KEY}.hide`)}
      </Button>
    );
  }
  return (
    <Box
      component="form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (reason.trim()) hide.mutate(reason.trim());
      }}
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 1 }}
    >
      <TextField
        size="small"
        label={translate(`${KEY}.hide_reason`)}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
      <Button type="submit" size="small" variant="outlined" disabled={hide.isPending}>
        {translate(`${KEY}.hide_confirm`)}
      </Button>
    </Box>
  );
};

const Bubble = ({ message, staff }: { message: MessageRecord; staff: boolean }) => {
  const translate = useTranslate();
  const [locale = 'en'] = useLocaleState();
  return (
    <Box
      component="li"
      sx={{
        listStyle: 'none',
        alignSelf: message.mine ? 'flex-end' : 'flex-start',
        maxWidth: '85%',
        display: 'flex',
        flexDirection: 'column',
      }}
    >
      <Box
        sx={{
          bgcolor: message.mine ? 'primary.main' : 'grey.100',
          color: message.mine ? 'primary.contrastText' : 'text.primary',
          borderRadius: 2,
          px: 1.5,
          py: 1,
          opacity: message.hiddenAt ? 0.7 : 1,
        }}
      >
        <Typography variant="caption" component="p" sx={{ fontWeight: 600 }}>
          {message.mine ? translate(`${KEY}.you`) : message.authorName}
        </Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body}
        </Typography>
        <Typography variant="caption" component="p">
          {when(message.createdAt, locale)}
        </Typography>
      </Box>
      {message.hiddenAt && (
        <Typography variant="caption" color="text.secondary">
          {translate(`${KEY}.hidden_note`, { reason: message.hiddenReason ?? '' })}
        </Typography>
      )}
      {staff && !message.mine && message.authorRole === 'client' && !message.hiddenAt && (
        <HideButton message={message} />
      )}
    </Box>
  );
};

const Compose = ({ thread }: { thread: ThreadRecord }) => {
  const translate = useTranslate();
  const inputId = useId();
  const [text, setText] = useState('');
  const send = useMessageMutation((body: string) => messagesApi.send(thread.id, body));
  const fieldError =
    send.error instanceof HttpError ? (fieldErrors(send.error.body)['body'] ?? null) : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    send.mutate(text, { onSuccess: () => setText('') });
  };
  return (
    <Box component="form" onSubmit={onSubmit} noValidate sx={{ mt: 2 }}>
      <TextField
        id={inputId}
        label={translate(`${KEY}.write`)}
        value={text}
        onChange={(event) => setText(event.target.value)}
        multiline
        minRows={2}
        fullWidth
        error={fieldError !== null}
        helperText={
          fieldError ?? translate(`${KEY}.length`, { count: text.length, max: MESSAGE_MAX_LENGTH })
        }
        slotProps={{ htmlInput: { maxLength: MESSAGE_MAX_LENGTH } }}
      />
      {send.isError && fieldError === null && (
        <Alert severity="info" sx={{ my: 1 }}>
          {translate(`${KEY}.send_failed`)}
        </Alert>
      )}
      <Button
        type="submit"
        variant="contained"
        disabled={send.isPending || !text.trim()}
        sx={{ mt: 1 }}
      >
        {translate(`${KEY}.send`)}
      </Button>
    </Box>
  );
};

/**
 * One thread: the clinic's notice first (it says when not to rely on messages), the messages,
 * and a box to write in unless the couple is closed. Opening it marks it read.
 */
export const ThreadView = ({ thread, staff }: { thread: ThreadRecord; staff: boolean }) => {
  const translate = useTranslate();
  const messages = useMessages(thread.id);
  const markRead = useMessageMutation(() => messagesApi.markRead(thread.id));
  const { mutate } = markRead;
  const unread = thread.unread;
  useEffect(() => {
    if (unread > 0) mutate(undefined);
  }, [thread.id, unread, mutate]);
  return (
    <Box>
      <Alert severity="warning" role="note" sx={{ mb: 2 }}>
        {thread.notice}
      </Alert>
      {messages.isPending ? (
        <Box role="status" sx={{ display: 'flex', justifyContent: 'center', py: 3 }}>
          <CircularProgress size={24} aria-label={translate(`${KEY}.loading`)} />
        </Box>
      ) : messages.isError ? (
        <Alert severity="info">{translate(`${KEY}.load_failed`)}</Alert>
      ) : messages.data.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 2 }}>
          {translate(`${KEY}.empty`)}
        </Typography>
      ) : (
        <Stack
          component="ol"
          spacing={1.5}
          sx={{ p: 0, m: 0 }}
          aria-label={translate(`${KEY}.list`)}
        >
          {messages.data.map((message) => (
            <Bubble key={message.id} message={message} staff={staff} />
          ))}
        </Stack>
      )}
      {thread.readOnly ? (
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate(`${KEY}.read_only`)}
        </Alert>
      ) : (
        <Compose thread={thread} />
      )}
    </Box>
  );
};
