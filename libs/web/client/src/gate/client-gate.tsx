import ShieldOutlined from '@mui/icons-material/ShieldOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { isMendLocale } from '@mend/web-i18n';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';

import { type Couple, type Me, clientApi } from '../api/client-api';
import { clientKeys } from '../api/queries';
import { ClientSessionContext } from './client-context';
import { EmptyState, ErrorState, LoadingState } from './states';

const LOCALE_APPLIED_KEY = 'mend.client.locale-applied';

/**
 * The app follows the partner's own language once per sign-in session; a choice made afterwards
 * in the language menu is left alone.
 */
function useAccountLocale(me: Me | undefined): void {
  const [locale, setLocale] = useLocaleState();
  useEffect(() => {
    if (me === undefined || !isMendLocale(me.locale)) return;
    if (window.sessionStorage.getItem(LOCALE_APPLIED_KEY) === me.id) return;
    window.sessionStorage.setItem(LOCALE_APPLIED_KEY, me.id);
    if (me.locale !== locale) setLocale(me.locale);
  }, [me, locale, setLocale]);
}

/** Shown before anything clinical: what the therapist may do with private answers. */
const PolicyStep = ({ couple }: { couple: Couple }) => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const clinic = useQuery({ queryKey: clientKeys.clinic, queryFn: clientApi.clinic });
  const accept = useMutation({
    mutationFn: () => clientApi.acknowledgePolicy(couple.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all }),
  });
  const therapist = couple.therapists[0]?.displayName;

  return (
    <Box component="section" sx={{ maxWidth: 620, mx: 'auto', pb: 6 }}>
      <Title title={translate('mend.client.policy.title')} />
      <Card sx={{ mt: { xs: 1, sm: 3 } }}>
        <CardContent sx={{ p: { xs: 2.5, sm: 4 } }}>
          <Box aria-hidden sx={{ color: 'secondary.main', mb: 1 }}>
            <ShieldOutlined fontSize="large" />
          </Box>
          <Typography component="h1" variant="h4" sx={{ fontSize: { xs: '1.5rem', sm: '2rem' } }}>
            {translate('mend.client.policy.heading')}
          </Typography>
          <Typography sx={{ mt: 1.5 }}>{translate('mend.client.policy.intro')}</Typography>
          <Typography sx={{ mt: 1.5 }}>
            {therapist
              ? translate('mend.client.policy.visibility_named', { therapist })
              : translate('mend.client.policy.visibility')}
          </Typography>
          <Typography component="h2" variant="h6" sx={{ mt: 3, mb: 1 }}>
            {translate('mend.client.policy.clinic_note', { clinic: clinic.data?.name ?? '' })}
          </Typography>
          {clinic.isPending && <LoadingState />}
          {clinic.isError && <ErrorState onRetry={() => void clinic.refetch()} />}
          {clinic.data && (
            <Box
              component="blockquote"
              sx={{
                m: 0,
                p: 2,
                bgcolor: 'background.default',
                borderLeft: 3,
                borderColor: 'secondary.main',
                borderRadius: 1,
                whiteSpace: 'pre-line',
              }}
            >
              <Typography>{clinic.data.secretsPolicy}</Typography>
            </Box>
          )}
          <Typography sx={{ mt: 2 }} color="text.secondary">
            {translate('mend.client.policy.questions')}
          </Typography>
          {accept.isError && (
            <Alert severity="info" sx={{ mt: 2 }}>
              {translate('mend.client.policy.failed')}
            </Alert>
          )}
          <Button
            variant="contained"
            size="large"
            sx={{ mt: 3, width: { xs: '100%', sm: 'auto' } }}
            disabled={!clinic.data || accept.isPending}
            onClick={() => accept.mutate()}
          >
            {accept.isPending
              ? translate('mend.client.policy.accepting')
              : translate('mend.client.policy.accept')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
};

/**
 * Every client screen sits inside this gate: it knows who is signed in and their couple, asks
 * for the clinic's privacy note to be accepted before any exercise is shown, and applies the
 * partner's language.
 */
export const ClientGate = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const me = useQuery({ queryKey: clientKeys.me, queryFn: clientApi.me, staleTime: 300_000 });
  const couples = useQuery({ queryKey: clientKeys.couples, queryFn: clientApi.couples });
  useAccountLocale(me.data);

  const couple = couples.data?.[0];
  const session = useMemo(
    () =>
      me.data && couple
        ? {
            me: me.data,
            couple,
            partner: couple.partners.find((partner) => partner.id !== me.data.id),
          }
        : null,
    [me.data, couple],
  );

  if (me.isPending || couples.isPending) return <LoadingState />;
  if (me.isError || couples.isError) {
    return (
      <ErrorState
        onRetry={() => {
          void me.refetch();
          void couples.refetch();
        }}
      />
    );
  }
  if (couple === undefined || session === null) {
    return <EmptyState title={translate('mend.client.common.no_couple')} />;
  }
  if (couple.policyAcknowledged === false) return <PolicyStep couple={couple} />;
  return <ClientSessionContext.Provider value={session}>{children}</ClientSessionContext.Provider>;
};
