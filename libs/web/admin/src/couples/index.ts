import { lazyExport } from '@mend/web-ui';

/** The admin's side of the `couples` resource: who treats whom, and reassigning therapists. */
export const clinicCouples = {
  list: lazyExport(() => import('./couple-list'), 'ClinicCoupleList'),
};
