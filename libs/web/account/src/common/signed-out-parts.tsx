import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';

/** The one button of a signed-out form (signup, invitation, reset, forgot password): full width. */
export const SubmitButton = ({
  submitting,
  children,
}: {
  submitting: boolean;
  children: ReactNode;
}) => (
  <Button
    type="submit"
    variant="contained"
    size="large"
    fullWidth
    loading={submitting}
    sx={{ mt: 2 }}
  >
    {children}
  </Button>
);

/** The way back from a signed-out page, under its form. */
export const BackToSignIn = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, textAlign: 'center' }}>
      <Link to="/login">{translate('mend.common.back_to_sign_in')}</Link>
    </Box>
  );
};
