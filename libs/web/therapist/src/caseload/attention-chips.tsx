import ErrorOutline from '@mui/icons-material/ErrorOutline';
import NotificationsActiveOutlined from '@mui/icons-material/NotificationsActiveOutlined';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';

import type { CaseloadRow } from '../records';

/** Why a couple needs attention, most pressing first; "All calm" when nothing does. */
export const AttentionChips = ({ row }: { row: CaseloadRow }) => {
  const translate = useTranslate();
  const normalAlerts = row.openAlerts - row.urgentAlerts;
  const calm =
    row.openAlerts === 0 && row.missedInARow < 2 && !row.asymmetryFlagged && row.urgentAlerts === 0;
  if (calm) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('therapist.caseload.calm')}
      </Typography>
    );
  }
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.75 }}>
      {row.urgentAlerts > 0 && (
        <Chip
          size="small"
          color="error"
          icon={<ErrorOutline />}
          label={translate('therapist.caseload.urgent_alerts', { smart_count: row.urgentAlerts })}
          sx={{ fontWeight: 700 }}
        />
      )}
      {normalAlerts > 0 && (
        <Chip
          size="small"
          color="warning"
          variant="outlined"
          icon={<NotificationsActiveOutlined />}
          label={translate('therapist.caseload.open_alerts', { smart_count: normalAlerts })}
        />
      )}
      {row.missedInARow >= 2 && (
        <Chip
          size="small"
          variant="outlined"
          label={translate('therapist.caseload.missed', { smart_count: row.missedInARow })}
        />
      )}
      {row.asymmetryFlagged && (
        <Chip size="small" variant="outlined" label={translate('therapist.caseload.one_sided')} />
      )}
    </Stack>
  );
};
