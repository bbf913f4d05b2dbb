import type { MeasureDefinition } from '../measure-definition.schema';

/** A 0–6 agreement scale, worded by Mend. */
const HOW_MUCH = [
  { score: 0, label: { en: 'Not at all', es: 'Nada' } },
  { score: 1, label: { en: 'Very little', es: 'Muy poco' } },
  { score: 2, label: { en: 'A little', es: 'Un poco' } },
  { score: 3, label: { en: 'Somewhat', es: 'Algo' } },
  { score: 4, label: { en: 'Quite a lot', es: 'Bastante' } },
  { score: 5, label: { en: 'Very much', es: 'Mucho' } },
  { score: 6, label: { en: 'Completely', es: 'Por completo' } },
];

const MEND_LICENCE = {
  name: 'Mend check-in',
  holder: 'Mend',
  terms: 'Written by Mend for Mend clinics. Not a validated instrument.',
  requiresAttestation: false,
};

/**
 * Mend's trust check-in: four short questions about the past two weeks. Our own words, not a
 * validated instrument; reliable change is estimated from the clinic's own baselines.
 */
export const MEND_TRUST_CHECK_IN: MeasureDefinition = {
  key: 'mend-trust',
  title: { en: 'Trust check-in', es: 'Chequeo de confianza' },
  description: {
    en: 'Four quick questions about trust over the past two weeks. Written by Mend; not a validated questionnaire.',
    es: 'Cuatro preguntas breves sobre la confianza en las últimas dos semanas. Escrito por Mend; no es un cuestionario validado.',
  },
  validated: false,
  items: [
    {
      id: 'can_rely',
      prompt: {
        en: 'When something mattered, I could count on my partner to be there.',
        es: 'Cuando algo me importaba, pude contar con que mi pareja estaría ahí.',
      },
      options: HOW_MUCH,
      reverse: false,
    },
    {
      id: 'believe_words',
      prompt: {
        en: 'I took what my partner told me at face value.',
        es: 'Creí lo que mi pareja me contaba tal como me lo decía.',
      },
      options: HOW_MUCH,
      reverse: false,
    },
    {
      id: 'safe_to_raise',
      prompt: {
        en: 'I felt safe bringing up a worry with my partner.',
        es: 'Me sentí segura o seguro al plantearle una preocupación a mi pareja.',
      },
      options: HOW_MUCH,
      reverse: false,
    },
    {
      id: 'keeps_commitments',
      prompt: {
        en: 'I was confident my partner would do what they said they would do.',
        es: 'Confié en que mi pareja haría lo que dijo que haría.',
      },
      options: HOW_MUCH,
      reverse: false,
    },
  ],
  scoring: { method: 'sum', missing: { policy: 'prorate', maxMissing: 1 } },
  direction: 'higher_is_better',
  bands: [
    { from: 0, to: 8, label: { en: 'Low trust', es: 'Confianza baja' } },
    { from: 8, to: 16, label: { en: 'Mixed', es: 'Mixta' } },
    { from: 16, to: 24, label: { en: 'Steady trust', es: 'Confianza estable' } },
  ],
  reliableChange: { source: 'clinic_baselines' },
  // Not feeling safe at all to raise a worry is worth a private word from the therapist.
  riskItems: [{ itemId: 'safe_to_raise', scores: [0] }],
  licence: MEND_LICENCE,
};

/** Mend's relationship-satisfaction check-in: five questions, one reverse-keyed. */
export const MEND_SATISFACTION_CHECK_IN: MeasureDefinition = {
  key: 'mend-satisfaction',
  title: { en: 'Relationship check-in', es: 'Chequeo de la relación' },
  description: {
    en: 'Five quick questions about how the relationship felt over the past two weeks. Written by Mend; not a validated questionnaire.',
    es: 'Cinco preguntas breves sobre cómo se sintió la relación en las últimas dos semanas. Escrito por Mend; no es un cuestionario validado.',
  },
  validated: false,
  items: [
    {
      id: 'overall_content',
      prompt: {
        en: 'All in all, I was content with our relationship.',
        es: 'En general, estuve a gusto con nuestra relación.',
      },
      options: HOW_MUCH,
      reverse: false,
    },
    {
      id: 'felt_close',
      prompt: { en: 'I felt close to my partner.', es: 'Me sentí cerca de mi pareja.' },
      options: HOW_MUCH,
      reverse: false,
    },
    {
      id: 'disagreements',
      prompt: {
        en: 'When we disagreed, we got through it in a way I could accept.',
        es: 'Cuando no estuvimos de acuerdo, lo resolvimos de una forma que pude aceptar.',
      },
      options: HOW_MUCH,
      reverse: false,
    },
    {
      id: 'appreciated',
      prompt: {
        en: 'I felt my partner noticed and valued what I do.',
        es: 'Sentí que mi pareja notaba y valoraba lo que hago.',
      },
      options: HOW_MUCH,
      reverse: false,
    },
    {
      id: 'felt_alone',
      prompt: {
        en: 'I felt alone even when we were together.',
        es: 'Me sentí sola o solo incluso estando juntos.',
      },
      options: HOW_MUCH,
      // Agreeing here means things were worse.
      reverse: true,
    },
  ],
  scoring: { method: 'sum', missing: { policy: 'prorate', maxMissing: 1 } },
  direction: 'higher_is_better',
  reliableChange: { source: 'clinic_baselines' },
  licence: MEND_LICENCE,
};
