import type { MendMessages } from './mend-messages.en';

export const mendMessagesEs: MendMessages = {
  mend: {
    app: {
      name: 'Mend',
      tagline: 'Un lugar sereno para el trabajo entre sesiones.',
    },
    locale: {
      label: 'Idioma',
    },
    login: {
      heading: 'Te damos la bienvenida',
      email: 'Correo electrónico',
      password: 'Contraseña',
      failure: {
        mfa_required: 'Esta cuenta requiere un inicio de sesión con verificación en dos pasos',
        invalid_credentials:
          'Ese correo y esa contraseña no coinciden con ninguna cuenta. Vuelve a intentarlo.',
        rate_limited_seconds:
          'Demasiados intentos. Espera %{smart_count} segundo antes de volver a intentarlo. |||| Demasiados intentos. Espera %{smart_count} segundos antes de volver a intentarlo.',
        rate_limited_minutes:
          'Demasiados intentos. Espera alrededor de %{smart_count} minuto antes de volver a intentarlo. |||| Demasiados intentos. Espera alrededor de %{smart_count} minutos antes de volver a intentarlo.',
        rate_limited: 'Demasiados intentos. Espera un poco antes de volver a intentarlo.',
        unavailable: 'No podemos conectar con Mend en este momento. Inténtalo de nuevo en un rato.',
      },
    },
    dashboard: {
      greeting: 'Qué bueno verte, %{name}.',
      greeting_anonymous: 'Qué bueno verte.',
      intro: {
        clinic_admin:
          'Aquí se irán reuniendo los terapeutas, las parejas y la actividad reciente de tu clínica a medida que tu equipo se familiarice con Mend.',
        therapist:
          'Aquí aparecerán las parejas que acompañas y los ejercicios que propones entre sesiones.',
        client:
          'Aquí aparecerán los ejercicios que tu terapeuta comparta contigo, listos cuando tú lo estés.',
        unknown: 'Tu trabajo en Mend aparecerá aquí en cuanto empiece.',
      },
    },
  },
};
