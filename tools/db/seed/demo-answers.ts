/**
 * Plausible answers for the demo couples, written for Mend (not taken from anywhere), in
 * English and Spanish. Each generator gets a mood in [0, 1] (how the pair is doing by then), so
 * a couple's story shows in the numbers and the words.
 */
export type DemoLocale = 'en' | 'es';

export type Rng = () => number;

/** Deterministic, so a demo seeded twice from scratch tells the same story. */
export function seededRng(seed: string): Rng {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i += 1) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function scale(rng: Rng, mood: number, spread = 1.5): number {
  const value = Math.round(2 + mood * 7 + (rng() - 0.5) * 2 * spread);
  return Math.max(0, Math.min(10, value));
}

function some<T>(rng: Rng, items: readonly T[], max: number): T[] {
  const count = 1 + Math.floor(rng() * max);
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(pick(rng, items));
  return [...chosen];
}

type Texts = Record<DemoLocale, readonly string[]>;

const ONE_THING: Texts = {
  en: [
    'Text me at lunch, even just a hello.',
    'Ask how my meeting with the landlord went.',
    'Put the phone away at dinner.',
    'Tell me when you will be home, before I have to ask.',
    'Sit with me for ten minutes after the kids are in bed.',
    'Say goodnight properly instead of falling asleep on the sofa.',
    'Walk the dog together in the morning.',
    'Let me finish a sentence before you answer.',
  ],
  es: [
    'Escríbeme a mediodía, aunque sea un hola.',
    'Pregúntame qué tal me fue con mi madre.',
    'Dejar el móvil fuera de la mesa en la cena.',
    'Avisarme de a qué hora vuelves sin que te lo tenga que pedir.',
    'Sentarnos diez minutos juntos antes de dormir.',
    'Darme un abrazo al llegar a casa.',
    'Salir a caminar juntos después de cenar.',
  ],
};

const RELIABLE_MOMENT: Texts = {
  en: [
    'On Tuesday there was a change of plans and I got a message right away, without having to ask. That small thing mattered more than I expected.',
    'We had a hard conversation on Thursday and nobody walked out. We stopped, took a break and came back to it an hour later like we had agreed.',
    'Every evening this week the phone was left on the kitchen counter. I noticed, and I said so.',
    'I said I would call the bank about the joint account and I did it on Monday, not at the end of the week.',
    'Dinner with my parents went better than I feared. We had agreed on a signal if it got too much, and we used it once.',
  ],
  es: [
    'El martes cambiaron los planes y me llegó un mensaje enseguida, sin tener que preguntar. Fue algo pequeño, pero me importó mucho.',
    'El jueves tuvimos una conversación difícil y nadie se fue. Paramos, descansamos un rato y volvimos a hablar como habíamos quedado.',
    'Todas las noches de esta semana el móvil se quedó en la cocina. Me di cuenta y se lo dije.',
    'Dije que llamaría al banco el lunes y lo hice el lunes, no el viernes.',
    'La comida con mis padres fue mejor de lo que temía. Teníamos una señal por si se hacía pesado, y la usamos una vez.',
  ],
};

const NEXT_WEEK: Texts = {
  en: [
    'Keep the Sunday evening check-in, even if the week is busy.',
    'Tell each other the plan for the day over breakfast.',
    'One evening without screens.',
    'Say it when I am struggling instead of going quiet.',
    'Be on time on Wednesday, since that was the slip this week.',
  ],
  es: [
    'Mantener la charla del domingo por la noche aunque la semana sea complicada.',
    'Contarnos el plan del día en el desayuno.',
    'Una noche sin pantallas.',
    'Decirlo cuando lo estoy pasando mal en lugar de callarme.',
    'Llegar a tiempo el miércoles, que fue lo que falló esta semana.',
  ],
};

const HARDEST: Texts = {
  en: [
    'Sharing my plans without being asked. I still forget when work gets busy.',
    'Answering calmly when a question felt like an accusation.',
    'Calling when I said I would; the meeting ran late and I let it slide.',
    'Nothing felt hard today, it was a steady day.',
    'Saying something kind out loud. I thought it and did not say it.',
  ],
  es: [
    'Contar mis planes sin que me pregunten. Todavía se me olvida cuando hay mucho trabajo.',
    'Responder con calma cuando la pregunta me sonó a reproche.',
    'Llamar a la hora que dije; la reunión se alargó y lo dejé pasar.',
    'Hoy nada me costó demasiado, fue un día tranquilo.',
  ],
};

const TOPIC: Texts = {
  en: [
    'How stressful the new job is and why I have been so tired.',
    'My sister and how often we see her family.',
    'What I miss about the early years of us.',
    'Money worries about the car repair.',
    'Feeling left out when plans are made without me.',
  ],
  es: [
    'Lo agotador que está siendo el trabajo nuevo.',
    'Mi hermana y cada cuánto vemos a su familia.',
    'Lo que echo de menos de nuestros primeros años.',
    'La preocupación por el dinero de la reparación del coche.',
  ],
};

