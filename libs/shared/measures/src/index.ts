export {
  MEASURE_LOCALES,
  measureDefinitionSchema,
  type LocalizedText,
  type MeasureDefinition,
  type MeasureDirection,
  type MeasureItem,
  type MeasureLocale,
  type ReliableChangeFigures,
} from './measure-definition.schema';
export {
  inClinicalRange,
  itemsWithoutPrompt,
  parseMeasureDefinition,
  scoreMeasure,
  scoreRange,
  type MeasureAnswers,
  type MeasureScore,
} from './scoring';
export {
  MIN_CLINIC_BASELINES,
  RELIABLE_Z,
  cronbachAlpha,
  dyadicGap,
  estimateClinicFigures,
  gapWidened,
  reliableChange,
  sampleSd,
  standardErrorOfDifference,
  type ChangeClass,
  type ChangeFigures,
  type ClinicFigures,
  type ReliableChange,
} from './reliable-change';
export { MEASURE_LIBRARY } from './definitions/measure-library';
export { CSI_4, CSI_16 } from './definitions/csi';
export { MEND_SATISFACTION_CHECK_IN, MEND_TRUST_CHECK_IN } from './definitions/mend-check-ins';
