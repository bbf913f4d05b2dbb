import type { LibraryTranslations } from './library-translations';

/** Spanish for openness.exercises.ts, keyed by exercise key. */
export const OPENNESS_EXERCISES_ES: LibraryTranslations = {
  'transparency-agreement': {
    title: 'Un acuerdo de transparencia',
    summary:
      'Acuerden juntos cómo será la apertura durante un tiempo: qué incluye, qué no y cuándo termina.',
    whyItHelps:
      'Una apertura clara y con fecha de fin puede calmar las suposiciones constantes que siguen a una traición. Como lo acuerdan juntos, apoya la confianza en lugar de sustituirla por el control.',
    instructions:
      'Es un acuerdo entre dos personas adultas, no un plan de vigilancia. Nunca incluye rastrear a escondidas, leer mensajes sin pedirlo ni exigir contraseñas.\n\nDecidan juntos qué se va a compartir y qué sigue siendo privado, y fijen una fecha de fin o de revisión. Quien está reconstruyendo la confianza ofrece apertura; la persona herida dice qué le ayudaría de verdad. Uno de los dos completa el formulario y el otro tiene que confirmarlo, así que nada queda acordado sin el visto bueno de ambos. Si alguno siente presión, paren y llévenlo a la próxima sesión.',
    prompts: {
      scope: {
        label: '¿Qué cubrirá este acuerdo? Elijan solo lo que los dos crean que ayudará.',
        options: {
          plans: 'Compartir planes y dónde estamos cuando no estamos juntos',
          contact: 'Contarnos cualquier contacto con la persona implicada',
          money: 'Ser transparentes con los gastos',
          messages_on_request: 'Enseñar mensajes cuando se pida, cara a cara',
          social_media: 'Ser transparentes con el uso de redes sociales',
          questions: 'Responder con sinceridad cuando haya preguntas',
        },
      },
      details: { label: 'Con sus propias palabras, ¿a qué se comprometen exactamente?' },
      not_included: {
        label: '¿Qué no permite este acuerdo? ¿Qué sigue siendo privado?',
        help: 'Por ejemplo: nada de aplicaciones de rastreo, no revisar dispositivos sin pedirlo, el tiempo con amistades sigue siendo privado.',
      },
      end_date: { label: '¿Cuándo termina este acuerdo o se revisa?' },
      freely_agreed: {
        label: '¿Los dos están de acuerdo con esto libremente, sin sentir presión?',
      },
    },
  },
  'transparency-check-in': {
    title: '¿Cómo está funcionando nuestro acuerdo?',
    summary:
      'Cada uno revisa el acuerdo de transparencia: ¿se está cumpliendo, cómo se siente y qué sigue?',
    whyItHelps:
      'Un acuerdo que nunca se revisa puede convertirse sin darse cuenta en una carga o en una costumbre de control. Revisarlo lo mantiene justo y les ayuda a aflojarlo a medida que crece la confianza.',
    instructions:
      'Responde por tu cuenta, pensando en el acuerdo tal como lo escribieron juntos. Verán las respuestas del otro cuando los dos hayan terminado.',
    prompts: {
      kept: {
        label: 'Según lo entiendes, ¿se ha cumplido el acuerdo?',
        options: {
          yes: 'Sí',
          mostly: 'Casi del todo',
          no: 'No',
          unsure: 'No lo tengo claro',
        },
      },
      how_it_feels: {
        label: '¿Cómo se siente el acuerdo ahora mismo?',
        options: {
          reassuring: 'Me tranquiliza',
          fair: 'Es justo',
          heavy: 'Pesa o cansa',
          watched: 'Como si me vigilaran',
          still_needed: 'Todavía hace falta',
          ready_to_ease: 'Como si pudiéramos aflojarlo',
        },
      },
      working: {
        label: 'En general, ¿cómo te está funcionando?',
        lowLabel: 'Nada bien',
        highLabel: 'Muy bien',
      },
      next: {
        label: '¿Qué te gustaría que pasara cuando termine?',
        options: {
          end: 'Dejar que termine',
          extend: 'Alargarlo tal como está',
          change: 'Cambiarlo',
          discuss: 'Hablarlo en la sesión',
        },
      },
    },
  },
  'naming-my-boundaries': {
    title: 'Poner nombre a mis límites',
    summary:
      'Expresa uno o dos de tus límites con palabras claras y amables que tu pareja pueda respetar.',
    whyItHelps:
      'Los límites le dicen a tu pareja cómo tratarte bien, para que no tenga que adivinarlo. Unos límites claros hacen que la cercanía se sienta más segura, no más distante.',
    instructions:
      'Elige hasta tres áreas en las que necesitas que algo cambie. Para la más importante, escribe el límite como «Necesito …» o «No estoy bien con …».\n\nUn límite habla de lo que tú harás o necesitas, no es una norma sobre cómo tiene que ser tu pareja.',
    prompts: {
      areas: {
        label: '¿En qué áreas quieres poner un límite? Elige hasta tres.',
        options: {
          time_alone: 'El tiempo para mí',
          friends_family: 'Las amistades y la familia',
          intimacy: 'La intimidad física',
          talking_about_it: 'Cuándo y cómo hablamos de lo que pasó',
          money: 'El dinero',
          privacy: 'Mi privacidad',
          arguments: 'Cómo discutimos',
        },
      },
      boundary: {
        label: 'Escribe tu límite más importante como «Necesito …» o «No estoy bien con …»',
      },
      why: { label: '¿Por qué es importante para ti?' },
      respected_now: {
        label: '¿Cuánto se respeta hoy?',
        lowLabel: 'Nada',
        highLabel: 'Del todo',
      },
    },
  },
  'respecting-a-boundary': {
    title: 'Respetar el límite de mi pareja',
    summary: 'Repite con tus palabras el límite de tu pareja y planea cómo lo vas a respetar.',
    whyItHelps:
      'Oír un límite no es lo mismo que entenderlo. Ponerlo en tus propias palabras y elegir un paso concreto le muestra a tu pareja que te lo tomaste en serio.',
    instructions:
      'Lee el límite que compartió tu pareja. Si algo no está claro, pregunta con calma antes de responder. Está bien que un límite te cueste, y decirlo con sinceridad es mejor que aceptarlo y luego no cumplirlo.',
    prompts: {
      in_my_words: { label: 'Con tus palabras, ¿cuál es el límite de tu pareja?' },
      understand_why: { label: '¿Entiendes por qué es importante para tu pareja?' },
      how_easy: {
        label: '¿Cuánto te va a costar respetarlo?',
        options: {
          easy: 'Será fácil',
          some_effort: 'Me costará un poco',
          hard: 'Será difícil',
          need_to_talk: 'Necesito hablarlo antes',
        },
      },
      first_step: { label: 'Algo que harás esta semana para respetarlo' },
    },
  },
};
