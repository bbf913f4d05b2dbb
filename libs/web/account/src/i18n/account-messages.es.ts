import type { AccountMessages } from './account-messages.en';

export const accountMessagesEs: AccountMessages = {
  mend: {
    account: {
      common: {
        loading: 'Cargando…',
        load_failed: 'No pudimos cargar esto ahora mismo.',
        try_again: 'Intentar de nuevo',
      },
      menu: {
        preferences: 'Preferencias',
        reports: 'Informes',
      },
      reports: {
        title: 'Informes',
        intro:
          'Los informes se preparan en segundo plano. Puedes salir de esta página; te avisaremos cuando uno esté listo.',
        month: 'Mes',
        request_monthly: 'Preparar el informe mensual',
        own_data: 'Descargar mis datos',
        own_data_intro:
          'Tus respuestas, lo que tu pareja compartió contigo, tus promesas y los comentarios a tus respuestas, en un solo archivo.',
        request_failed: 'No pudimos pedirlo ahora mismo. Inténtalo de nuevo.',
        since: 'Desde el %{day}',
        scheduled: 'preparado automáticamente',
        building: 'Preparando… %{progress} %',
        progress: 'Preparando %{name}',
        failed: 'No se pudo preparar este informe. Pídelo de nuevo para reintentarlo.',
        download_named: 'Descargar %{name} en %{format}',
        empty: 'Todavía no hay informes.',
        kind: {
          clinic_monthly: 'Informe mensual de la clínica',
          session_prep: 'Resumen para la sesión',
          couple_export: 'Exportación de datos',
        },
      },
      bell: {
        label: 'Notificaciones, %{smart_count} sin leer',
        none_unread: 'Notificaciones, nada sin leer',
      },
      notifications: {
        title: 'Notificaciones',
        intro: 'Recordatorios y novedades de Mend, de la más reciente a la más antigua.',
        mark_all: 'Marcar todo como leído',
        unread: 'Sin leer',
        load_more: 'Ver anteriores',
        failed: 'No se pudo completar. Vuelve a intentarlo en un momento.',
        empty: 'Aún no hay notificaciones',
        empty_body:
          'Aquí aparecerán los recordatorios de tus ejercicios y, para terapeutas, el resumen diario y los avisos sobre las parejas. En tus preferencias puedes elegir cuándo llegan.',
        open_preferences: 'Abrir preferencias',
        kind: {
          due_soon: 'Próximamente',
          overdue: 'Aún pendiente',
          digest: 'Resumen diario',
          escalation: 'Requiere atención',
          report_ready: 'Informe',
        },
        due_soon_named: '«%{title}» se acerca',
        due_soon: 'Se acerca un ejercicio',
        due_at: 'Vence %{when}',
        overdue_named: '«%{title}» sigue pendiente',
        overdue: 'Un ejercicio sigue pendiente',
        overdue_body: 'Sin prisa. Sigue ahí para cuando te sientas con ganas.',
        digest: 'Tu resumen diario',
        digest_responses: '%{smart_count} respuesta nueva |||| %{smart_count} respuestas nuevas',
        digest_alerts: '%{smart_count} aviso abierto |||| %{smart_count} avisos abiertos',
        digest_couples: 'en %{smart_count} pareja |||| en %{smart_count} parejas',
        escalation_named: '%{couple} puede necesitar tu atención',
        escalation: 'Una pareja puede necesitar tu atención',
        escalation_body:
          'Sin respuestas a %{smart_count} ejercicio seguido. |||| Sin respuestas a %{smart_count} ejercicios seguidos.',
        report_ready: 'Ya puedes descargar lo que pediste',
      },
      preferences: {
        title: 'Preferencias',
        intro: 'Cuándo y cómo te recuerda Mend las cosas, y en qué idioma te habla.',
        saved: 'Tus preferencias están guardadas.',
        save: 'Guardar preferencias',
        saving: 'Guardando…',
        failed: 'No pudimos guardar esto ahora mismo. Vuelve a intentarlo en un momento.',
        needs_look: 'Hay algo que revisar. Está marcado más arriba.',
        time_zone: 'Zona horaria',
        time_zone_help: 'Los recordatorios siguen la hora del lugar donde estás.',
        reminder_section: 'Recordatorios',
        reminder_time: 'Hora del recordatorio diario',
        reminder_time_help:
          'El día en que algo vence, el recordatorio llega a esta hora. Déjala vacía para seguir el horario que eligió tu terapeuta.',
        quiet_section: 'Horas de silencio',
        quiet_help:
          'Entre estas horas no llega ningún recordatorio; esperan a que terminen. Deja las dos vacías para usar las horas de silencio de tu clínica.',
        quiet_start: 'Desde',
        quiet_end: 'Hasta',
        channels_section: 'Cómo te llegan los recordatorios',
        in_app: 'En Mend: siempre activados. Cada recordatorio aparece también en Notificaciones.',
        email: 'También por correo electrónico',
        language_section: 'Idioma',
        language_help: 'Mend y sus correos te hablarán en este idioma.',
        errors: {
          time_zone: 'Elige una zona horaria de la lista.',
          time: 'Escribe una hora como 09:00.',
          quiet_pair: 'Las horas de silencio necesitan un inicio y un final, o ninguno de los dos.',
        },
      },
    },
  },
};
