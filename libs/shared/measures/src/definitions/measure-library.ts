import type { MeasureDefinition } from '../measure-definition.schema';
import { CSI_16, CSI_4 } from './csi';
import { MEND_SATISFACTION_CHECK_IN, MEND_TRUST_CHECK_IN } from './mend-check-ins';

/**
 * The measures every clinic starts with. Never ORS/SRS: their electronic use needs a
 * commercial licence.
 */
export const MEASURE_LIBRARY: readonly MeasureDefinition[] = [
  MEND_TRUST_CHECK_IN,
  MEND_SATISFACTION_CHECK_IN,
  CSI_4,
  CSI_16,
];
