import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { REMINDER_LOCALES } from '@mend/shared-contracts';
import { fieldProblems } from '@mend/web-auth';
import { SUPPORTED_LOCALES, isMendLocale } from '@mend/web-i18n';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  Form,
  RadioButtonGroupInput,
  TextInput,
  useLocaleState,
  usePermissions,
  useTranslate,
} from 'react-admin';

import { type Preferences, accountApi } from '../common/account-api';
import { AccountPage, ErrorState, LoadingState } from '../common/states';
import { timeZoneChoices } from './time-zones';

const KEY = 'mend.account.preferences';
const preferencesKey = ['mend-account', 'preferences'] as const;
/**
 * react-admin remounts every page when the language changes, so the confirmation of a save that
 * switched it is handed to the remounted form through the query cache (read once, then dropped).
 */
const savedAcrossSwitchKey = ['mend-account', 'preferences', 'saved-across-switch'] as const;

type Outcome = 'saved' | 'needs_look' | 'failed';

const TIME_FIELDS = ['reminderTime', 'quietHoursStart', 'quietHoursEnd'] as const;

/** A cleared time field arrives as '' or null; the API clears a time with null. */
const timeOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

/** The form's values as the API's body: every field, times cleared to null. */
function toBody(values: Record<string, unknown>): Preferences {
  return {
    timeZone: String(values['timeZone'] ?? ''),
    locale: values['locale'] === 'es' ? 'es' : 'en',
    reminderTime: timeOrNull(values['reminderTime']),
    quietHoursStart: timeOrNull(values['quietHoursStart']),
    quietHoursEnd: timeOrNull(values['quietHoursEnd']),
    emailReminders: values['emailReminders'] === true,
  };
}

/**
 * The server explains in English fragments and names the field; known rules get the reader's
 * language, anything else is shown as the server said it.
 */
export function preferencesErrors(problems: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(problems)) {
    if (/quiet hours/i.test(message)) errors[field] = `${KEY}.errors.quiet_pair`;
    else if (field === 'timeZone') errors[field] = `${KEY}.errors.time_zone`;
    else if ((TIME_FIELDS as readonly string[]).includes(field))
      errors[field] = `${KEY}.errors.time`;
    else errors[field] = message;
  }
  return errors;
}

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 3 }}>
    <Typography component="legend" variant="h6" sx={{ fontSize: '1.125rem', mb: 1, p: 0 }}>
      {title}
    </Typography>
    {children}
  </Box>
);

const timeInputProps = { slotProps: { inputLabel: { shrink: true } } };

const PreferencesForm = ({ saved }: { saved: Preferences }) => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [locale, setLocale] = useLocaleState();
  // The daily reminder time moves partners' nudges; staff messages come at their own times.
  const { permissions } = usePermissions<unknown>();
  const partner = permissions === 'client';
  const [outcome, setOutcome] = useState<Outcome | null>(() =>
    queryClient.getQueryData<Outcome>(savedAcrossSwitchKey) === 'saved' ? 'saved' : null,
  );
  useEffect(() => {
    queryClient.removeQueries({ queryKey: savedAcrossSwitchKey });
  }, [queryClient]);
  const zones = useMemo(() => timeZoneChoices(saved.timeZone), [saved.timeZone]);
  const languages = SUPPORTED_LOCALES.filter(({ locale: code }) =>
    (REMINDER_LOCALES as readonly string[]).includes(code),
  ).map(({ locale: code, name }) => ({ id: code, name }));
  const save = useMutation({ mutationFn: accountApi.savePreferences });

  const submit = async (values: Record<string, unknown>) => {
    setOutcome(null);
    try {
      const stored = await save.mutateAsync(toBody(values));
      queryClient.setQueryData(preferencesKey, stored);
      setOutcome('saved');
      // Saving the language is choosing it: the app switches at once.
      if (isMendLocale(stored.locale) && stored.locale !== locale) {
        queryClient.setQueryData<Outcome>(savedAcrossSwitchKey, 'saved');
        setLocale(stored.locale);
      }
      return undefined;
    } catch (error) {
      const problems = fieldProblems(error);
      setOutcome(problems ? 'needs_look' : 'failed');
      return problems ? preferencesErrors(problems) : undefined;
    }
  };

  return (
    <Form
      onSubmit={submit}
      defaultValues={saved}
      noValidate
      disableInvalidFormNotification
      sanitizeEmptyValues={false}
    >
      <AutocompleteInput
        source="timeZone"
        choices={zones}
        label={translate(`${KEY}.time_zone`)}
        helperText={translate(`${KEY}.time_zone_help`)}
        disableClearable
        fullWidth
      />

      {partner && (
        <Section title={translate(`${KEY}.reminder_section`)}>
          <TextInput
            source="reminderTime"
            type="time"
            label={translate(`${KEY}.reminder_time`)}
            helperText={translate(`${KEY}.reminder_time_help`)}
            fullWidth
            {...timeInputProps}
          />
        </Section>
      )}

      <Section title={translate(`${KEY}.quiet_section`)}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {translate(`${KEY}.quiet_help`)}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, '& > *': { flex: 1, minWidth: 0 } }}>
          <TextInput
            source="quietHoursStart"
            type="time"
            label={translate(`${KEY}.quiet_start`)}
            helperText={false}
            {...timeInputProps}
          />
          <TextInput
            source="quietHoursEnd"
            type="time"
            label={translate(`${KEY}.quiet_end`)}
            helperText={false}
            {...timeInputProps}
          />
        </Box>
      </Section>

      <Section title={translate(`${KEY}.channels_section`)}>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate(`${KEY}.in_app`)}
        </Typography>
        <BooleanInput
          source="emailReminders"
          label={translate(`${KEY}.email`)}
          helperText={false}
        />
      </Section>

      <Section title={translate(`${KEY}.language_section`)}>
        <RadioButtonGroupInput
          source="locale"
          choices={languages}
          label={false}
          helperText={translate(`${KEY}.language_help`)}
        />
      </Section>

      <Divider sx={{ my: 2 }} />
      {outcome !== null && (
        <Alert
          severity={outcome === 'saved' ? 'success' : 'info'}
          role={outcome === 'saved' ? 'status' : 'alert'}
          sx={{ mb: 2 }}
        >
          {translate(`${KEY}.${outcome}`)}
        </Alert>
      )}
      <Button
        type="submit"
        variant="contained"
        size="large"
        loading={save.isPending}
        sx={{ width: { xs: '100%', sm: 'auto' } }}
      >
        {translate(`${KEY}.save`)}
      </Button>
    </Form>
  );
};

/** Every role's own reminder settings and language. */
export const PreferencesPage = () => {
  const translate = useTranslate();
  const preferences = useQuery({ queryKey: preferencesKey, queryFn: accountApi.preferences });
  return (
    <AccountPage title={translate(`${KEY}.title`)} intro={translate(`${KEY}.intro`)}>
      <Card>
        <CardContent sx={{ p: { xs: 2, sm: 3 } }}>
          {preferences.isPending && <LoadingState />}
          {preferences.isError && <ErrorState onRetry={() => void preferences.refetch()} />}
          {preferences.data && <PreferencesForm saved={preferences.data} />}
        </CardContent>
      </Card>
    </AccountPage>
  );
};
