import AddTaskOutlined from '@mui/icons-material/AddTaskOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { CoupleMessagesPanel } from '@mend/web-messages';
import { Title, useShowController, useTranslate } from 'react-admin';

import { AssignDialog } from '../assign/assign-dialog';
import { useApi } from '../common/api';
import { ErrorState, Loading } from '../common/states';
import type { AssignmentRecord, CoupleProgress, CoupleRecord } from '../records';
import { AlertsPanel } from './alerts-panel';
import { AnswersPanel } from './answers-panel';
import { AssignmentsPanel, assignmentsPath } from './assignments-panel';
import { MeasuresPanel } from './measures-panel';
import { ManagePanel } from './manage-panel';
import { PartnersPanel } from './partners-panel';
import { PromisesPanel } from './promises-panel';
import { Section } from './section';
import { SessionPrep } from './session-prep';
import { TimelinePanel } from './timeline-panel';

const CoupleBody = ({ couple, onChanged }: { couple: CoupleRecord; onChanged: () => void }) => {
  const translate = useTranslate();
  const [assigning, setAssigning] = useState(false);
  const progress = useApi<CoupleProgress>(`/couples/${couple.id}/progress`);
  const assignments = useApi<AssignmentRecord[]>(assignmentsPath(couple.id));
  const therapists = couple.therapists.map((therapist) => therapist.displayName).join(', ');

  const assignButton = (
    <Button
      variant="contained"
      size="small"
      startIcon={<AddTaskOutlined />}
      onClick={() => setAssigning(true)}
    >
      {translate('therapist.assign.open')}
    </Button>
  );

  return (
    <Box component="section" sx={{ mt: 2 }}>
      <Title title={couple.label} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap', mb: 0.5 }}>
        <Typography component="h1" variant="h5">
          {couple.label}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          color={couple.status === 'active' ? 'success' : 'default'}
          label={translate(`therapist.couple_status.${couple.status}`)}
        />
        {couple.jointWorkPaused && (
          <Chip size="small" color="error" label={translate('therapist.couples.joint_paused')} />
        )}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('therapist.couples.meta', { zone: couple.timeZone, therapists })}
      </Typography>

      <SessionPrep coupleId={couple.id} />
      <PartnersPanel progress={progress} />

      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <MeasuresPanel coupleId={couple.id} />
          <AnswersPanel coupleId={couple.id} />
          <Section title={translate('mend.messages.title')} id="couple-messages">
            <CoupleMessagesPanel coupleId={couple.id} partners={couple.partners} />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <AlertsPanel
            coupleId={couple.id}
            partners={couple.partners}
            onChanged={progress.reload}
          />
          <AssignmentsPanel
            assignments={assignments}
            partners={couple.partners}
            action={assignButton}
          />
          <PromisesPanel coupleId={couple.id} />
          <TimelinePanel coupleId={couple.id} />
          <ManagePanel couple={couple} onChanged={onChanged} />
        </Grid>
      </Grid>

      {assigning && (
        <AssignDialog
          open
          onClose={() => setAssigning(false)}
          onAssigned={assignments.reload}
          coupleId={couple.id}
          timeZone={couple.timeZone}
          partners={couple.partners}
        />
      )}
    </Box>
  );
};

/**
 * The couple page: both partners, their answers with feedback, their messages, alerts,
 * assignments, promises, and the timeline of everything that happened.
 */
export const CoupleShow = () => {
  const translate = useTranslate();
  const { record, isPending, error, refetch } = useShowController<CoupleRecord>();
  if (isPending) return <Loading label={translate('therapist.couples.loading')} />;
  if (error || !record) {
    return (
      <Box sx={{ mt: 2 }}>
        <ErrorState onRetry={() => void refetch()} />
      </Box>
    );
  }
  return <CoupleBody couple={record} onChanged={() => void refetch()} />;
};
