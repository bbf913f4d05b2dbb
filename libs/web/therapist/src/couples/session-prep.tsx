import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useMutation } from '@tanstack/react-query';
import { WEB_PATHS } from '@mend/shared-contracts';
import { reportsApi } from '@mend/web-account';
import { useState } from 'react';
import { useNotify, useRedirect, useTranslate, usePermissions } from 'react-admin';

/** A week before `today`, as the couple's calendar day (YYYY-MM-DD). */
function aWeekBefore(today = new Date()): string {
  return new Date(today.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * "Prepare for session": asks for a one- or two-page summary of the couple since a day (a week
 * ago unless the therapist picks another) and opens the reports page to watch it build.
 */
export const SessionPrep = ({ coupleId }: { coupleId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { permissions } = usePermissions<unknown>();
  const [since, setSince] = useState(aWeekBefore());
  const request = useMutation({
    mutationFn: () => reportsApi.requestSessionPrep(coupleId, since),
    onSuccess: () => redirect(WEB_PATHS.reports),
    onError: () => notify('therapist.session_prep.failed', { type: 'error' }),
  });
  if (permissions !== 'therapist') return null;
  return (
    <Box
      component="form"
      sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}
      onSubmit={(event) => {
        event.preventDefault();
        request.mutate();
      }}
    >
      <TextField
        type="date"
        size="small"
        label={translate('therapist.session_prep.since')}
        value={since}
        onChange={(event) => setSince(event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <Button
        type="submit"
        variant="outlined"
        size="small"
        startIcon={<EventNoteOutlined />}
        disabled={request.isPending}
      >
        {translate('therapist.session_prep.open')}
      </Button>
    </Box>
  );
};
