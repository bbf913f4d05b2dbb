import type { LibraryTranslations } from './library-translations';

/** Spanish for steadiness.exercises.ts, keyed by exercise key. */
export const STEADINESS_EXERCISES_ES: LibraryTranslations = {
  'pacing-the-healing': {
    title: 'Sanar a su propio ritmo',
    summary: 'Revisen cómo vive cada uno el ritmo de la reparación y en qué momentos siente prisa.',
    whyItHelps:
      'Es habitual que cada miembro de la pareja sane a una velocidad distinta, y esa diferencia también puede doler. Decir cómo vives el ritmo les ayuda a frenar o avanzar juntos en lugar de tirar cada uno hacia un lado.',
    instructions:
      'Responde por tu cuenta y con sinceridad. Sentir que todo va demasiado lento o demasiado rápido no es una crítica a tu pareja; es información para los dos y para su terapeuta.',
    prompts: {
      pace: {
        label: '¿Cómo vives ahora mismo el ritmo de la reparación?',
        options: {
          too_slow: 'Demasiado lento',
          about_right: 'Más o menos bien',
          too_fast: 'Demasiado rápido',
          unsure: 'No lo tengo claro',
        },
      },
      pressure_points: {
        label: '¿En qué sientes prisa, o que te frenan?',
        options: {
          talking: 'Cuántas veces hablamos de lo que pasó',
          affection: 'El cariño',
          intimacy: 'La intimidad física',
          telling_others: 'Contárselo a la familia o a los amigos',
          future_plans: 'Hacer planes de futuro',
          being_checked: 'Que me controlen',
        },
      },
      what_steadies_me: { label: 'Algo que te ayuda a tener paciencia en los días difíciles' },
      hope: {
        label: '¿Cuánta esperanza sientes sobre el camino que llevan?',
        lowLabel: 'Ninguna',
        highLabel: 'Mucha',
      },
    },
  },
  'when-the-hurt-returns': {
    title: 'Cuando vuelve el dolor',
    summary:
      'Anota un momento en que un dolor antiguo volvió con fuerza, qué lo despertó y qué ayudó.',
    whyItHelps:
      'Las recaídas son parte normal de la reparación, no la prueba de que nada ha cambiado. Anotarlas te ayuda a ver patrones y a recuperarte un poco antes cada vez.',
    instructions:
      'Completa esto cuando un recuerdo o un sentimiento doloroso vuelva con fuerza, una vez que te hayas calmado un poco. Puedes ser quien recibió el daño o quien lo causó: a los dos les puede llegar la ola.',
    prompts: {
      when: { label: '¿Cuándo pasó?' },
      trigger: {
        label: '¿Qué lo despertó?',
        help: 'Un lugar, una canción, una fecha, un tono de voz, una respuesta que tardó.',
      },
      intensity: {
        label: '¿Con cuánta intensidad llegó?',
        lowLabel: 'Leve',
        highLabel: 'Desbordante',
      },
      what_happened_next: {
        label: '¿Qué pasó después entre ustedes?',
        options: {
          talked: 'Lo hablamos',
          space: 'Uno de los dos se tomó un espacio y luego volvió',
          argued: 'Discutimos',
          avoided: 'Lo evitamos',
        },
      },
      what_helped: {
        label: '¿Qué te ayudó a recuperar el equilibrio?',
        options: {
          breathing: 'Respirar despacio',
          walk: 'Salir a caminar',
          friend: 'Hablar con una amistad',
          writing: 'Escribirlo',
          time_alone: 'Un rato a solas',
          reassurance: 'Pedirle a mi pareja que me tranquilizara',
        },
      },
    },
  },
  'consistent-actions-log': {
    title: 'Hacer lo que dije, día a día',
    summary:
      'Un registro diario breve de las acciones cotidianas que acordaron para reconstruir la confianza.',
    whyItHelps:
      'La confianza vuelve a través de muchas acciones pequeñas y fiables, mucho más que con grandes promesas. Llevar la cuenta te ayuda a mantener la constancia y le da a tu pareja algo concreto que ver.',
    instructions:
      'Al final de cada día, marca lo que de verdad hiciste. Marca solo lo que sea cierto: un hueco sincero vale mucho más que un registro que parece perfecto.\n\nSi alguna acción de la lista no encaja con lo que acordaron, déjala sin marcar y coméntalo en la sesión.',
    prompts: {
      actions: {
        label: '¿Cuáles de las acciones acordadas hiciste hoy?',
        options: {
          on_time: 'Llegué o llamé cuando dije que lo haría',
          shared_plans: 'Conté mis planes sin que me lo pidieran',
          answered_openly: 'Respondí a las preguntas con apertura y calma',
          followed_through: 'Terminé una tarea que me había comprometido a hacer',
          kind_words: 'Dije algo amable y concreto',
        },
      },
      hardest: { label: '¿Cuál te costó más hoy, y por qué?' },
      steadiness: {
        label: '¿Cuánta constancia sientes que tuviste hoy?',
        lowLabel: 'Ninguna',
        highLabel: 'Total',
      },
    },
  },
  'weekly-consistency-review': {
    title: '¿Cuánta estabilidad hubo esta semana?',
    summary: 'Cada uno mira atrás a la semana: ¿coincidieron las palabras y los hechos?',
    whyItHelps:
      'Mirar la semana entera suaviza el efecto de un solo día bueno o malo. Además, le da a quien trabaja en su constancia una opinión justa y concreta.',
    instructions:
      'Piensa en los últimos siete días en conjunto. Intenta nombrar momentos concretos en lugar de impresiones generales.',
    prompts: {
      reliable_moment: { label: 'Algo de esta semana que te dio sensación de confianza' },
      consistency: {
        label: 'En general, ¿cuánta constancia hubo en la semana?',
        lowLabel: 'Con altibajos',
        highLabel: 'Muy estable',
      },
      words_and_actions: {
        label: '¿Coincidieron las palabras y los hechos?',
        options: {
          mostly: 'Casi siempre',
          sometimes: 'A veces',
          rarely: 'Pocas veces',
          not_sure: 'No lo tengo claro',
        },
      },
      next_week: { label: 'Algo pequeño que haría la próxima semana más estable' },
    },
  },
  'a-promise-to-keep': {
    title: 'Una promesa que puedo cumplir',
    summary: 'Haz una promesa pequeña y concreta que tu pareja pueda verte cumplir.',
    whyItHelps:
      'Una promesa cumplida es una prueba, y las pruebas son lo que necesita una pareja herida. Empezar con algo pequeño te permite cumplirlo, y eso importa mucho más que impresionar.',
    instructions:
      'Elige algo concreto, que dependa de ti y que tu pareja pueda ver, como «te escribiré cuando salga del trabajo todos los días de esta semana».\n\nSi tu seguridad está por debajo de 7, haz la promesa más pequeña. Más adelante se le preguntará a tu pareja si la cumpliste.',
    prompts: {
      promise: { label: 'Mi promesa, en una frase' },
      start: { label: '¿Desde cuándo, o para cuándo?' },
      rhythm: {
        label: '¿Es una promesa de una sola vez o continua?',
        options: {
          once: 'De una sola vez',
          daily: 'Todos los días',
          weekly: 'Todas las semanas',
        },
      },
      promise_check: {
        label: 'Revisa tu promesa. Es:',
        help: 'Las cuatro tienen que cumplirse. Si alguna no se cumple, ajusta la promesa hasta que lo haga.',
        options: {
          specific: 'Concreta',
          in_my_control: 'Algo que depende de mí',
          visible: 'Algo que mi pareja puede ver que cumplo',
          realistic: 'Realista para mí ahora mismo',
        },
      },
      confidence: {
        label: '¿Cuánta seguridad tengo de poder cumplirla?',
        lowLabel: 'Ninguna',
        highLabel: 'Total',
      },
    },
  },
  'promise-follow-up': {
    title: '¿Se cumplió la promesa?',
    summary: 'Quien recibió la promesa dice si se cumplió y cómo se sintió.',
    whyItHelps:
      'Confirmar una promesa cumplida la convierte en un recuerdo compartido de fiabilidad. Decir con sinceridad cuándo no se cumplió mantiene todo el proceso real.',
    instructions:
      'Recuerda la promesa que hizo tu pareja. Responde según lo que viste de verdad, no según cómo te sientes con todo lo demás.',
    prompts: {
      kept: {
        label: '¿Se cumplió la promesa?',
        options: {
          kept: 'Sí, se cumplió',
          partly: 'En parte',
          not_kept: 'No',
          too_early: 'Todavía es pronto para saberlo',
        },
      },
      what_i_noticed: { label: '¿Qué notaste?' },
      told_partner: { label: '¿Le has contado a tu pareja lo que notaste?' },
    },
  },
};
