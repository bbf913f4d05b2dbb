import SwapHorizOutlined from '@mui/icons-material/SwapHorizOutlined';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MuiButton from '@mui/material/Button';
import { useId, useState } from 'react';
import {
  Button,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';

import type { ClinicCoupleRecord, MendDataProvider, UserRecord } from '../records';

/** The API's largest page: every active therapist of a clinic fits on it. */
const THERAPIST_PAGE = { page: 1, perPage: 100 };

const TherapistChoices = ({
  couple,
  onDone,
}: {
  couple: ClinicCoupleRecord;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<MendDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const legendId = useId();
  const therapists = useGetList<UserRecord>('users', {
    filter: { role: 'therapist', status: 'active' },
    pagination: THERAPIST_PAGE,
    sort: { field: 'displayName', order: 'ASC' },
  });
  const [chosen, setChosen] = useState<string[]>(couple.therapists.map(({ id }) => id));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const none = chosen.length === 0;

  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((other) => other !== id)));

  const save = async () => {
    setSaving(true);
    setFailure(null);
    try {
      await dataProvider.reassignTherapists(couple.id, chosen);
      notify('mend.couples.reassigned', { type: 'success', messageArgs: { label: couple.label } });
      refresh();
      onDone();
    } catch (error) {
      setFailure(
        error instanceof Error && error.message
          ? error.message
          : translate('mend.couples.reassign_failed'),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <DialogContent>
        {therapists.isPending && (
          <CircularProgress size={24} aria-label={translate('ra.page.loading')} />
        )}
        {therapists.error && (
          <Alert severity="error">{translate('mend.couples.therapists_failed')}</Alert>
        )}
        {therapists.data && (
          <FormControl component="fieldset" error={none}>
            <FormLabel component="legend" id={legendId}>
              {translate('mend.couples.therapists_legend')}
            </FormLabel>
            <FormGroup aria-labelledby={legendId}>
              {therapists.data.map((therapist) => (
                <FormControlLabel
                  key={therapist.id}
                  label={therapist.displayName}
                  control={
                    <Checkbox
                      checked={chosen.includes(therapist.id)}
                      onChange={(event) => toggle(therapist.id, event.target.checked)}
                    />
                  }
                />
              ))}
            </FormGroup>
            <FormHelperText>
              {translate(none ? 'mend.couples.need_one' : 'mend.couples.reassign_help')}
            </FormHelperText>
          </FormControl>
        )}
        {failure && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onDone}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton
          variant="contained"
          disabled={none || saving || !therapists.data}
          onClick={() => void save()}
        >
          {translate('mend.couples.reassign_save')}
        </MuiButton>
      </DialogActions>
    </>
  );
};

/**
 * Chooses which therapists treat a couple. The API replaces the whole set at once, so the dialog
 * starts from the current one and a couple can never be left with none.
 */
export const ReassignTherapistsButton = () => {
  const translate = useTranslate();
  const couple = useRecordContext<ClinicCoupleRecord>();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  if (!couple) return null;
  return (
    <>
      <Button
        label="mend.couples.reassign"
        aria-label={translate('mend.couples.reassign_named', { label: couple.label })}
        onClick={(event) => {
          // The button sits in a clickable row; the dialog is all this click should do.
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <SwapHorizOutlined />
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby={titleId}
        fullWidth
        maxWidth="xs"
        onClick={(event) => event.stopPropagation()}
      >
        <DialogTitle id={titleId}>
          {translate('mend.couples.reassign_title', { label: couple.label })}
        </DialogTitle>
        {open && <TherapistChoices couple={couple} onDone={() => setOpen(false)} />}
      </Dialog>
    </>
  );
};
