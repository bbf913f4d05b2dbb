import { Dashboard } from '@mend/web-ui';
import { usePermissions } from 'react-admin';

import { CaseloadPage } from './caseload-page';

/** Therapists land on their caseload; every other role keeps the shared dashboard. */
export const TherapistDashboard = () => {
  const { permissions, isPending } = usePermissions<unknown>();
  if (isPending) return null;
  return permissions === 'therapist' ? <CaseloadPage /> : <Dashboard />;
};
