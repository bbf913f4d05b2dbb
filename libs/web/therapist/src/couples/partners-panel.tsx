import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useLocaleState, useTranslate } from 'react-admin';

import type { ApiState } from '../common/api';
import { formatRelative, percent } from '../common/format';
import { ErrorState, Loading } from '../common/states';
import type { CoupleProgress, PartnerProgress } from '../records';

const Meter = ({ label, value }: { label: string; value: number | null }) => {
  const [locale] = useLocaleState();
  return (
    <Box sx={{ mb: 1.5 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {percent(value, locale)}
        </Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={Math.round((value ?? 0) * 100)}
        aria-label={`${label}: ${percent(value, locale)}`}
        sx={{ height: 6, borderRadius: 3 }}
      />
    </Box>
  );
};

const PartnerCard = ({ partner }: { partner: PartnerProgress }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 0 }} data-testid="partner-card">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5 }}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
            {partner.displayName}
          </Typography>
          {partner.missedInARow >= 2 && (
            <Chip
              size="small"
              color="warning"
              variant="outlined"
              label={translate('therapist.caseload.missed', { smart_count: partner.missedInARow })}
            />
          )}
        </Box>
        <Meter label={translate('therapist.progress.completion7')} value={partner.completion7} />
        <Meter label={translate('therapist.progress.completion30')} value={partner.completion30} />
        <Typography variant="body2">
          {translate('therapist.progress.streak', { smart_count: partner.streak })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('therapist.progress.last_activity', {
            when:
              formatRelative(partner.lastActivityAt, locale) ??
              translate('therapist.caseload.no_activity'),
          })}
        </Typography>
      </CardContent>
    </Card>
  );
};

/** Both partners side by side, so one-sided work shows at a glance. */
export const PartnersPanel = ({ progress }: { progress: ApiState<CoupleProgress> }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (progress.data === undefined) {
    return progress.error !== null ? (
      <ErrorState onRetry={progress.reload} />
    ) : (
      <Loading label={translate('therapist.progress.loading')} />
    );
  }
  const { partners, asymmetryFlagged, asymmetryShareA } = progress.data;
  const partnerA = partners.find((partner) => partner.seat === 'a');
  return (
    <Box sx={{ mb: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, flexDirection: { xs: 'column', sm: 'row' } }}>
        {partners.map((partner) => (
          <PartnerCard key={partner.userId} partner={partner} />
        ))}
      </Box>
      {asymmetryFlagged && asymmetryShareA !== null && partnerA && (
        <Typography variant="body2" sx={{ mt: 1 }} color="warning.dark">
          {translate('therapist.progress.one_sided', {
            name:
              asymmetryShareA >= 0.5
                ? partnerA.displayName
                : (partners.find((partner) => partner.seat === 'b')?.displayName ?? ''),
            share: percent(Math.max(asymmetryShareA, 1 - asymmetryShareA), locale),
          })}
        </Typography>
      )}
    </Box>
  );
};
