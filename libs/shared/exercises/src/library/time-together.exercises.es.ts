import type { LibraryTranslations } from './library-translations';

/** Spanish for time-together.exercises.ts, keyed by exercise key. */
export const TIME_TOGETHER_EXERCISES_ES: LibraryTranslations = {
  'planned-uninterrupted-time': {
    title: 'Un rato solo para los dos',
    summary:
      'Planeen al menos 30 minutos juntos, con los teléfonos guardados, sin pantallas y sin tareas de casa.',
    whyItHelps:
      'La confianza crece en los momentos tranquilos y cotidianos, no solo en las conversaciones serias. Proteger un rato de las distracciones le dice a tu pareja que importa más que todo lo demás que espera.',
    instructions:
      'Acuerden una hora y algo sencillo que hacer: un paseo, cocinar juntos, un juego de mesa, un té en el balcón. Dejen los dos teléfonos en otra habitación.\n\nNo es el momento de hablar de lo que salió mal. Si aparece el tema, acuerden guardarlo para la próxima reunión de pareja o para la sesión. Después, completen el formulario.',
    prompts: {
      when: { label: '¿Cuándo tuvieron este rato juntos?' },
      activity: { label: '¿Qué hicieron?' },
      phones_away: { label: '¿Los teléfonos estuvieron lejos todo el tiempo?' },
      closeness: {
        label: '¿Cuánta cercanía sentiste durante ese rato?',
        lowLabel: 'Lejanía',
        highLabel: 'Mucha cercanía',
      },
      moment: { label: 'Un momento que te gustaría recordar' },
    },
  },
  'small-moments-of-connection': {
    title: 'Pequeños momentos de conexión',
    summary: 'Fíjate en los pequeños gestos de cada día que dicen «te veo», y ofrécelos.',
    whyItHelps:
      'Los grandes gestos son raros, pero los pequeños ocurren cada día y se van sumando. Fijarte en ellos también te enseña a ver el esfuerzo, no solo los errores.',
    instructions:
      'Al final del día, marca los pequeños detalles que tuviste hoy con tu pareja. No hay una meta: un gesto sincero vale más que cinco hechos para llenar el formulario.\n\nLuego fíjate si tu pareja se acercó a ti de alguna forma pequeña.',
    prompts: {
      gestures: {
        label: '¿Qué hiciste hoy por tu pareja?',
        options: {
          warm_greeting: 'Le saludé con cariño',
          asked_about_day: 'Le pregunté por su día y le escuché',
          kind_message: 'Le mandé un mensaje cariñoso',
          affection: 'Le ofrecí un abrazo o una caricia',
          thanks: 'Le di las gracias por algo concreto',
          laughed: 'Compartimos algo divertido',
        },
      },
      noticed_partner: { label: '¿Notaste que tu pareja se acercó a ti hoy?' },
      note: { label: '¿Algo más que quieras mencionar?' },
    },
  },
  'plan-a-shared-adventure': {
    title: 'Planear algo nuevo juntos',
    summary:
      'Elijan un viaje o una afición nueva que ninguno de los dos haya probado, y planéenla juntos.',
    whyItHelps:
      'Hacer algo nuevo codo con codo crea recuerdos frescos que no están atados a la herida. Planearlo juntos también es práctica para decidir en equipo.',
    instructions:
      'Piensen cada uno en algunas ideas y luego elijan una juntos. Puede ser una excursión de un día, un fin de semana fuera, un curso o una afición para empezar en casa. Elijan algo que encaje con su presupuesto y su energía de ahora.\n\nUno de los dos completa el plan y el otro lo confirma. Cuando lo hayan hecho, usen «Mirar atrás después de la aventura» para reflexionar.',
    prompts: {
      kind: {
        label: '¿Qué tipo de aventura es?',
        options: {
          day_trip: 'Una excursión de un día',
          weekend_away: 'Un fin de semana fuera',
          class: 'Una clase o un curso',
          hobby: 'Una afición nueva en casa',
          volunteering: 'Hacer voluntariado juntos',
          other: 'Otra cosa',
        },
      },
      idea: { label: '¿Qué van a hacer exactamente?' },
      date: { label: '¿Cuándo lo harán, o cuándo empezarán?' },
      obstacles: {
        label: '¿Qué podría ponerse en el camino?',
        options: {
          money: 'El dinero',
          time: 'El tiempo',
          childcare: 'El cuidado de los hijos',
          old_arguments: 'Que salgan discusiones antiguas',
          energy: 'Poca energía',
        },
      },
      hopes: { label: '¿Qué espera sentir o descubrir cada uno?' },
    },
  },
  'after-the-adventure': {
    title: 'Mirar atrás después de la aventura',
    summary: 'Después del viaje o de la actividad nueva, cada uno piensa en cómo fue.',
    whyItHelps:
      'Mirar atrás ayuda a que una buena experiencia se asiente en lugar de olvidarse en una semana ajetreada. Saber qué disfrutó tu pareja te dice qué hacer más a menudo.',
    instructions:
      'En los días siguientes al viaje o la actividad, responde estas preguntas por tu cuenta. Si algo fue difícil, dilo con sinceridad: también es útil.',
    prompts: {
      enjoyment: {
        label: '¿Cuánto lo disfrutaste?',
        lowLabel: 'Nada',
        highLabel: 'Me encantó',
      },
      team_moment: { label: 'El momento en que más se sintieron un equipo' },
      surprise: { label: 'Algo de tu pareja que te sorprendió' },
      again: { label: '¿Te gustaría repetir algo así?' },
      next_idea: { label: 'Si es así, una idea para la próxima vez' },
    },
  },
};
