import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  AutocompleteInput,
  Create,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  required,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const ZONES: string[] = (() => {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const zones = supported ? supported('timeZone') : [];
  // Chromium lists canonical zones only, without "UTC", which is what many machines report.
  return zones.includes(browserZone) ? zones : [browserZone, ...zones];
})();
const ZONE_CHOICES = ZONES.map((zone) => ({ id: zone, name: zone.replace(/_/g, ' ') }));
const LOCALE_CHOICES = [
  { id: 'en', name: 'English' },
  { id: 'es', name: 'Español' },
];

const PartnerFields = ({ seat }: { seat: 'partnerA' | 'partnerB' }) => {
  const translate = useTranslate();
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, width: '100%' }}>
      <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {translate(`therapist.couples.${seat === 'partnerA' ? 'partner_a' : 'partner_b'}`)}
      </Typography>
      <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
        <TextInput
          source={`${seat}.displayName`}
          label="therapist.couples.display_name"
          validate={required()}
        />
        <TextInput
          source={`${seat}.email`}
          label="therapist.couples.email"
          type="email"
          validate={[required(), email()]}
        />
        <AutocompleteInput
          source={`${seat}.timeZone`}
          label="therapist.couples.time_zone"
          choices={ZONE_CHOICES}
          validate={required()}
        />
        <SelectInput
          source={`${seat}.locale`}
          label="therapist.couples.locale"
          choices={LOCALE_CHOICES}
          validate={required()}
        />
      </Box>
    </Box>
  );
};

const defaults = {
  partnerA: { timeZone: browserZone, locale: 'en' },
  partnerB: { timeZone: browserZone, locale: 'en' },
};

/** A new couple: two partners, each invited by email to set up their account. */
export const CoupleCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  // The API says whether both invitations went out; the therapist should know if one did not.
  const onSuccess = (couple: { id: string; label: string; invitationsSent?: boolean }) => {
    const sent = couple.invitationsSent !== false;
    notify(sent ? 'therapist.couples.created' : 'therapist.couples.created_unsent', {
      type: sent ? 'success' : 'warning',
      messageArgs: { label: couple.label },
    });
    redirect('show', 'couples', couple.id);
  };
  return (
    <Create
      title="therapist.couples.create_title"
      mutationOptions={{ onSuccess }}
      transform={(data: Record<string, unknown>) => {
        const label = typeof data['label'] === 'string' ? data['label'].trim() : '';
        return {
          partnerA: data['partnerA'],
          partnerB: data['partnerB'],
          ...(label ? { label } : {}),
        };
      }}
    >
      <SimpleForm defaultValues={defaults} sx={{ maxWidth: 720 }}>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {translate('therapist.couples.create_intro')}
        </Typography>
        <PartnerFields seat="partnerA" />
        <PartnerFields seat="partnerB" />
        <TextInput
          source="label"
          label="therapist.couples.label"
          helperText="therapist.couples.label_help"
          fullWidth
        />
      </SimpleForm>
    </Create>
  );
};
