import type { ClientMessages } from './client-messages.en';

export const clientMessagesEs: ClientMessages = {
  mend: {
    client: {
      common: {
        loading: 'Cargando…',
        load_failed: 'No pudimos cargar esto ahora mismo. Tu trabajo está a salvo.',
        try_again: 'Intentar de nuevo',
        close: 'Cerrar',
        cancel: 'Cancelar',
        your_partner: 'tu pareja',
        no_couple: 'Tu espacio en Mend aún no está listo. Tu terapeuta te avisará cuando lo esté.',
      },
      menu: {
        today: 'Hoy',
        history: 'Historial',
        promises: 'Promesas',
      },
      policy: {
        title: 'Antes de empezar',
        heading: 'Antes de empezar: sobre tu privacidad',
        intro:
          'Todo lo que escribes aquí forma parte de tu trabajo con tu terapeuta. En cada respuesta eliges quién puede leerla.',
        visibility:
          'Tu terapeuta puede leer todas tus respuestas, también las que guardas en privado. Tu pareja solo ve las respuestas que decides compartir.',
        visibility_named:
          '%{therapist} puede leer todas tus respuestas, también las que guardas en privado. Tu pareja solo ve las respuestas que decides compartir.',
        clinic_note: 'Cómo trata %{clinic} las respuestas privadas',
        questions: 'Si algo no está claro, puedes preguntárselo a tu terapeuta cuando quieras.',
        accept: 'Lo he leído y estoy listo o lista para empezar',
        accepting: 'Un momento…',
        failed: 'No se pudo guardar. Vuelve a intentarlo en un momento.',
      },
      today: {
        title: 'Hoy',
        greeting: 'Hola, %{name}',
        due_today: 'Para hoy',
        overdue: 'Aún pendiente',
        overdue_note:
          'Sin prisa. Puedes volver a estos ejercicios cuando te sientas preparado o preparada.',
        upcoming: 'Próximamente',
        done: 'Hecho recientemente',
        done_label: 'Hecho',
        due_by: '%{day}, antes de las %{time}',
        was_due: 'Del %{day}',
        minutes: 'Alrededor de %{smart_count} minuto |||| Alrededor de %{smart_count} minutos',
        draft: 'Tu borrador está guardado',
        to_confirm: 'Espera tu confirmación',
        all_clear: 'No tienes nada pendiente ahora mismo',
        all_clear_body: 'Aprovechad el tiempo juntos. Los nuevos ejercicios aparecerán aquí.',
      },
      exercise: {
        title: 'Ejercicio',
        back: 'Hoy',
        back_today: 'Volver a Hoy',
        see_history: 'Ver tu historial',
        why: 'Por qué ayuda',
        how: 'Cómo hacerlo',
        optional: '(opcional)',
        yes: 'Sí',
        no: 'No',
        scale_answer: '%{value} de 10',
        characters_left: 'Queda %{smart_count} carácter |||| Quedan %{smart_count} caracteres',
        choose_up_to: 'Elige hasta %{smart_count}. |||| Elige hasta %{smart_count}.',
        please_answer: 'Responde a esta pregunta, por favor',
        needs_look: 'Algunas respuestas necesitan otro vistazo. Están marcadas abajo.',
        submit: 'Enviar mis respuestas',
        submitting: 'Enviando…',
        submit_failed:
          'No pudimos enviarlo ahora mismo. Tus respuestas están guardadas en este dispositivo; vuelve a intentarlo en un momento.',
        draft_note:
          'Tus respuestas se guardan mientras escribes, así que puedes parar y volver más tarde.',
        joint_note:
          'Es una sola respuesta para los dos. Cuando la envíes, %{partner} tendrá que confirmarla.',
        review_note:
          'Tu terapeuta lo lee primero. %{partner} verá las respuestas que compartas solo después.',
        review_note_named:
          '%{therapist} lo lee primero. %{partner} verá las respuestas que compartas solo después.',
        thanks_title: 'Gracias. Ya está hecho.',
        thanks_body:
          'Tu terapeuta ya puede leer tus respuestas. %{partner} verá solo las que elegiste compartir.',
        thanks_joint: 'Le pediremos a %{partner} que confirme la respuesta que comparten.',
        your_answer: 'Tu respuesta',
        partner_shared: 'Lo que %{partner} compartió contigo',
        waiting_confirmation: 'Esperando a que %{partner} confirme esta respuesta compartida.',
        joint_confirm_title: '%{partner} respondió por los dos',
        joint_confirm_body: 'Léela con calma. Si también te parece bien, confírmala.',
        joint_confirm_action: 'Sí, es nuestra respuesta',
        joint_confirm_talk:
          'Si no te parece bien, puedes hablarlo antes con %{partner} o con tu terapeuta.',
        joint_confirm_failed: 'No se pudo guardar. Vuelve a intentarlo en un momento.',
        not_found: 'Este ejercicio ya no está disponible.',
      },
      draft: {
        saving: 'Guardando…',
        saved: 'Borrador guardado',
        offline:
          'Guardado en este dispositivo. Lo guardaremos en Mend cuando vuelvas a tener conexión.',
        needs_look: 'Guardado en este dispositivo. Una respuesta necesita otro vistazo.',
      },
      visibility: {
        question: '¿Quién puede leer esta respuesta?',
        group_label: 'Quién puede leer tu respuesta a «%{prompt}»',
        therapist: 'Solo mi terapeuta',
        partner: 'También %{partner}',
        reveal_after_both: '%{partner}, cuando respondamos los dos',
        reveal_explained:
          'Ninguno de los dos ve la respuesta del otro hasta que ambos hayan respondido. Tu terapeuta puede leerla ya.',
        fixed: 'Quién puede leer esto: %{who}',
      },
      history: {
        title: 'Historial',
        intro: 'Tus respuestas, lo que tu pareja compartió contigo y las notas de tu terapeuta.',
        you_answered: 'Respondiste',
        partner_shared: '%{partner} compartió respuestas',
        partner_answered: '%{partner} respondió',
        feedback_from: 'Nota de %{name}',
        empty: 'Todavía no hay nada aquí',
        empty_body: 'Cuando envíes tus primeras respuestas, se guardarán aquí.',
        newer: 'Más recientes',
        older: 'Anteriores',
      },
      check_in: {
        section: 'Chequeos',
        section_note:
          'Unas preguntas breves para su terapeuta. Su pareja responde por separado y nunca ve sus respuestas.',
        not_validated: 'Un chequeo de Mend, no un cuestionario validado.',
        open_until: 'Abierto hasta el %{day}',
        open_until_sentence: 'Abierto hasta el %{day}.',
        private_note: 'Solo su terapeuta ve estas respuestas.',
        submit: 'Enviar mis respuestas',
        sending: 'Enviando…',
        thanks: 'Gracias. Sus respuestas llegaron a su terapeuta.',
        back_today: 'Volver a Hoy',
        missing: 'Elija una respuesta para cada pregunta.',
        failed: 'Sus respuestas no se enviaron. Inténtenlo de nuevo en un momento.',
        closed: 'Este chequeo está cerrado.',
      },
      promises: {
        title: 'Promesas',
        intro:
          'Las promesas pequeñas y concretas, cumplidas día a día, son las que reconstruyen la confianza. Tu pareja dice cómo fue cada una.',
        make_title: 'Hacer una promesa',
        make_help: 'Algo concreto y posible, con un día para revisarlo.',
        description: 'Prometo…',
        description_example: 'Llamarte cuando salga del trabajo cada día',
        due: 'Revisarla el',
        make_action: 'Hacer esta promesa',
        made: 'Tu promesa está en el registro. Tu pareja puede verla.',
        too_short: 'Cuenta un poco más sobre lo que vas a hacer.',
        failed: 'No se pudo guardar. Vuelve a intentarlo en un momento.',
        list_title: 'Vuestras promesas',
        you_promised: 'Prometiste',
        partner_promised: '%{partner} prometió',
        by_day: 'Para el %{day}',
        how_did_it_go: '¿Cómo le fue a %{partner} con esto?',
        note: '¿Quieres añadir algo? (opcional)',
        confirm_action: 'Guardar',
        confirm_failed: 'No se pudo guardar. Vuelve a intentarlo en un momento.',
        trend_title: 'Cómo han ido las promesas',
        trend_line:
          '%{kept} cumplidas, %{partly} en parte, %{not_kept} no cumplidas, %{open} pendientes',
        empty: 'Todavía no hay promesas',
        empty_body: 'Cuando uno de los dos haga una promesa, aparecerá aquí.',
        status: {
          open: 'Pendiente',
          kept: 'Cumplida',
          partly: 'Cumplida en parte',
          not_kept: 'No cumplida',
        },
      },
      safety: {
        open: '¿No te sientes a salvo?',
        link: '¿No te sientes a salvo? Díselo en privado a tu terapeuta',
        title: '¿No te sientes a salvo?',
        intro:
          'Si no te sientes a salvo en casa o con tu pareja, puedes decírselo aquí a tu terapeuta.',
        private:
          'Solo tu terapeuta verá esto. Tu pareja nunca lo sabrá y nada cambia en su pantalla.',
        emergency:
          'Si estás en peligro ahora mismo, llama al número de emergencias de tu zona (112 en Europa, 911 en EE. UU.).',
        note_label: 'Lo que quieras que sepa tu terapeuta (opcional)',
        note_help: 'Puedes dejarlo vacío. Con enviarlo basta.',
        send: 'Enviar en privado a mi terapeuta',
        sending: 'Enviando…',
        failed: 'No se pudo enviar. Vuelve a intentarlo o llama directamente a tu terapeuta.',
        received_title: 'Tu terapeuta ya lo sabe.',
        received_body:
          'Solo tu terapeuta puede ver esto. Se pondrá en contacto contigo en cuanto pueda.',
      },
    },
  },
};
