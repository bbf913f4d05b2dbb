import { z } from 'zod';

/** The languages a measure's text may be written in (the same as the app's). */
export const MEASURE_LOCALES = ['en', 'es'] as const;
export type MeasureLocale = (typeof MEASURE_LOCALES)[number];

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'Use lower-case letters, digits, - and _')
  .max(60);

/** Text in one or more languages; English is the fallback every reader can get. */
const localized = (max: number) =>
  z.strictObject({
    en: z.string().trim().min(1).max(max),
    es: z.string().trim().min(1).max(max).optional(),
  });
export type LocalizedText = z.output<ReturnType<typeof localized>>;

const optionSchema = z.strictObject({
  /** The score this answer counts for before any reverse keying. */
  score: z.number().finite(),
  label: localized(120).optional(),
});

const itemSchema = z
  .strictObject({
    id: slug,
    /**
     * Left out when the wording belongs to someone else (CSI): the clinic enters it from the
     * authors' form, and a measure cannot be scheduled until every item has its prompt.
     */
    prompt: localized(500).optional(),
    options: z.array(optionSchema).min(2).max(11),
    /** Scored as (lowest + highest − answer): agreeing with a negative statement counts low. */
    reverse: z.boolean().default(false),
    subscale: slug.optional(),
  })
  .refine((item) => new Set(item.options.map((o) => o.score)).size === item.options.length, {
    message: 'Two options of an item must not have the same score',
    path: ['options'],
  });

const missingPolicySchema = z.discriminatedUnion('policy', [
  z.strictObject({ policy: z.literal('require_all') }),
  /** Up to `maxMissing` unanswered items; sums are scaled up to the full item count. */
  z.strictObject({ policy: z.literal('prorate'), maxMissing: z.int().min(1).max(10) }),
]);

const bandSchema = z.strictObject({
  /** Inclusive lower bound. */
  from: z.number().finite(),
  /** Exclusive upper bound, except for the last band. */
  to: z.number().finite(),
  label: localized(60),
});

const reliableChangeFiguresSchema = z.discriminatedUnion('source', [
  /** A reliable change index published in points (RDAS: 11.58). */
  z.strictObject({ source: z.literal('published_rci'), points: z.number().positive() }),
  /** Published baseline SD and reliability: the Jacobson–Truax threshold is computed. */
  z.strictObject({
    source: z.literal('published_norms'),
    baselineSd: z.number().positive(),
    reliability: z.number().gt(0).lt(1),
  }),
  /** No published norms: estimated from the clinic's own baselines once there are enough. */
  z.strictObject({ source: z.literal('clinic_baselines') }),
]);

const riskItemSchema = z.strictObject({
  itemId: slug,
  /** Raw answer scores (before reverse keying) that raise a private safety check. */
  scores: z.array(z.number().finite()).min(1),
});

const licenceSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  holder: z.string().trim().min(1).max(200),
  terms: z.string().trim().min(1).max(2000),
  /** False only for Mend's own check-ins; anything else needs a clinic admin's attestation. */
  requiresAttestation: z.boolean(),
});

export const measureDefinitionSchema = z
  .strictObject({
    key: slug,
    title: localized(120),
    description: localized(1000).optional(),
    /** False for Mend's check-ins: the UI says they are not validated instruments. */
    validated: z.boolean(),
    items: z.array(itemSchema).min(1).max(100),
    scoring: z.strictObject({
      method: z.enum(['sum', 'mean']),
      missing: missingPolicySchema,
    }),
    direction: z.enum(['higher_is_better', 'higher_is_worse']),
    /** The boundary of the clinical range: below it when higher is better, above it otherwise. */
    cutoff: z.number().finite().optional(),
    bands: z.array(bandSchema).max(10).optional(),
    reliableChange: reliableChangeFiguresSchema,
    riskItems: z.array(riskItemSchema).max(20).optional(),
    licence: licenceSchema,
  })
  .superRefine((definition, ctx) => {
    const ids = definition.items.map((item) => item.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        ctx.addIssue({
          code: 'custom',
          message: `Item id ${id} is used twice`,
          path: ['items', index, 'id'],
        });
      }
    });
    const items = new Map(definition.items.map((item) => [item.id, item]));
    definition.riskItems?.forEach((risk, index) => {
      const item = items.get(risk.itemId);
      if (!item) {
        ctx.addIssue({
          code: 'custom',
          message: 'No item has this id',
          path: ['riskItems', index, 'itemId'],
        });
        return;
      }
      const scores = new Set(item.options.map((o) => o.score));
      risk.scores.forEach((score, at) => {
        if (!scores.has(score)) {
          ctx.addIssue({
            code: 'custom',
            message: 'No option of the item has this score',
            path: ['riskItems', index, 'scores', at],
          });
        }
      });
    });
    const missing = definition.scoring.missing;
    if (missing.policy === 'prorate' && missing.maxMissing >= definition.items.length) {
      ctx.addIssue({
        code: 'custom',
        message: 'At least one item must be answered',
        path: ['scoring', 'missing', 'maxMissing'],
      });
    }
    definition.bands?.forEach((band, index) => {
      if (band.to <= band.from) {
        ctx.addIssue({
          code: 'custom',
          message: 'A band must end after it starts',
          path: ['bands', index, 'to'],
        });
      }
    });
  });

export type MeasureDefinition = z.output<typeof measureDefinitionSchema>;
export type MeasureItem = MeasureDefinition['items'][number];
export type ReliableChangeFigures = MeasureDefinition['reliableChange'];
export type MeasureDirection = MeasureDefinition['direction'];
