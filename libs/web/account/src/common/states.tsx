import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Title, useTranslate } from 'react-admin';

/** A quiet spinner with a name screen readers can announce. */
export const LoadingState = () => {
  const translate = useTranslate();
  const text = translate('mend.account.common.loading');
  return (
    <Box
      role="status"
      sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 6, justifyContent: 'center' }}
    >
      <CircularProgress size={24} aria-label={text} />
      <Typography color="text.secondary">{text}</Typography>
    </Box>
  );
};

/** A failed fetch, said plainly, with a way to try again. */
export const ErrorState = ({ onRetry }: { onRetry: () => void }) => {
  const translate = useTranslate();
  return (
    <Alert
      severity="info"
      sx={{ my: 2 }}
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          {translate('mend.account.common.try_again')}
        </Button>
      }
    >
      {translate('mend.account.common.load_failed')}
    </Alert>
  );
};

/**
 * The frame of an account page: one column, comfortable on a phone (partners read these at
 * 375 px first) and not stretched on a desktop.
 */
export const AccountPage = ({
  title,
  intro,
  actions,
  children,
}: {
  title: string;
  intro: string;
  actions?: ReactNode;
  children: ReactNode;
}) => (
  <Box component="section" sx={{ maxWidth: 720, mx: 'auto', width: '100%', pb: 6 }}>
    <Title title={title} />
    <Box
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'flex-end',
        justifyContent: 'space-between',
        gap: 1,
        mt: { xs: 1, sm: 2 },
        mb: 2,
      }}
    >
      <Box>
        <Typography
          component="h1"
          variant="h4"
          sx={{ fontSize: { xs: '1.625rem', sm: '2.125rem' } }}
        >
          {title}
        </Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          {intro}
        </Typography>
      </Box>
      {actions}
    </Box>
    {children}
  </Box>
);
