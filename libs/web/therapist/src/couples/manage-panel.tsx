import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useNotify, useTranslate } from 'react-admin';

import { apiErrorMessage, sendJson } from '@mend/web-auth';
import type { CouplePartner, CoupleRecord } from '../records';
import { Section } from './section';

/** What the API answers after sending a partner a new invitation. */
interface InvitedPartner extends CouplePartner {
  invitationSent: boolean;
}

/** One action that sends a request, tells the outcome, and lets the page reload the couple. */
function useAction(onChanged: () => void) {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async (send: () => Promise<object>, done: string) => {
    setBusy(true);
    try {
      const result = await send();
      if ('invitationSent' in result && result.invitationSent === false) {
        notify('therapist.manage.invitation_unsent', { type: 'warning' });
      } else {
        notify(done, { type: 'success' });
      }
      onChanged();
      return true;
    } catch (error) {
      notify(apiErrorMessage(error, translate('therapist.common.save_failed')), {
        type: 'error',
      });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/** A small form in a dialog: one field, a confirm button, cancel. */
const FieldDialog = ({
  open,
  title,
  intro,
  field,
  confirm,
  busy,
  canConfirm,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: string;
  intro: string;
  field: ReactNode;
  confirm: string;
  busy: boolean;
  canConfirm: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="manage-title">
      <Box
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <DialogTitle id="manage-title">{title}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {intro}
          </Typography>
          {field}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('therapist.manage.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy || !canConfirm}>
            {confirm}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
};

/** A partner who has not joined: resend the invitation, or correct a mistyped email. */
const InvitedPartnerRow = ({
  coupleId,
  partner,
  onChanged,
}: {
  coupleId: string;
  partner: CouplePartner;
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const { busy, run } = useAction(onChanged);
  const [editing, setEditing] = useState(false);
  const [email, setEmail] = useState('');
  const base = `/couples/${coupleId}/partners/${partner.id}`;
  return (
    <Box sx={{ mb: 1.5 }} data-testid="invited-partner">
      <Typography variant="body2">
        {translate('therapist.manage.not_joined', { name: partner.displayName })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
        <Button
          size="small"
          variant="outlined"
          disabled={busy}
          onClick={() =>
            void run(
              () => sendJson<InvitedPartner>('POST', `${base}/resend-invitation`, {}),
              translate('therapist.manage.resent', { name: partner.displayName }),
            )
          }
        >
          {translate('therapist.manage.resend')}
        </Button>
        <Button size="small" disabled={busy} onClick={() => setEditing(true)}>
          {translate('therapist.manage.correct_email')}
        </Button>
      </Box>
      <FieldDialog
        open={editing}
        title={translate('therapist.manage.correct_email_title', { name: partner.displayName })}
        intro={translate('therapist.manage.correct_email_intro')}
        confirm={translate('therapist.manage.correct_email_confirm')}
        busy={busy}
        canConfirm={email.trim() !== ''}
        onClose={() => setEditing(false)}
        onConfirm={() =>
          void run(
            () => sendJson<InvitedPartner>('PUT', `${base}/email`, { email: email.trim() }),
            translate('therapist.manage.resent', { name: partner.displayName }),
          ).then((saved) => {
            if (saved) setEditing(false);
          })
        }
        field={
          <TextField
            autoFocus
            fullWidth
            type="email"
            label={translate('therapist.manage.email_label')}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 254 } }}
          />
        }
      />
    </Box>
  );
};

/** Invitations still out, and closing the couple (with a note) or reopening it. */
export const ManagePanel = ({
  couple,
  onChanged,
}: {
  couple: CoupleRecord;
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const { busy, run } = useAction(onChanged);
  const [closing, setClosing] = useState(false);
  const [note, setNote] = useState('');
  const put = (body: Record<string, string>) =>
    sendJson<CoupleRecord>('PUT', `/couples/${couple.id}`, body);
  const closed = couple.status === 'closed';
  const invited = closed ? [] : couple.partners.filter((partner) => partner.status === 'invited');
  return (
    <Section id="couple-manage" title={translate('therapist.manage.title')}>
      {invited.map((partner) => (
        <InvitedPartnerRow
          key={partner.id}
          coupleId={couple.id}
          partner={partner}
          onChanged={onChanged}
        />
      ))}
      {closed ? (
        <Box>
          {couple.closingNote && (
            <Typography variant="body2" sx={{ mb: 1, whiteSpace: 'pre-wrap' }}>
              {translate('therapist.manage.closing_note', { note: couple.closingNote })}
            </Typography>
          )}
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() =>
              void run(() => put({ status: 'active' }), translate('therapist.manage.reopened'))
            }
          >
            {translate('therapist.manage.reopen')}
          </Button>
        </Box>
      ) : (
        <Button variant="outlined" color="warning" onClick={() => setClosing(true)}>
          {translate('therapist.manage.close')}
        </Button>
      )}
      <FieldDialog
        open={closing && !closed}
        title={translate('therapist.manage.close_title', { label: couple.label })}
        intro={translate('therapist.manage.close_intro')}
        confirm={translate('therapist.manage.close_confirm')}
        busy={busy}
        canConfirm
        onClose={() => setClosing(false)}
        onConfirm={() =>
          void run(
            () =>
              put(
                note.trim() === ''
                  ? { status: 'closed' }
                  : { status: 'closed', closingNote: note.trim() },
              ),
            translate('therapist.manage.closed'),
          ).then((saved) => {
            if (saved) setClosing(false);
          })
        }
        field={
          <TextField
            fullWidth
            multiline
            minRows={3}
            label={translate('therapist.manage.closing_note_label')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 4000 } }}
          />
        }
      />
    </Section>
  );
};
