import Typography from '@mui/material/Typography';
import {
  AutocompleteInput,
  BooleanInput,
  Edit,
  NumberInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  type Validator,
  maxLength,
  maxValue,
  minLength,
  minValue,
  number,
  regex,
  required,
  useNotify,
  useTranslate,
} from 'react-admin';

import { CURRENT_CLINIC, type ClinicRecord } from '../records';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Every IANA zone the browser knows, which is the same list the API's validator accepts. */
const TIME_ZONE_CHOICES = Intl.supportedValuesOf('timeZone').map((zone) => ({
  id: zone,
  name: zone.replaceAll('_', ' '),
}));

const wholeMinutes: Validator = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'mend.clinic.whole_minutes' : undefined;

/** PUT /clinic accepts exactly these fields; `id` and anything else would be a 400. */
function editableFields(data: Partial<ClinicRecord>) {
  return {
    name: data.name,
    timeZone: data.timeZone,
    requireStaffMfa: data.requireStaffMfa,
    inactivityTimeoutMinutes: data.inactivityTimeoutMinutes,
    quietHoursStart: data.quietHoursStart,
    quietHoursEnd: data.quietHoursEnd,
    secretsPolicy: data.secretsPolicy,
    // Empty (react-admin reads a cleared field as null) asks for Mend's own wording again.
    messagesNotice: data.messagesNotice ?? '',
    reportRetentionDays: data.reportRetentionDays,
  };
}

const Section = ({ children }: { children: string }) => (
  <Typography component="h2" variant="h6" sx={{ mt: 2, mb: 1 }}>
    {children}
  </Typography>
);

const SettingsToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The clinic's own settings, for its admins: a singleton, so an edit form with no list. */
export const ClinicSettingsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  return (
    <Edit
      resource="clinic"
      id={CURRENT_CLINIC}
      title="mend.menu.clinic"
      redirect={false}
      mutationMode="pessimistic"
      transform={editableFields}
      actions={false}
      mutationOptions={{ onSuccess: () => notify('mend.clinic.saved', { type: 'success' }) }}
    >
      <SimpleForm toolbar={<SettingsToolbar />} sx={{ maxWidth: 640 }}>
        <Section>{translate('mend.clinic.section.identity')}</Section>
        <TextInput
          source="name"
          label="mend.clinic.fields.name"
          validate={[required(), minLength(2), maxLength(120)]}
        />
        <AutocompleteInput
          source="timeZone"
          label="mend.clinic.fields.time_zone"
          choices={TIME_ZONE_CHOICES}
          translateChoice={false}
          validate={required()}
          helperText="mend.clinic.help.time_zone"
        />

        <Section>{translate('mend.clinic.section.security')}</Section>
        <BooleanInput
          source="requireStaffMfa"
          label="mend.clinic.fields.require_staff_mfa"
          helperText="mend.clinic.help.require_staff_mfa"
        />
        <NumberInput
          source="inactivityTimeoutMinutes"
          label="mend.clinic.fields.inactivity_timeout"
          step={5}
          validate={[required(), number(), minValue(5), maxValue(240), wholeMinutes]}
          helperText="mend.clinic.help.inactivity_timeout"
        />

        <Section>{translate('mend.clinic.section.reminders')}</Section>
        <TextInput
          source="quietHoursStart"
          type="time"
          label="mend.clinic.fields.quiet_start"
          validate={[required(), regex(CLOCK_TIME, 'mend.clinic.clock_time')]}
          helperText="mend.clinic.help.quiet_hours"
        />
        <TextInput
          source="quietHoursEnd"
          type="time"
          label="mend.clinic.fields.quiet_end"
          validate={[required(), regex(CLOCK_TIME, 'mend.clinic.clock_time')]}
          helperText={false}
        />

        <Section>{translate('mend.clinic.section.privacy')}</Section>
        <TextInput
          source="secretsPolicy"
          label="mend.clinic.fields.secrets_policy"
          multiline
          minRows={4}
          validate={[required(), maxLength(5000)]}
          helperText="mend.clinic.help.secrets_policy"
        />

        <NumberInput
          source="reportRetentionDays"
          label="mend.clinic.fields.report_retention"
          validate={[required(), number(), minValue(1), maxValue(3650)]}
          helperText="mend.clinic.help.report_retention"
        />

        <Section>{translate('mend.clinic.section.messages')}</Section>
        <TextInput
          source="messagesNotice"
          label="mend.clinic.fields.messages_notice"
          multiline
          minRows={2}
          validate={maxLength(1000)}
          helperText="mend.clinic.help.messages_notice"
        />
      </SimpleForm>
    </Edit>
  );
};
