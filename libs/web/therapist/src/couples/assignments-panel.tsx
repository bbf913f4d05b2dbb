import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import { listQuery, sendJson } from '@mend/web-auth';
import type { AssignmentStatus } from '@mend/shared-contracts';

import { useApiAction, type ApiState } from '../common/api';
import { EmptyState, ErrorState, Loading } from '../common/states';
import type { AssignmentRecord, CouplePartner } from '../records';
import { Section } from './section';

const STATUS_COLOR: Record<AssignmentStatus, 'success' | 'warning' | 'default'> = {
  active: 'success',
  paused: 'warning',
  ended: 'default',
};

export const assignmentsPath = (coupleId: string) =>
  `/assignments?${listQuery({ filter: { coupleId }, range: [0, 99], sort: ['status', 'ASC'] })}`;

const AssignmentItem = ({
  assignment,
  partners,
  onChanged,
}: {
  assignment: AssignmentRecord;
  partners: CouplePartner[];
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const { run: setStatus, busy } = useApiAction(
    (status: AssignmentStatus) => sendJson('PUT', `/assignments/${assignment.id}`, { status }),
    (status) => `therapist.assignments.${status}_done`,
    onChanged,
  );
  const assignee = partners.find((partner) => partner.id === assignment.assigneeId);
  const mode =
    assignment.completionMode === 'one' && assignee
      ? translate('therapist.assign.mode_one_named', { name: assignee.displayName })
      : translate(`therapist.assign.mode.${assignment.completionMode}`);
  return (
    <Paper variant="outlined" sx={{ p: 1.5, mb: 1 }} data-testid="assignment">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography component="h3" variant="subtitle2">
          {assignment.exerciseTitle}
        </Typography>
        <Chip
          size="small"
          color={STATUS_COLOR[assignment.status]}
          variant="outlined"
          label={translate(`therapist.assignments.status.${assignment.status}`)}
        />
      </Box>
      <Typography variant="body2">{assignment.scheduleDescription}</Typography>
      <Typography variant="body2" color="text.secondary">
        {mode}
      </Typography>
      {assignment.note && (
        <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
          {assignment.note}
        </Typography>
      )}
      {assignment.status !== 'ended' && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          {assignment.status === 'active' ? (
            <Button size="small" disabled={busy} onClick={() => void setStatus('paused')}>
              {translate('therapist.assignments.pause')}
            </Button>
          ) : (
            <Button size="small" disabled={busy} onClick={() => void setStatus('active')}>
              {translate('therapist.assignments.resume')}
            </Button>
          )}
          <Button size="small" color="error" disabled={busy} onClick={() => setConfirmEnd(true)}>
            {translate('therapist.assignments.end')}
          </Button>
        </Stack>
      )}
      <Confirm
        isOpen={confirmEnd}
        title="therapist.assignments.end_title"
        content="therapist.assignments.end_body"
        translateOptions={{ title: assignment.exerciseTitle }}
        onConfirm={() => {
          setConfirmEnd(false);
          void setStatus('ended');
        }}
        onClose={() => setConfirmEnd(false)}
      />
    </Paper>
  );
};

/** What the couple is working on and when it is due, with pause, resume and end. */
export const AssignmentsPanel = ({
  assignments,
  partners,
  action,
}: {
  assignments: ApiState<AssignmentRecord[]>;
  partners: CouplePartner[];
  action: React.ReactNode;
}) => {
  const translate = useTranslate();
  const [showEnded, setShowEnded] = useState(false);
  const list = assignments.data ?? [];
  const current = list.filter((assignment) => assignment.status !== 'ended');
  const ended = list.filter((assignment) => assignment.status === 'ended');
  return (
    <Section id="assignments" title={translate('therapist.assignments.title')} action={action}>
      {assignments.data === undefined && assignments.error === null && <Loading />}
      {assignments.error !== null && <ErrorState onRetry={assignments.reload} />}
      {assignments.data !== undefined && current.length === 0 && (
        <EmptyState
          heading={translate('therapist.assignments.empty_heading')}
          body={translate('therapist.assignments.empty_body')}
        />
      )}
      {current.map((assignment) => (
        <AssignmentItem
          key={assignment.id}
          assignment={assignment}
          partners={partners}
          onChanged={assignments.reload}
        />
      ))}
      {ended.length > 0 && (
        <Button
          size="small"
          onClick={() => setShowEnded((value) => !value)}
          aria-expanded={showEnded}
        >
          {translate(
            showEnded ? 'therapist.assignments.hide_ended' : 'therapist.assignments.show_ended',
            {
              smart_count: ended.length,
            },
          )}
        </Button>
      )}
      {showEnded &&
        ended.map((assignment) => (
          <AssignmentItem
            key={assignment.id}
            assignment={assignment}
            partners={partners}
            onChanged={assignments.reload}
          />
        ))}
    </Section>
  );
};
