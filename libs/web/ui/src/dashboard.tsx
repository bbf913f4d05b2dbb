import SpaOutlined from '@mui/icons-material/SpaOutlined';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { isUserRole } from '@mend/web-auth';

/** Brand names stay untranslated. */
const APP_TITLE = 'Mend';

export const Dashboard = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  const { permissions } = usePermissions<unknown>();

  const name = identity?.fullName?.trim();
  const introKey = isUserRole(permissions) ? permissions : 'unknown';

  return (
    <Box component="section" sx={{ maxWidth: 720 }}>
      <Title title={APP_TITLE} />
      {!isPending && (
        <Card sx={{ mt: { xs: 1, sm: 2 } }}>
          <CardContent
            sx={{
              display: 'flex',
              gap: 3,
              alignItems: 'flex-start',
              p: { xs: 3, sm: 4 },
              '&:last-child': { pb: { xs: 3, sm: 4 } },
            }}
          >
            <Box
              aria-hidden
              sx={{
                display: { xs: 'none', sm: 'grid' },
                placeItems: 'center',
                flexShrink: 0,
                width: 56,
                height: 56,
                borderRadius: '50%',
                bgcolor: 'background.default',
                color: 'secondary.main',
              }}
            >
              <SpaOutlined />
            </Box>
            <Box>
              <Typography
                component="h1"
                variant="h4"
                sx={{ mb: 1, fontSize: { xs: '1.625rem', sm: '2.125rem' } }}
              >
                {name
                  ? translate('mend.dashboard.greeting', { name })
                  : translate('mend.dashboard.greeting_anonymous')}
              </Typography>
              <Typography color="text.secondary">
                {translate(`mend.dashboard.intro.${introKey}`)}
              </Typography>
            </Box>
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
