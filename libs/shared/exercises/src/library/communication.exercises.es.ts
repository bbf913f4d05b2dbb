import type { LibraryTranslations } from './library-translations';

/** Spanish for communication.exercises.ts, keyed by exercise key. */
export const COMMUNICATION_EXERCISES_ES: LibraryTranslations = {
  'daily-check-in': {
    title: 'Cómo estás hoy',
    summary: 'Dos minutos para ver cómo está cada uno hoy, y una cosa que ayudaría.',
    whyItHelps:
      'Hablar un poco cada día hace que adivinen menos lo que le pasa al otro. Así se vuelve normal decir cómo estás de verdad antes de que las cosas pequeñas se acumulen.',
    instructions:
      'Busca un momento tranquilo, a ser posible a la misma hora cada día.\n\nResponde con sinceridad, no por cortesía. Un número bajo es útil saberlo, no es un fracaso. Hazlo breve: es un vistazo rápido, no una conversación sobre toda la relación.',
    prompts: {
      mood: {
        label: '¿Cómo te sientes hoy, en general?',
        lowLabel: 'Muy mal',
        highLabel: 'Muy bien',
      },
      connection: {
        label: '¿Cuánta conexión sentiste hoy con tu pareja?',
        lowLabel: 'Muy lejos',
        highLabel: 'Muy cerca',
      },
      feelings: {
        label: '¿Qué palabras describen tu día? Elige hasta tres.',
        options: {
          calm: 'Tranquilidad',
          hopeful: 'Esperanza',
          grateful: 'Gratitud',
          close: 'Cercanía con mi pareja',
          tired: 'Cansancio',
          anxious: 'Ansiedad',
          hurt: 'Dolor',
          irritated: 'Irritación',
          lonely: 'Soledad',
        },
      },
      one_thing: {
        label: 'Algo que tu pareja podría hacer mañana y que te ayudaría',
        help: 'Algo pequeño y posible, como «escríbeme a mediodía» o «pregúntame por mi reunión».',
      },
    },
  },
  'speaking-from-i': {
    title: 'Dilo desde tu lado',
    summary:
      'Convierte una queja en un mensaje claro sobre lo que sentiste y lo que necesitas, sin culpar.',
    whyItHelps:
      'Cuando hablamos de lo que sentimos en lugar de juzgar a la otra persona, puede escucharnos sin ponerse a la defensiva. Además te ayuda a aclarar qué necesitas de verdad.',
    instructions:
      'Piensa en un momento reciente que te molestó. Primero escribe solo lo que pasó, tal como lo habría grabado una cámara.\n\nLuego nombra lo que sentiste y júntalo así: «Me sentí … cuando … porque … Lo que me gustaría es …». Deja fuera palabras como «siempre» y «nunca», y cualquier juicio sobre cómo es tu pareja como persona.',
    prompts: {
      what_happened: { label: '¿Qué pasó? Solo los hechos.' },
      feelings: {
        label: '¿Qué sentiste? Elige entre una y tres.',
        options: {
          hurt: 'Dolor',
          scared: 'Miedo',
          sad: 'Tristeza',
          angry: 'Enojo',
          embarrassed: 'Vergüenza',
          lonely: 'Soledad',
          disappointed: 'Decepción',
          overwhelmed: 'Agobio',
        },
      },
      message: {
        label: 'Ahora escríbelo así: «Me sentí … cuando … porque … Lo que me gustaría es …»',
      },
      difficulty: {
        label: '¿Cuánto te costó escribirlo sin culpar?',
        lowLabel: 'Fácil',
        highLabel: 'Muy difícil',
      },
    },
  },
  'weekly-couple-meeting': {
    title: 'La reunión de pareja semanal',
    summary:
      'Una charla corta y planeada cada semana: primero los agradecimientos, luego lo práctico y, como mucho, un tema difícil.',
    whyItHelps:
      'Tener un momento fijo para hablar evita que los temas difíciles los sorprendan en la cocina a las once de la noche. Empezar por lo que agradecen impide que la reunión se convierta en una lista de quejas.',
    instructions:
      'Siéntense juntos unos 30 minutos. Empiecen diciendo cada uno algo que valoró del otro esta semana. Después ordenen lo práctico, como la agenda y las tareas de casa.\n\nSi hay un tema delicado, elijan solo uno y paren a los 15 minutos aunque no esté resuelto. Al final, uno de los dos completa este formulario y el otro lo confirma.',
    prompts: {
      appreciations: { label: '¿Qué valoró cada uno del otro esta semana?' },
      practical: {
        label: '¿Qué temas prácticos trataron?',
        options: {
          calendar: 'La semana que viene',
          money: 'El dinero',
          household: 'Las tareas de casa',
          family: 'Los hijos o la familia',
          health: 'La salud',
          fun: 'Algo divertido que esperar con ganas',
        },
      },
      issue: { label: 'El tema delicado del que hablaron (si hubo uno)' },
      how_it_went: {
        label: '¿Cómo fue la reunión?',
        options: {
          agreed: 'Acordamos un siguiente paso',
          progress: 'Avanzamos un poco',
          paused: 'Hicimos una pausa y lo retomaremos',
          stuck: 'Nos atascamos y nos gustaría ayuda en la sesión',
        },
      },
      next_meeting: { label: '¿Cuándo será la próxima reunión?' },
    },
  },
  'reflect-back-listening': {
    title: 'Escuchar y devolver lo que oíste',
    summary:
      'Por turnos: uno cuenta algo y el otro escucha sin interrumpir y luego repite lo que entendió.',
    whyItHelps:
      'Sentirse comprendido calma más rápido que oír que te dan la razón. Repetir lo que oíste demuestra que escuchabas de verdad y detecta malentendidos a tiempo.',
    instructions:
      'Decidan quién habla primero. Quien habla cuenta durante unos cinco minutos algo que le importa. Para empezar, mejor algo que no sea sobre la relación.\n\nQuien escucha se queda en silencio, luego resume con sus propias palabras lo que oyó y pregunta: «¿Lo entendí bien? ¿Hay algo más?». Quien habló corrige lo que haya faltado. Después cambien los papeles. Al terminar, cada uno responde por su cuenta las preguntas de abajo.',
    prompts: {
      topic: { label: '¿De qué hablaste cuando te tocó contar?' },
      felt_understood: {
        label: '¿Cuánto se parecía el resumen de tu pareja a lo que querías decir?',
        lowLabel: 'Nada que ver',
        highLabel: 'Exacto',
      },
      hardest_part: {
        label: 'Cuando te tocó escuchar, ¿qué te costó más?',
        options: {
          not_interrupting: 'No interrumpir',
          not_defending: 'No defenderme',
          remembering: 'Recordar lo que se dijo',
          staying_calm: 'Mantener la calma',
          nothing: 'Nada me resultó difícil',
        },
      },
      learned: { label: 'Algo que entendiste de tu pareja y que antes no veías' },
    },
  },
  'listening-without-fixing': {
    title: 'Escuchar sin arreglar',
    summary:
      'Cuando tu pareja comparte algo doloroso, guarda los consejos y las defensas, y pregúntale qué necesita.',
    whyItHelps:
      'Saltar a soluciones o explicaciones puede sentirse como que te apartan, aunque se haga con cariño. Preguntar qué necesita tu pareja le permite sentirse acompañada en lugar de gestionada.',
    instructions:
      'La próxima vez que tu pareja saque algo difícil, fíjate en las ganas de arreglarlo, explicarte o defenderte. Déjalas pasar.\n\nPregunta: «¿Quieres que solo te escuche, que te consuele o que te ayude a pensarlo?» y sigue su respuesta. Completa esto después.',
    prompts: {
      urges: {
        label: 'Mientras escuchabas, ¿qué sentiste ganas de hacer?',
        options: {
          fix: 'Proponer una solución',
          defend: 'Defenderme',
          minimise: 'Quitarle importancia',
          change_subject: 'Cambiar de tema',
          agree_quickly: 'Darle la razón para terminar la conversación',
        },
      },
      asked_what_they_need: {
        label: '¿Le preguntaste a tu pareja qué tipo de apoyo quería?',
      },
      what_helped: { label: '¿Qué pareció ayudar más a tu pareja?' },
    },
  },
};
