import type { MessagesMessages } from './messages-messages.en';

export const messagesMessagesEs: MessagesMessages = {
  mend: {
    messages: {
      title: 'Mensajes',
      intro:
        'Escribe a tu terapeuta entre sesiones. Tu conversación privada es solo para ti y tu terapeuta: tu pareja no puede verla ni saber que existe.',
      inbox: 'Bandeja de entrada',
      inbox_intro: 'Mensajes de tus parejas, primero los que aún no has leído.',
      inbox_empty: 'Todavía no hay mensajes.',
      couple_thread: 'Con tu pareja y tu terapeuta',
      private_thread: 'Solo tú y tu terapeuta',
      private_with: 'En privado con %{name}',
      couple_help: 'La leéis los dos y vuestro terapeuta.',
      private_help: 'Solo la lee tu terapeuta.',
      unread: '%{smart_count} sin leer |||| %{smart_count} sin leer',
      loading: 'Cargando mensajes…',
      load_failed: 'No hemos podido cargar los mensajes ahora. Vuelve a intentarlo en un momento.',
      open_failed: 'No se ha podido completar. Vuelve a intentarlo en un momento.',
      not_found: 'Esta conversación no está disponible.',
      back: 'Todos los mensajes',
      you: 'Tú',
      list: 'Mensajes de esta conversación',
      empty: 'Aún no hay mensajes. Escribe el primero aquí abajo.',
      hidden_note: 'Oculto a la pareja: %{reason}',
      hide: 'Ocultar a la pareja',
      hide_reason: 'Motivo (queda registrado)',
      hide_confirm: 'Ocultar',
      write: 'Tu mensaje',
      length: '%{count} de %{max} caracteres',
      send: 'Enviar',
      send_failed: 'Tu mensaje no se ha enviado. Vuelve a intentarlo en un momento.',
      read_only:
        'El trabajo de esta pareja ha terminado: los mensajes se pueden leer, pero ya no se pueden escribir nuevos.',
      not_started: 'Esta conversación aún no ha empezado.',
      start: 'Empezar esta conversación',
    },
  },
};
