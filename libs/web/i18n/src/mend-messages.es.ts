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
    user_menu: {
      label: '%{name}: menú de la cuenta',
    },
    common: {
      copy: 'Copiar',
      copied: 'Copiado',
      back_to_sign_in: 'Volver a iniciar sesión',
    },
    roles: {
      clinic_admin: 'Administración de la clínica',
      therapist: 'Terapeuta',
      client: 'Cliente',
    },
    login: {
      heading: 'Te damos la bienvenida',
      email: 'Correo electrónico',
      password: 'Contraseña',
      forgot_password: '¿Olvidaste tu contraseña?',
      new_clinic: '¿Nuevo en Mend? Da de alta tu clínica',
      notice: {
        account_ready: 'Tu cuenta está lista. Inicia sesión con tu nueva contraseña.',
        password_changed: 'Tu contraseña ha cambiado. Inicia sesión con la nueva.',
        signed_out_inactive:
          'Cerramos tu sesión tras un rato sin actividad, para proteger tu privacidad. Vuelve a iniciar sesión para continuar.',
      },
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
    inactivity: {
      title: '¿Sigues ahí?',
      countdown: 'Cerraremos tu sesión en %{smart_count} s para proteger tu privacidad.',
      reason: 'Tu clínica cierra la sesión tras un rato sin actividad.',
      stay: 'Mantener la sesión abierta',
      sign_out: 'Cerrar sesión ahora',
    },
    mfa: {
      code: 'Código de 6 dígitos',
      code_help: 'De tu aplicación de autenticación. Aparece un código nuevo cada 30 segundos.',
      code_format: 'Escribe los 6 dígitos que muestra tu aplicación.',
      recovery_code: 'Código de recuperación',
      recovery_code_help:
        'Uno de los códigos que guardaste al configurar la verificación en dos pasos.',
      recovery_code_format: 'Un código de recuperación tiene este aspecto: ABCDE-FGHJK.',
      start_over: 'Empezar de nuevo',
      failure: {
        invalid_code:
          'Ese código no funcionó. Comprueba que la hora de tu teléfono sea correcta y prueba con el código más reciente.',
        expired:
          'El inicio de sesión tardó un poco más de la cuenta y lo detuvimos para proteger tu cuenta. Vuelve a iniciar sesión.',
      },
      enrol: {
        heading: 'Configura la verificación en dos pasos',
        loading: 'Preparando tu código de configuración…',
        intro:
          'Tu clínica pide un segundo paso al iniciar sesión: escanea este código con una aplicación de autenticación en tu teléfono y escribe el código de 6 dígitos que te muestre.',
        qr_alt: 'Código QR para añadir Mend a tu aplicación de autenticación',
        secret_label: '¿No puedes escanearlo? Escribe esta clave en la aplicación:',
        enter_code: 'Después escribe el código que tu aplicación muestra para Mend.',
      },
      verify: {
        heading: 'Confirma que eres tú',
        intro: 'Escribe el código de 6 dígitos de tu aplicación de autenticación.',
        intro_recovery: 'Escribe uno de tus códigos de recuperación. Cada uno funciona una vez.',
        submit: 'Verificar',
        use_recovery: 'Usar un código de recuperación',
        use_app_code: 'Usar un código de mi aplicación',
      },
      codes: {
        heading: 'Guarda tus códigos de recuperación',
        intro:
          'Si pierdes el teléfono, cada uno de estos códigos te permite iniciar sesión una vez. Guárdalos en un lugar seguro, como un gestor de contraseñas.',
        once: 'Esta es la única vez que se muestran estos códigos.',
        list_label: 'Códigos de recuperación',
        download: 'Descargar .txt',
        continue: 'Ya los guardé, continuar',
        file_heading: 'Códigos de recuperación de Mend. Cada código funciona una vez.',
      },
    },
    password: {
      required: 'Elige una contraseña.',
      rules: 'Entre 8 y 128 caracteres, y que no sea una contraseña común.',
      confirm: 'Repite la contraseña',
      mismatch: 'Las dos contraseñas no coinciden.',
      too_short: 'Usa al menos 8 caracteres.',
      too_long: 'Usa como máximo 128 caracteres.',
      too_common: 'Esta contraseña es demasiado común. Elige otra.',
      too_simple: 'Usa caracteres variados, no uno solo repetido ni solo espacios.',
    },
    forgot: {
      heading: 'Restablece tu contraseña',
      intro:
        'Escribe el correo con el que inicias sesión y te enviaremos un enlace para elegir una contraseña nueva.',
      submit: 'Enviar el enlace',
      sent: 'Si alguna cuenta usa ese correo, ya va de camino un enlace para restablecer su contraseña. Funciona durante un tiempo limitado; revisa la carpeta de correo no deseado si no llega en unos minutos.',
    },
    reset: {
      heading: 'Elige una contraseña nueva',
      intro: 'La usarás la próxima vez que inicies sesión.',
      new_password: 'Contraseña nueva',
      submit: 'Guardar la contraseña nueva',
      missing_token:
        'Esta página necesita el enlace de tu correo. Vuelve a abrir el enlace o pide uno nuevo.',
      link_invalid: 'Este enlace ha caducado o ya se usó. Puedes pedir uno nuevo.',
      request_new: 'Pedir un enlace nuevo',
    },
    signup: {
      heading: 'Abre tu clínica en Mend',
      intro:
        'Configura tu clínica y tu propia cuenta de administración. Podrás invitar a terapeutas y añadir parejas en cuanto confirmes tu correo.',
      clinic_name: 'Nombre de la clínica',
      time_zone: 'Zona horaria de la clínica',
      time_zone_help:
        'Los recordatorios y las horas de silencio la siguen. Puedes cambiarla más adelante.',
      admin_name: 'Tu nombre',
      admin_email: 'Tu correo de trabajo',
      admin_email_help: 'Lo usarás para iniciar sesión. Te enviaremos un enlace para confirmarlo.',
      submit: 'Crear la clínica',
      sent_heading: 'Revisa tu correo',
      sent: 'Hemos enviado un enlace a %{email}. Ábrelo para confirmar la dirección y después inicia sesión: la primera vez configurarás la verificación en dos pasos. Si no llega en unos minutos, mira en la carpeta de correo no deseado.',
    },
    verify_email: {
      heading: 'Confirma tu correo',
      checking: 'Confirmando tu correo…',
      verified:
        'Tu correo está confirmado y tu clínica, lista. Inicia sesión para configurar la verificación en dos pasos e invitar a tu equipo.',
      link_invalid:
        'Este enlace ha caducado o ya se usó. Si ya confirmaste tu correo, simplemente inicia sesión.',
    },
    invitation: {
      heading: 'Únete a tu clínica en Mend',
      loading: 'Comprobando tu invitación…',
      greeting: '%{clinic} te ha invitado a Mend como %{role}.',
      as_role: {
        clinic_admin: 'responsable de administración',
        therapist: 'terapeuta',
        client: 'cliente',
      },
      intro: 'Iniciarás sesión con %{email}. Revisa tu nombre y elige una contraseña.',
      display_name: 'Tu nombre',
      display_name_help: 'Tal como lo verán tus colegas y clientes.',
      password: 'Contraseña',
      submit: 'Crear mi cuenta',
      link_invalid:
        'Esta invitación ha caducado o ya se usó. Pide a tu clínica que te envíe una nueva.',
    },
    menu: {
      team: 'Equipo',
      clinic: 'Ajustes de la clínica',
      audit: 'Registro de auditoría',
    },
    users: {
      search: 'Buscar por nombre o correo',
      invite: 'Invitar',
      invite_heading: 'Invitar a un colega',
      actions: 'Acciones',
      display_name_help: 'Cómo lo verán sus colegas y clientes.',
      locale_help: 'El idioma del correo de invitación.',
      invited: 'Invitación enviada a %{email}.',
      invitation_not_sent:
        'Se añadió a %{email}, pero no se pudo enviar el correo de invitación. Usa «Reenviar invitación» en la lista del equipo para volver a intentarlo.',
      resend: 'Reenviar invitación',
      resent: 'Ya va de camino una nueva invitación a %{email}.',
      resend_failed: 'No se pudo reenviar la invitación. Vuelve a intentarlo.',
      deactivate: 'Desactivar',
      deactivate_title: '¿Desactivar a %{name}?',
      deactivate_body:
        'Se cerrarán de inmediato todas las sesiones de %{name} y ya no podrá iniciar sesión. Su trabajo anterior se conserva en los registros de la clínica.',
      deactivated: 'Se desactivó a %{name} y se cerraron sus sesiones.',
      empty_heading: 'Tu equipo empieza aquí',
      empty_body:
        'Invita a las y los terapeutas y responsables de tu clínica. Cada persona recibe un correo para unirse.',
      couples: 'Parejas',
      no_couples: 'Todavía no tiene parejas asignadas.',
      status: {
        invited: 'Invitación enviada',
        active: 'Activo',
        deactivated: 'Desactivado',
      },
    },
    couples: {
      search: 'Buscar parejas',
      therapist_filter: 'Terapeuta',
      nobody: 'Nadie todavía',
      reassign: 'Reasignar',
      reassign_named: 'Reasignar terapeutas de %{label}',
      reassign_title: 'Terapeutas de %{label}',
      therapists_legend: 'Quién atiende a esta pareja',
      reassign_help:
        'Quien añadas verá a la pareja en su lista de casos enseguida; quien quites dejará de verla.',
      need_one: 'Elige al menos un terapeuta: cada pareja necesita a alguien que la acompañe.',
      reassign_save: 'Guardar terapeutas',
      reassigned: 'Terapeutas de %{label} actualizados.',
      reassign_failed: 'No se pudieron cambiar los terapeutas. Inténtalo de nuevo.',
      therapists_failed: 'No se pudo cargar la lista de terapeutas.',
      status: { invited: 'Invitada', active: 'Activa', paused: 'En pausa', closed: 'Cerrada' },
    },
    clinic: {
      saved: 'Ajustes de la clínica guardados.',
      whole_minutes: 'Usa un número entero de minutos.',
      clock_time: 'Usa una hora como 21:00.',
      section: {
        identity: 'Clínica',
        security: 'Inicio de sesión y sesiones',
        reminders: 'Recordatorios',
        privacy: 'Respuestas privadas',
        messages: 'Mensajes',
      },
      fields: {
        name: 'Nombre de la clínica',
        time_zone: 'Zona horaria',
        require_staff_mfa: 'Exigir verificación en dos pasos al personal',
        inactivity_timeout: 'Cerrar sesión tras inactividad (minutos)',
        report_retention: 'Conservar los informes durante (días)',
        quiet_start: 'Inicio de las horas de silencio',
        quiet_end: 'Fin de las horas de silencio',
        secrets_policy: 'Política de secretos',
        messages_notice: 'Aviso que muestra cada conversación',
      },
      help: {
        time_zone: 'Se usa en los informes y como valor inicial para las parejas nuevas.',
        require_staff_mfa:
          'Terapeutas y responsables configurarán una aplicación de autenticación la próxima vez que inicien sesión.',
        inactivity_timeout: 'Entre 5 y 240 minutos.',
        report_retention:
          'Los informes y exportaciones se borran pasados estos días (de 1 a 3650).',
        quiet_hours:
          'No se envían recordatorios entre estas horas, en la zona horaria de cada persona.',
        secrets_policy:
          'Lo que pueden hacer las y los terapeutas con las respuestas que la pareja mantiene en privado. Cada persona la lee y la acepta al unirse.',
        messages_notice:
          'Indica que los mensajes no se vigilan a todas horas y a quién llamar en una emergencia. Déjalo vacío para usar el texto de Mend, en el idioma de cada persona.',
      },
    },
    audit: {
      system_actor: 'Sistema',
      no_detail: 'No se registraron más detalles.',
      show_title: 'Evento de auditoría: %{action}',
      empty_heading: 'No hay nada registrado aquí',
      empty_body:
        'Ningún evento de auditoría coincide. Prueba con un intervalo de fechas más amplio o quita los filtros.',
      filters: {
        action: 'Tipo de acción',
        person: 'Persona',
        record_type: 'Tipo de registro',
        from: 'Desde',
        to: 'Hasta',
      },
      family: {
        auth: 'Inicio de sesión',
        user: 'Personas',
        clinic: 'Clínica',
        couple: 'Parejas',
        exercise: 'Ejercicios',
        assignment: 'Asignaciones',
        response: 'Respuestas',
        promise: 'Promesas',
        safety: 'Seguridad',
        access: 'Acceso denegado',
      },
      record_type: {
        user: 'Persona',
        clinic: 'Clínica',
        couple: 'Pareja',
        exercise: 'Ejercicio',
        program: 'Programa',
        assignment: 'Asignación',
        occurrence: 'Fecha de entrega',
        response: 'Respuesta',
        promise: 'Promesa',
        alert: 'Alerta',
      },
    },
    clinic_dashboard: {
      title: 'Tu clínica de un vistazo',
      period: 'Periodo',
      from: 'Desde',
      to: 'Hasta',
      show: 'Mostrar',
      failed: 'No se pudieron cargar las cifras. Inténtalo de nuevo.',
      see_couples: '%{figure}: %{count}. Ver estas parejas',
      couples: 'Parejas',
      active: 'Activas en el periodo',
      new: 'Nuevas',
      closed: 'Cerradas',
      engagement: 'Participación',
      due: 'Ejercicios programados',
      both_answered: 'Respondieron ambos',
      one_answered: 'Respondió uno',
      none_answered: 'Nadie respondió',
      engagement_chart: 'Respuestas por terapeuta',
      caseload: 'Parejas por terapeuta',
      reminders: 'Recordatorios',
      sent: 'Enviados',
      failed_reminders: 'Fallidos',
      alerts: 'Alertas abiertas',
      no_alerts: 'No había alertas abiertas al final del periodo.',
      alert_kind: {
        missed_streak: 'Varios seguidos sin hacer',
        asymmetry: 'Uno de los dos lo hace todo',
        safety: 'Seguridad',
        measure_deterioration: 'Una medida empeoró',
        measure_gap: 'La pareja muy distante',
      },
      outcomes_couples: 'Resultados por pareja',
      both_improved: 'Ambos mejoraron de forma fiable',
      one_improved: 'Uno mejoró de forma fiable',
      neither_improved: 'Ninguno mejoró',
      any_deteriorated: 'Algún empeoramiento fiable',
      outcomes_partners: 'Resultados por persona',
      outcomes_chart: 'Personas por resultado',
      partners: 'Personas',
      improved: 'Mejoró',
      recovered: 'Se recuperó',
      unchanged: 'Sin cambios',
      deteriorated: 'Empeoró',
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
  resources: {
    couples: {
      fields: {
        label: 'Pareja',
        status: 'Estado',
        partners: 'Integrantes',
        therapists: 'Terapeutas',
        createdAt: 'Alta',
      },
    },
    users: {
      name: 'Miembro del equipo |||| Equipo',
      fields: {
        displayName: 'Nombre',
        email: 'Correo electrónico',
        role: 'Rol',
        status: 'Estado',
        locale: 'Idioma',
        createdAt: 'Alta',
        timeZone: 'Zona horaria',
        mfaEnabled: 'Verificación en dos pasos',
      },
    },
    'audit-events': {
      name: 'Evento de auditoría |||| Registro de auditoría',
      fields: {
        occurredAt: 'Cuándo',
        actorName: 'Quién',
        action: 'Acción',
        recordType: 'Registro',
        recordId: 'Id. del registro',
        requestId: 'Id. de la solicitud',
        ip: 'Dirección IP',
        detail: 'Detalle',
      },
    },
  },
};
