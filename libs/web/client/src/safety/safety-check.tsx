import FavoriteBorderOutlined from '@mui/icons-material/FavoriteBorderOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';

import { clientApi } from '../api/client-api';

const NOTE_MAX = 2000;

/**
 * The private safety check. Only the couple's therapist (and clinic staff) ever see it; the
 * partner is never told, so the confirmation says nothing that would show on a shared screen
 * beyond this dialog.
 */
export const SafetyCheckDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const titleId = useId();
  const [note, setNote] = useState('');
  const send = useMutation({ mutationFn: () => clientApi.raiseSafetyCheck(note) });
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));

  const close = () => {
    onClose();
    // Nothing typed here lingers for the next person who opens the dialog on this device.
    setNote('');
    send.reset();
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} fullScreen={fullScreen}>
      <DialogTitle id={titleId}>{translate('mend.client.safety.title')}</DialogTitle>
      <DialogContent>
        {send.isSuccess ? (
          <Alert severity="success" icon={false} role="status">
            <Typography sx={{ fontWeight: 600, mb: 1 }}>
              {translate('mend.client.safety.received_title')}
            </Typography>
            <Typography>{translate('mend.client.safety.received_body')}</Typography>
            <Typography sx={{ mt: 1 }}>{translate('mend.client.safety.emergency')}</Typography>
          </Alert>
        ) : (
          <>
            <Typography sx={{ mb: 1.5 }}>{translate('mend.client.safety.intro')}</Typography>
            <Typography sx={{ mb: 1.5 }}>{translate('mend.client.safety.private')}</Typography>
            <Alert severity="warning" icon={false} sx={{ mb: 2 }}>
              {translate('mend.client.safety.emergency')}
            </Alert>
            <TextField
              label={translate('mend.client.safety.note_label')}
              helperText={translate('mend.client.safety.note_help')}
              value={note}
              onChange={(event) => setNote(event.target.value.slice(0, NOTE_MAX))}
              multiline
              minRows={3}
              fullWidth
            />
            {send.isError && (
              <Alert severity="info" sx={{ mt: 2 }}>
                {translate('mend.client.safety.failed')}
              </Alert>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2, flexWrap: 'wrap', gap: 1 }}>
        {send.isSuccess ? (
          <Button variant="contained" onClick={close}>
            {translate('mend.client.common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{translate('mend.client.common.cancel')}</Button>
            <Button variant="contained" onClick={() => send.mutate()} disabled={send.isPending}>
              {send.isPending
                ? translate('mend.client.safety.sending')
                : translate('mend.client.safety.send')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
};

/** A quiet way into the safety check from the app bar; shown to partners only. */
export const SafetyCheckAppBarButton = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<unknown>();
  const [open, setOpen] = useState(false);
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('sm'));
  if (permissions !== 'client') return null;
  const label = translate('mend.client.safety.open');
  return (
    <>
      {wide ? (
        <Button
          color="inherit"
          size="small"
          startIcon={<FavoriteBorderOutlined />}
          onClick={() => setOpen(true)}
          sx={{ mr: 1 }}
        >
          {label}
        </Button>
      ) : (
        <Tooltip title={label}>
          <IconButton color="inherit" aria-label={label} onClick={() => setOpen(true)}>
            <FavoriteBorderOutlined />
          </IconButton>
        </Tooltip>
      )}
      <SafetyCheckDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
};

/** The same door, as a plain text link at the foot of a page. */
export const SafetyCheckLink = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="text"
        size="small"
        startIcon={<FavoriteBorderOutlined />}
        onClick={() => setOpen(true)}
        sx={{ color: 'text.secondary' }}
      >
        {translate('mend.client.safety.link')}
      </Button>
      <SafetyCheckDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
};
