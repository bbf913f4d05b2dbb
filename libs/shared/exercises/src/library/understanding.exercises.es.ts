import type { LibraryTranslations } from './library-translations';

/** Spanish for understanding.exercises.ts, keyed by exercise key. */
export const UNDERSTANDING_EXERCISES_ES: LibraryTranslations = {
  'roots-of-distrust': {
    title: 'De dónde viene mi desconfianza',
    summary:
      'Explora cómo alimentan la desconfianza las relaciones pasadas, tus propios miedos y lo que pasa ahora.',
    whyItHelps:
      'La desconfianza suele tener más de un origen, y una parte puede ser anterior a esta relación. Separar los hilos les ayuda, a ti y a tu terapeuta, a trabajar en lo que toca.',
    instructions:
      'Busca un rato tranquilo. Escribe sobre cada área de abajo hasta donde te sientas a gusto; puedes dejar en blanco las preguntas opcionales.\n\nNo se trata de decidir de quién es la culpa de la desconfianza. La experiencia pasada y el comportamiento presente pueden ser reales a la vez.',
    prompts: {
      past: {
        label:
          '¿Qué relaciones pasadas o experiencias familiares te enseñaron que no siempre se puede confiar en la gente?',
      },
      worries: {
        label: '¿Con cuáles de estos miedos te identificas?',
        options: {
          not_enough: 'Miedo a no ser suficiente',
          being_left: 'Miedo a que me dejen',
          being_fooled: 'Miedo a que me tomen el pelo',
          losing_control: 'Miedo a perder el control',
          comparing: 'Compararme con otras personas',
        },
      },
      present: {
        label: '¿Qué hay en la forma de actuar de los dos ahora que alimenta la desconfianza?',
      },
      past_or_present: {
        label: '¿Qué parte de la desconfianza que sientes hoy viene del pasado y no del presente?',
        lowLabel: 'Casi toda del presente',
        highLabel: 'Casi toda del pasado',
      },
      discuss_in_session: {
        label: '¿Te gustaría hablar de esto juntos en la próxima sesión?',
      },
    },
  },
  'what-trust-looks-like': {
    title: 'Cómo sería la confianza para mí',
    summary:
      'Imagina la confianza recuperada y nombra las pequeñas señales que mostrarían que está volviendo.',
    whyItHelps:
      'Es difícil reconstruir algo que ninguno de los dos sabe describir. Nombrar señales concretas les da una meta compartida y una forma de notar los avances.',
    instructions:
      'Imagina un día, dentro de un año más o menos, en el que vuelven a confiar el uno en el otro. Descríbelo con detalles cotidianos. Luego elige las pequeñas señales que te ayudarían a creer que las cosas están cambiando.',
    prompts: {
      picture: {
        label:
          'Dentro de un año, vuelven a confiar el uno en el otro. ¿Qué es distinto en un día cualquiera?',
      },
      early_signs: {
        label: '¿Qué pequeñas señales te ayudarían a creer que está cambiando?',
        options: {
          plans_kept: 'Que se cumplan los planes',
          open_unasked: 'Apertura sin que yo tenga que pedirla',
          honest_answers: 'Respuestas sinceras a preguntas difíciles',
          patience: 'Paciencia cuando todavía estoy mal',
          initiative: 'Que mi pareja saque los temas primero',
          choosing_time: 'Que elija pasar tiempo conmigo',
        },
      },
      trust_today: {
        label: '¿Dónde situarías hoy tu confianza?',
        lowLabel: 'Ninguna',
        highLabel: 'Total',
      },
    },
  },
  'is-individual-counseling-right-for-me': {
    title: '¿Me vendría bien una terapia individual?',
    summary:
      'Una mirada privada a si unas sesiones propias podrían ayudarte junto al trabajo en pareja.',
    whyItHelps:
      'Algunas luchas se trabajan mejor en un espacio que es solo tuyo. La terapia individual puede ir en paralelo a la de pareja y muchas veces hace que esta vaya mejor.',
    instructions:
      'Solo tu terapeuta ve estas respuestas. No hay respuestas correctas, y buscar apoyo individual no significa que el trabajo en pareja esté fallando.\n\nSi estás en una crisis o piensas en hacerte daño, no esperes una respuesta aquí: nadie mira este formulario en tiempo real. Llama ahora al número de emergencias de tu zona o a una línea de atención en crisis.',
    prompts: {
      lately: {
        label: '¿Cuáles de estas cosas te han pasado últimamente?',
        options: {
          low_mood: 'Estar de bajón casi todos los días',
          worry: 'Preocupaciones que cuesta apagar',
          sleep_appetite: 'Problemas para dormir o para comer',
          old_pain: 'Dolor antiguo, de antes de esta relación, que vuelve a salir',
          patterns: 'Patrones míos que quiero entender',
          private_topics: 'Cosas que me gustaría hablar a solas',
          coping: 'Apoyarme en el alcohol u otras cosas para aguantar',
        },
      },
      daily_impact: {
        label: '¿Cuánto está afectando esto a tu día a día?',
        lowLabel: 'Nada',
        highLabel: 'Muchísimo',
      },
      been_before: { label: '¿Has ido antes a terapia individual?' },
      interest: {
        label: '¿Qué te parecen las sesiones individuales?',
        options: {
          want: 'Me gustaría explorarlo',
          questions: 'Quizá, pero tengo preguntas',
          not_now: 'Ahora mismo no',
          unsure: 'No lo tengo claro',
        },
      },
      questions: { label: '¿Alguna pregunta o preocupación al respecto?' },
    },
  },
};
