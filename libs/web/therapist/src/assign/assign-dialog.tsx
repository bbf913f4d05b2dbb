import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { CompletionMode } from '@mend/shared-exercises';
import { stepSchedule, type Recurrence, type ReminderPolicy } from '@mend/shared-schedule';
import { useEffect, useId, useMemo, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { apiErrorMessage, fieldProblems, listQuery, sendJson } from '@mend/web-auth';

import { useApi } from '../common/api';
import { localToday } from '../common/format';
import type { CouplePartner, ExerciseRecord, ProgramRecord } from '../records';
import { previewSchedule } from './schedule-preview';

type What = 'exercise' | 'program';
type RecurrenceKind = Recurrence['kind'];
type ReminderChoice = 'default' | 'before_120' | 'before_60' | 'morning' | 'none';

const REMINDERS: ReminderChoice[] = ['default', 'before_120', 'before_60', 'morning', 'none'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function reminderPolicy(choice: ReminderChoice, overdue: boolean): ReminderPolicy | undefined {
  const overdueAfterMinutes = overdue ? 720 : null;
  switch (choice) {
    case 'default':
      return undefined;
    case 'before_120':
      return { dueSoon: { kind: 'before_due', minutes: 120 }, overdueAfterMinutes };
    case 'before_60':
      return { dueSoon: { kind: 'before_due', minutes: 60 }, overdueAfterMinutes };
    case 'morning':
      return { dueSoon: { kind: 'at_local_time', time: '08:00' }, overdueAfterMinutes };
    case 'none':
      return { dueSoon: { kind: 'none' }, overdueAfterMinutes };
  }
}

function weekdayNames(locale: string): string[] {
  // 2024-01-01 was a Monday: ISO weekday 1.
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return WEEKDAYS.map((day) => format.format(new Date(Date.UTC(2024, 0, day))));
}

function weekdayLongNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return WEEKDAYS.map((day) => format.format(new Date(Date.UTC(2024, 0, day))));
}

export interface AssignDialogProps {
  open: boolean;
  onClose: () => void;
  onAssigned: () => void;
  coupleId: string;
  timeZone: string;
  partners: CouplePartner[];
  /** Preselects an exercise (from the library) or a program. */
  initial?: { what: What; id: string };
}

/**
 * Assigning an exercise or a program, with the schedule read back in plain words as it is
 * built, so the therapist can check "every Monday and Thursday at 8 pm" before saving.
 */
export const AssignDialog = ({
  open,
  onClose,
  onAssigned,
  coupleId,
  timeZone,
  partners,
  initial,
}: AssignDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const ids = useId();
  const exercises = useApi<ExerciseRecord[]>(
    `/exercises?${listQuery({ filter: { archived: false }, range: [0, 99], sort: ['title', 'ASC'] })}`,
  );
  const programs = useApi<ProgramRecord[]>(
    `/programs?${listQuery({ filter: {}, range: [0, 99] })}`,
  );

  const [what, setWhat] = useState<What>(initial?.what ?? 'exercise');
  const [exerciseId, setExerciseId] = useState(initial?.what === 'exercise' ? initial.id : '');
  const [programId, setProgramId] = useState(initial?.what === 'program' ? initial.id : '');
  const [mode, setMode] = useState<CompletionMode>('each');
  const [assigneeId, setAssigneeId] = useState('');
  const [startDate, setStartDate] = useState(localToday(1));
  const [endDate, setEndDate] = useState('');
  const [kind, setKind] = useState<RecurrenceKind>('weekdays');
  const [weekdays, setWeekdays] = useState<number[]>([1, 4]);
  const [everyN, setEveryN] = useState(2);
  const [dueTime, setDueTime] = useState('20:00');
  const [reminder, setReminder] = useState<ReminderChoice>('default');
  const [overdue, setOverdue] = useState(true);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const exercise = exercises.data?.find((item) => item.id === exerciseId);
  const program = programs.data?.find((item) => item.id === programId);
  const modes: readonly CompletionMode[] = exercise?.completionModes ?? ['each', 'joint', 'one'];
  const programNeedsPartner = program?.steps.some((step) => step.completionMode === 'one') ?? false;

  // Keep the mode one the chosen exercise allows.
  useEffect(() => {
    if (exercise && !exercise.completionModes.includes(mode)) {
      setMode(exercise.completionModes[0] ?? 'each');
    }
  }, [exercise, mode]);

  const recurrence: Recurrence = useMemo(() => {
    switch (kind) {
      case 'once':
        return { kind: 'once' };
      case 'daily':
        return { kind: 'daily' };
      case 'weekdays':
        return { kind: 'weekdays', weekdays: [...weekdays].sort((a, b) => a - b) };
      case 'every_n_days':
        return { kind: 'every_n_days', n: everyN };
    }
  }, [kind, weekdays, everyN]);

  const today = localToday();
  const exercisePreview =
    what === 'exercise'
      ? previewSchedule(
          {
            timeZone,
            startDate,
            dueTime,
            recurrence,
            ...(endDate !== '' && kind !== 'once' ? { endDate } : {}),
          },
          locale,
          today,
        )
      : null;
  const programPreview =
    what === 'program' && program
      ? program.steps.map((step) => ({
          title: step.exerciseTitle,
          text: previewSchedule(stepSchedule(step, timeZone, startDate, dueTime), locale, today),
        }))
      : [];

  const needsPartner =
    (what === 'exercise' && mode === 'one') || (what === 'program' && programNeedsPartner);

  const submit = async () => {
    const problems: Record<string, string> = {};
    if (what === 'exercise' && !exerciseId)
      problems['exerciseId'] = translate('therapist.assign.required');
    if (what === 'program' && !programId)
      problems['programId'] = translate('therapist.assign.required');
    if (needsPartner && !assigneeId)
      problems['assigneeId'] = translate('therapist.assign.required');
    if (what === 'exercise' && kind === 'weekdays' && weekdays.length === 0) {
      problems['recurrence'] = translate('therapist.assign.weekday_required');
    }
    if (!startDate) problems['startDate'] = translate('therapist.assign.required');
    if (!dueTime) problems['dueTime'] = translate('therapist.assign.required');
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length > 0) return;

    const policy = reminderPolicy(reminder, overdue);
    const body = {
      coupleId,
      startDate,
      dueTime,
      ...(what === 'exercise'
        ? {
            exerciseId,
            completionMode: mode,
            recurrence,
            ...(endDate !== '' && kind !== 'once' ? { endDate } : {}),
          }
        : { programId }),
      ...(needsPartner ? { assigneeId } : {}),
      ...(policy ? { reminderPolicy: policy } : {}),
      ...(note.trim() !== '' ? { note: note.trim() } : {}),
    };
    setSaving(true);
    try {
      await sendJson('POST', '/assignments', body);
      notify('therapist.assign.done', { type: 'success' });
      onAssigned();
      onClose();
    } catch (error) {
      const fields = fieldProblems(error);
      if (fields) setErrors(fields);
      setFailure(apiErrorMessage(error, translate('therapist.common.save_failed')));
    } finally {
      setSaving(false);
    }
  };

  const shortDays = weekdayNames(locale);
  const longDays = weekdayLongNames(locale);
  const previewId = `${ids}-preview`;

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={`${ids}-title`}>
      <DialogTitle id={`${ids}-title`}>{translate('therapist.assign.title')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2.5}>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={what}
            onChange={(_event, value: What | null) => value && setWhat(value)}
            aria-label={translate('therapist.assign.what')}
          >
            <ToggleButton value="exercise">
              {translate('therapist.assign.an_exercise')}
            </ToggleButton>
            <ToggleButton value="program">{translate('therapist.assign.a_program')}</ToggleButton>
          </ToggleButtonGroup>

          {what === 'exercise' ? (
            <TextField
              select
              id={`${ids}-exercise`}
              label={translate('therapist.assign.exercise')}
              value={exercises.data ? exerciseId : ''}
              onChange={(event) => setExerciseId(event.target.value)}
              error={Boolean(errors['exerciseId'])}
              helperText={errors['exerciseId'] ?? exercise?.summary}
              disabled={exercises.data === undefined}
            >
              {(exercises.data ?? []).map((item) => (
                <MenuItem key={item.id} value={item.id}>
                  {item.title}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <TextField
              select
              id={`${ids}-program`}
              label={translate('therapist.assign.program')}
              value={programs.data ? programId : ''}
              onChange={(event) => setProgramId(event.target.value)}
              error={Boolean(errors['programId'])}
              helperText={errors['programId'] ?? program?.summary}
              disabled={programs.data === undefined}
            >
              {(programs.data ?? []).map((item) => (
                <MenuItem key={item.id} value={item.id}>
                  {translate('therapist.assign.program_option', {
                    title: item.title,
                    weeks: item.weeks,
                  })}
                </MenuItem>
              ))}
            </TextField>
          )}

          {what === 'exercise' && (
            <FormControl>
              <FormLabel id={`${ids}-mode`}>
                {translate('therapist.assign.completion_mode')}
              </FormLabel>
              <RadioGroup
                row
                aria-labelledby={`${ids}-mode`}
                value={mode}
                onChange={(event) => setMode(event.target.value as CompletionMode)}
              >
                {modes.map((value) => (
                  <FormControlLabel
                    key={value}
                    value={value}
                    control={<Radio />}
                    label={translate(`therapist.assign.mode.${value}`)}
                  />
                ))}
              </RadioGroup>
            </FormControl>
          )}

          {needsPartner && (
            <TextField
              select
              id={`${ids}-assignee`}
              label={translate(
                what === 'program'
                  ? 'therapist.assign.program_partner'
                  : 'therapist.assign.partner',
              )}
              value={assigneeId}
              onChange={(event) => setAssigneeId(event.target.value)}
              error={Boolean(errors['assigneeId'])}
              helperText={
                errors['assigneeId'] ??
                (what === 'program'
                  ? translate('therapist.assign.program_partner_help')
                  : undefined)
              }
            >
              {partners.map((partner) => (
                <MenuItem key={partner.id} value={partner.id}>
                  {partner.displayName}
                </MenuItem>
              ))}
            </TextField>
          )}

          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <TextField
              type="date"
              id={`${ids}-start`}
              label={translate('therapist.assign.start')}
              value={startDate}
              onChange={(event) => setStartDate(event.target.value)}
              error={Boolean(errors['startDate'])}
              helperText={errors['startDate']}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            {what === 'exercise' && kind !== 'once' && (
              <TextField
                type="date"
                id={`${ids}-end`}
                label={translate('therapist.assign.end')}
                value={endDate}
                onChange={(event) => setEndDate(event.target.value)}
                error={Boolean(errors['endDate'])}
                helperText={errors['endDate'] ?? translate('therapist.assign.end_help')}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: startDate } }}
              />
            )}
            <TextField
              type="time"
              id={`${ids}-due`}
              label={translate('therapist.assign.due_time')}
              value={dueTime}
              onChange={(event) => setDueTime(event.target.value)}
              error={Boolean(errors['dueTime'])}
              helperText={
                errors['dueTime'] ?? translate('therapist.assign.due_time_help', { zone: timeZone })
              }
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Box>

          {what === 'exercise' && (
            <Box>
              <TextField
                select
                id={`${ids}-repeat`}
                label={translate('therapist.assign.repeat')}
                value={kind}
                onChange={(event) => setKind(event.target.value as RecurrenceKind)}
                sx={{ minWidth: 220 }}
              >
                {(['once', 'daily', 'weekdays', 'every_n_days'] as const).map((value) => (
                  <MenuItem key={value} value={value}>
                    {translate(`therapist.assign.recurrence.${value}`)}
                  </MenuItem>
                ))}
              </TextField>
              {kind === 'weekdays' && (
                <Box sx={{ mt: 1.5 }}>
                  <Typography
                    id={`${ids}-days`}
                    variant="body2"
                    color="text.secondary"
                    sx={{ mb: 0.5 }}
                  >
                    {translate('therapist.assign.weekdays')}
                  </Typography>
                  <ToggleButtonGroup
                    size="small"
                    value={weekdays}
                    onChange={(_event, value: number[]) => setWeekdays(value)}
                    aria-labelledby={`${ids}-days`}
                  >
                    {WEEKDAYS.map((day) => (
                      <ToggleButton
                        key={day}
                        value={day}
                        aria-label={longDays[day - 1]}
                        sx={{ minWidth: 44, textTransform: 'none' }}
                      >
                        {shortDays[day - 1]}
                      </ToggleButton>
                    ))}
                  </ToggleButtonGroup>
                  {(errors['recurrence'] || errors['recurrence.weekdays']) && (
                    <FormHelperText error>
                      {errors['recurrence'] ?? errors['recurrence.weekdays']}
                    </FormHelperText>
                  )}
                </Box>
              )}
              {kind === 'every_n_days' && (
                <TextField
                  type="number"
                  id={`${ids}-n`}
                  label={translate('therapist.assign.every_n')}
                  value={everyN}
                  onChange={(event) => setEveryN(Number(event.target.value))}
                  slotProps={{ htmlInput: { min: 2, max: 60 } }}
                  sx={{ mt: 1.5, width: 160 }}
                />
              )}
            </Box>
          )}

          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <TextField
              select
              id={`${ids}-reminder`}
              label={translate('therapist.assign.reminder')}
              value={reminder}
              onChange={(event) => setReminder(event.target.value as ReminderChoice)}
              sx={{ minWidth: 260 }}
            >
              {REMINDERS.map((value) => (
                <MenuItem key={value} value={value}>
                  {translate(`therapist.assign.reminders.${value}`)}
                </MenuItem>
              ))}
            </TextField>
            {reminder !== 'default' && (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={overdue}
                    onChange={(event) => setOverdue(event.target.checked)}
                  />
                }
                label={translate('therapist.assign.overdue_nudge')}
              />
            )}
          </Box>

          <TextField
            id={`${ids}-note`}
            label={translate('therapist.assign.note')}
            helperText={translate('therapist.assign.note_help')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />

          <Box
            id={previewId}
            role="status"
            aria-live="polite"
            data-testid="schedule-preview"
            sx={{ bgcolor: 'background.default', borderRadius: 1, p: 1.5 }}
          >
            <Typography variant="overline" component="p" color="text.secondary">
              {translate('therapist.assign.preview')}
            </Typography>
            {what === 'exercise' ? (
              <Typography sx={{ fontWeight: 600 }}>
                {exercisePreview ?? translate('therapist.assign.preview_incomplete')}
              </Typography>
            ) : program ? (
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {programPreview.map((step, index) => (
                  <Typography component="li" variant="body2" key={`${step.title}-${index}`}>
                    <strong>{step.title}</strong>: {step.text ?? '—'}
                  </Typography>
                ))}
              </Box>
            ) : (
              <Typography>{translate('therapist.assign.preview_pick_program')}</Typography>
            )}
          </Box>
          {failure && <Alert severity="error">{failure}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={saving}>
          {translate('therapist.assign.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
