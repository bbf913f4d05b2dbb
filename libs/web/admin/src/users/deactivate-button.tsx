import PersonOffOutlined from '@mui/icons-material/PersonOffOutlined';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
} from 'react-admin';

import type { MendDataProvider, UserRecord } from '../records';

/**
 * Deactivation is immediate and ends every session of the person, so the dialog says exactly
 * that before anything happens.
 */
export const DeactivateButton = () => {
  const record = useRecordContext<UserRecord>();
  const dataProvider = useDataProvider<MendDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const [working, setWorking] = useState(false);
  if (!record || record.status === 'deactivated') return null;

  const deactivate = async () => {
    setWorking(true);
    try {
      await dataProvider.deactivateUser(record.id);
      notify('mend.users.deactivated', {
        type: 'success',
        messageArgs: { name: record.displayName },
      });
      setOpen(false);
      redirect('list', 'users');
    } catch (error) {
      const message =
        error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error' });
    } finally {
      setWorking(false);
    }
  };

  return (
    <>
      <Button
        label="mend.users.deactivate"
        color="error"
        onClick={() => setOpen(true)}
        sx={{ ml: 'auto' }}
      >
        <PersonOffOutlined />
      </Button>
      <Confirm
        isOpen={open}
        loading={working}
        title="mend.users.deactivate_title"
        titleTranslateOptions={{ name: record.displayName }}
        content="mend.users.deactivate_body"
        contentTranslateOptions={{ name: record.displayName }}
        confirm="mend.users.deactivate"
        confirmColor="warning"
        onConfirm={() => void deactivate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
