import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslate } from 'react-admin';

import { LocaleSwitch } from './locale-switch';

/**
 * The calm, centred card every signed-out screen shares: sign-in and its second step, password
 * reset, invitation. One landmark, the brand, then the step's own content.
 */
export const AuthShell = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box
      component="main"
      sx={{
        minHeight: '100dvh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 2,
        px: 2,
        py: 4,
        background: (theme) =>
          `radial-gradient(circle at 50% 0%, ${theme.palette.background.paper} 0%, ${theme.palette.background.default} 70%)`,
      }}
    >
      <Card sx={{ width: '100%', maxWidth: 440 }}>
        <CardContent sx={{ p: { xs: 3, sm: 5 }, '&:last-child': { pb: { xs: 3, sm: 5 } } }}>
          <Typography component="h1" variant="h3" color="primary" sx={{ mb: 1 }}>
            {translate('mend.app.name')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 4 }}>
            {translate('mend.app.tagline')}
          </Typography>
          {children}
        </CardContent>
      </Card>
      <LocaleSwitch />
    </Box>
  );
};

/**
 * A step's heading. It takes focus when it appears so a screen reader announces the new step
 * instead of staying silent while the card's content changes underneath.
 */
export const StepHeading = ({
  children,
  focusOnMount = true,
}: {
  children: ReactNode;
  focusOnMount?: boolean;
}) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) {
      ref.current?.focus();
    }
  }, [focusOnMount]);
  return (
    <Typography component="h2" variant="h6" tabIndex={-1} ref={ref} sx={{ mb: 1, outline: 'none' }}>
      {children}
    </Typography>
  );
};
