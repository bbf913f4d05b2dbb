import type { MeasureDefinition, MeasureItem } from '../measure-definition.schema';

const scale = (top: number): MeasureItem['options'] =>
  Array.from({ length: top + 1 }, (_, score) => ({ score }));

/**
 * Structure and scoring only: the item wording is the authors' and is entered by each clinic
 * from the published form, so no item carries a prompt here.
 */
function csiItems(count: number): MeasureItem[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `item${index + 1}`,
    // Item 1 is the 7-point global happiness item; the rest are 6-point items.
    options: scale(index === 0 ? 6 : 5),
    reverse: false,
  }));
}

const CSI_LICENCE = {
  name: 'Couples Satisfaction Index (CSI)',
  holder: 'Janette L. Funk and Ronald D. Rogge',
  terms:
    'The authors state the CSI is free to use for clinical and research purposes. Enter the item wording and answer labels from the authors’ published form.',
  requiresAttestation: true,
};

/** CSI-4 (Funk & Rogge 2007): sum 0–21, below 13.5 marks notable dissatisfaction. */
export const CSI_4: MeasureDefinition = {
  key: 'csi-4',
  title: {
    en: 'Couples Satisfaction Index (CSI-4)',
    es: 'Índice de Satisfacción de Pareja (CSI-4)',
  },
  validated: true,
  items: csiItems(4),
  scoring: { method: 'sum', missing: { policy: 'require_all' } },
  direction: 'higher_is_better',
  cutoff: 13.5,
  reliableChange: { source: 'clinic_baselines' },
  licence: CSI_LICENCE,
};

/** CSI-16: sum 0–81, below 51.5 marks notable dissatisfaction. */
export const CSI_16: MeasureDefinition = {
  key: 'csi-16',
  title: {
    en: 'Couples Satisfaction Index (CSI-16)',
    es: 'Índice de Satisfacción de Pareja (CSI-16)',
  },
  validated: true,
  items: csiItems(16),
  scoring: { method: 'sum', missing: { policy: 'require_all' } },
  direction: 'higher_is_better',
  cutoff: 51.5,
  reliableChange: { source: 'clinic_baselines' },
  licence: CSI_LICENCE,
};