const LEARNED: Texts = {
  en: [
    'I did not know how much the Sunday calls with my mother weigh on them. I thought it was only about time.',
    'When they go quiet it is often tiredness, not anger. I had been reading it wrong for a long time.',
    'They want to be asked about their day, not given solutions to it.',
    'I learned that the late messages were not the worst part for them; not knowing was.',
  ],
  es: [
    'No sabía cuánto le pesan las llamadas de los domingos con mi madre. Creía que era solo por el tiempo.',
    'Cuando se queda callado muchas veces es cansancio, no enfado. Lo estaba interpretando mal.',
    'Quiere que le pregunte por su día, no que le dé soluciones.',
  ],
};

export const FEEDBACK: Texts = {
  en: [
    'Thank you for being so specific here. Let us start Thursday’s session with this moment.',
    'I noticed how honest this was, including the harder parts. That honesty is the work.',
    'This is a real step forward compared with the first weeks. Keep naming the small things.',
    'Good catch on what made it hard. We can practise that exact situation together.',
    'It sounds like the week was heavier than the scores show. Bring it in if you would like to.',
  ],
  es: [
    'Gracias por ser tan concreto. Empezaremos la sesión del jueves por aquí.',
    'Se nota la sinceridad, también en lo difícil. Esa sinceridad es el trabajo.',
    'Es un paso claro respecto a las primeras semanas. Seguid nombrando las cosas pequeñas.',
    'Parece que la semana pesó más de lo que dicen los números. Lo podemos hablar en sesión.',
  ],
};

export const PROMISES: Record<DemoLocale, readonly string[]> = {
  en: [
    'Leave my phone in the kitchen after 9 pm on weeknights.',
    'Tell you my plans each morning, including who I am meeting.',
    'Be home by 7 on Tuesdays and Thursdays, or call by 6 if I cannot.',
    'Plan and book one evening out together this month.',
    'Stop checking your messages and ask you directly instead.',
  ],
  es: [
    'Dejar el móvil en la cocina a partir de las nueve entre semana.',
    'Contarte cada mañana mis planes, también con quién quedo.',
    'Estar en casa a las siete los martes y jueves, o llamar antes de las seis si no puedo.',
    'Organizar una cena fuera los dos este mes.',
  ],
};

export const CONFIRMATION_NOTES: Record<
  'kept' | 'partly' | 'not_kept',
  Record<DemoLocale, readonly string[]>
> = {
  kept: {
    en: ['Every single time. It made the evenings calmer.', 'Yes, and without reminders.'],
    es: ['Todas las veces. Las noches han sido más tranquilas.', 'Sí, y sin tener que recordarlo.'],
  },
  partly: {
    en: ['Most days, but it slipped on the weekend.', 'Twice out of three, which is a start.'],
    es: ['Casi todos los días, pero el fin de semana falló.', 'Dos de tres veces, es un comienzo.'],
  },
  not_kept: {
    en: ['It did not happen this week. We need to talk about why.'],
    es: ['Esta semana no se cumplió. Tenemos que hablar de por qué.'],
  },
};

/** Raw answers for one response; the seed validates them against the version's form. */
export function demoAnswers(
  exerciseKey: string,
  rng: Rng,
  locale: DemoLocale,
  mood: number,
): Record<string, unknown> {
  const text = (pool: Texts) => pick(rng, pool[locale]);
  switch (exerciseKey) {
    case 'daily-check-in': {
      const good = ['calm', 'hopeful', 'grateful', 'close'];
      const hard = ['tired', 'anxious', 'hurt', 'irritated', 'lonely'];
      const feelings = some(rng, rng() < mood ? good : hard, 3);
      return {
        mood: scale(rng, mood),
        connection: scale(rng, mood, 2),
        feelings,
        ...(rng() < 0.6 ? { one_thing: text(ONE_THING) } : {}),
      };
    }
    case 'weekly-consistency-review':
      return {
        ...(rng() < 0.8 ? { reliable_moment: text(RELIABLE_MOMENT) } : {}),
        consistency: scale(rng, mood),
        words_and_actions: mood > 0.65 ? 'mostly' : mood > 0.35 ? 'sometimes' : 'rarely',
        ...(rng() < 0.7 ? { next_week: text(NEXT_WEEK) } : {}),
      };
    case 'consistent-actions-log': {
      const actions = [
        'on_time',
        'shared_plans',
        'answered_openly',
        'followed_through',
        'kind_words',
      ];
      const done = actions.filter(() => rng() < 0.3 + mood * 0.6);
      return {
        ...(done.length > 0 ? { actions: done } : {}),
        ...(rng() < 0.5 ? { hardest: text(HARDEST) } : {}),
        steadiness: scale(rng, mood),
      };
    }
    case 'reflect-back-listening':
      return {
        topic: text(TOPIC),
        felt_understood: scale(rng, mood),
        hardest_part: pick(rng, [
          'not_interrupting',
          'not_defending',
          'remembering',
          'staying_calm',
        ]),
        ...(rng() < 0.7 ? { learned: text(LEARNED) } : {}),
      };
    default:
      throw new Error(`the demo has no answers for ${exerciseKey}`);
  }
}
