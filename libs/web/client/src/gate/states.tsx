import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A quiet spinner with a name screen readers can announce. */
export const LoadingState = ({ label }: { label?: string }) => {
  const translate = useTranslate();
  const text = label ?? translate('mend.client.common.loading');
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

/** Something went wrong fetching: say so plainly and offer to try again. */
export const ErrorState = ({ onRetry, message }: { onRetry: () => void; message?: string }) => {
  const translate = useTranslate();
  return (
    <Alert
      severity="info"
      sx={{ my: 2 }}
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          {translate('mend.client.common.try_again')}
        </Button>
      }
    >
      {message ?? translate('mend.client.common.load_failed')}
    </Alert>
  );
};

export const EmptyState = ({
  icon,
  title,
  children,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
}) => (
  <Box sx={{ textAlign: 'center', py: 5, px: 2, color: 'text.secondary' }}>
    {icon && (
      <Box aria-hidden sx={{ color: 'secondary.main', mb: 1, '& svg': { fontSize: 40 } }}>
        {icon}
      </Box>
    )}
    <Typography component="p" variant="h6" sx={{ color: 'text.primary', mb: 0.5 }}>
      {title}
    </Typography>
    {children && <Typography component="div">{children}</Typography>}
  </Box>
);

/** The page frame of every client screen: one column, comfortable on a phone. */
export const ClientPage = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box component="section" sx={{ maxWidth: 720, mx: 'auto', width: '100%', pb: 6 }}>
    <Typography
      component="h1"
      variant="h4"
      sx={{ fontSize: { xs: '1.625rem', sm: '2.125rem' }, mt: { xs: 1, sm: 2 }, mb: 2 }}
    >
      {title}
    </Typography>
    {children}
  </Box>
);
