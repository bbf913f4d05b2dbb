import type { LibraryTranslations } from './library-translations';

/** Spanish for repair.exercises.ts, keyed by exercise key. */
export const REPAIR_EXERCISES_ES: LibraryTranslations = {
  'owning-my-part': {
    title: 'Asumir mi parte, sin excusas',
    summary: 'Describe lo que hiciste y cómo afectó a tu pareja, con claridad y sin «peros».',
    whyItHelps:
      'A menudo la persona herida no puede seguir adelante hasta que oye al otro nombrar lo que pasó sin suavizarlo. Escribirlo primero te ayuda a encontrar palabras sinceras antes de decirlas en voz alta.',
    instructions:
      'Escribe lo que hiciste de la forma más sencilla y concreta que puedas. Deja fuera los motivos, el contexto y lo que hizo tu pareja. Habrá espacio para esas conversaciones más adelante, con tu terapeuta.\n\nDespués léelo de nuevo y revisa si se colaron las excusas de siempre. Es normal encontrar alguna; reescribirlas es precisamente el ejercicio.',
    prompts: {
      what_i_did: { label: 'Con palabras sencillas, ¿qué hice?' },
      impact: {
        label: '¿Cómo creo que le afectó a mi pareja?',
        help: 'Piensa en sus sentimientos, su descanso, su sensación de seguridad y la confianza en su propio criterio.',
      },
      excuse_check: {
        label: 'Al releerlo, ¿se coló alguna de estas cosas?',
        options: {
          but: 'Un «pero» que traslada la culpa',
          minimising: 'Palabras como «solo» o «nada más»',
          partner_did: 'Señalar algo que hizo mi pareja',
          circumstances: 'Culpar al estrés, al alcohol o a las circunstancias',
          intentions: 'Centrarme en lo que quería hacer y no en lo que pasó',
        },
      },
      rewrite: { label: 'Si marcaste algo, reescribe esas frases sin ello' },
      readiness: {
        label: '¿Hasta qué punto me siento capaz de decirle esto a mi pareja en voz alta?',
        lowLabel: 'Todavía no',
        highLabel: 'Ya puedo',
      },
    },
  },
  'sincere-apology-letter': {
    title: 'Una carta de disculpa sincera',
    summary:
      'Escribe una carta de disculpa. Tu terapeuta la lee primero y se la hace llegar a tu pareja cuando esté lista.',
    whyItHelps:
      'Una disculpa pensada le muestra a tu pareja que entiendes lo que pasó y lo que le costó. Tu terapeuta la lee antes, para que la carta ayude en lugar de reabrir la herida.',
    instructions:
      'Escríbele directamente a tu pareja. Di con precisión lo que hiciste, muestra que entiendes cuánto le dolió y cuenta qué estás haciendo diferente ahora.\n\nNo pidas nada a cambio, ni siquiera perdón, y no expliques por qué pasó. Tómate tu tiempo y escribe más de un borrador si lo necesitas. Tu terapeuta la leerá y puede sugerirte cambios antes de que tu pareja la vea.',
    prompts: {
      letter: { label: 'Tu carta' },
      self_check: {
        label: 'Marca cada frase que sea cierta sobre tu carta',
        help: 'Tu terapeuta puede ayudarte con las que todavía no puedas marcar.',
        options: {
          names_it: 'Dice con precisión lo que hice',
          impact: 'Muestra que entiendo cuánto dolió',
          no_excuses: 'No tiene excusas ni «peros»',
          no_demands: 'No pide nada a cambio, ni siquiera perdón',
          change: 'Cuenta qué estoy haciendo diferente ahora',
        },
      },
    },
  },
  'receiving-an-apology': {
    title: 'Recibir una disculpa',
    summary: 'Después de leer la disculpa, anota lo que te llegó y lo que todavía echas en falta.',
    whyItHelps:
      'No tienes que perdonar en un plazo, y esto no es una prueba de si lo harás. Nombrar lo que te llegó y lo que falta le da a tu terapeuta una idea clara de por dónde seguir.',
    instructions:
      'Lee la carta cuando tengas tiempo y privacidad, más de una vez si quieres. No hay una reacción correcta: el alivio, el enojo, no sentir nada o la tristeza son normales.\n\nResponde solo lo que te sientas capaz de responder.',
    prompts: {
      sincerity: {
        label: '¿Cuánta sinceridad sentiste en la disculpa?',
        lowLabel: 'Ninguna',
        highLabel: 'Total',
      },
      landed: { label: '¿Qué parte te pareció verdadera o significativa?' },
      missing: { label: '¿Qué echaste en falta, o qué necesitas oír todavía?' },
      pressure: { label: '¿Sientes presión para perdonar antes de sentirte capaz?' },
    },
  },
};
