import Chip from '@mui/material/Chip';
import { useRecordContext, useTranslate } from 'react-admin';

import type { UserRecord } from '../records';

const STATUS_COLOUR = { invited: 'warning', active: 'success', deactivated: 'default' } as const;

export const StatusChip = () => {
  const translate = useTranslate();
  const record = useRecordContext<UserRecord>();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={STATUS_COLOUR[record.status]}
      label={translate(`mend.users.status.${record.status}`)}
    />
  );
};

export const RoleText = () => {
  const translate = useTranslate();
  const record = useRecordContext<UserRecord>();
  return record ? <>{translate(`mend.roles.${record.role}`)}</> : null;
};
