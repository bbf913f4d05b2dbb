import ForwardToInboxOutlined from '@mui/icons-material/ForwardToInboxOutlined';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';

import type { MendDataProvider, UserRecord } from '../records';

/** Sends a fresh invitation link (the old one stops working); only for people not yet joined. */
export const ResendInvitationButton = () => {
  const record = useRecordContext<UserRecord>();
  const dataProvider = useDataProvider<MendDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [sending, setSending] = useState(false);
  if (!record || record.status !== 'invited') return null;

  const resend = async () => {
    setSending(true);
    try {
      const result = await dataProvider.resendInvitation(record.id);
      notify(result.invitationSent ? 'mend.users.resent' : 'mend.users.invitation_not_sent', {
        type: result.invitationSent ? 'success' : 'warning',
        messageArgs: { email: record.email },
      });
      refresh();
    } catch {
      notify('mend.users.resend_failed', { type: 'error' });
    } finally {
      setSending(false);
    }
  };

  return (
    <Button
      label="mend.users.resend"
      disabled={sending}
      onClick={(event) => {
        // Inside a clickable row the button must not also open the row.
        event.stopPropagation();
        void resend();
      }}
    >
      <ForwardToInboxOutlined />
    </Button>
  );
};
