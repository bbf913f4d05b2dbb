/** Messages' wording in English; the Spanish catalogue is typed against this shape. */
export const messagesMessagesEn = {
  mend: {
    messages: {
      title: 'Messages',
      intro:
        'Write to your therapist between sessions. Your private thread is only for you and your therapist: your partner cannot see it, or that it exists.',
      inbox: 'Inbox',
      inbox_intro: 'Messages from your couples, those you have not read first.',
      inbox_empty: 'No messages yet.',
      couple_thread: 'With your partner and therapist',
      private_thread: 'Just you and your therapist',
      private_with: 'Private with %{name}',
      couple_help: 'Both of you and your therapist read this one.',
      private_help: 'Only your therapist reads this one.',
      unread: '%{smart_count} unread |||| %{smart_count} unread',
      loading: 'Loading messages…',
      load_failed: 'We could not load the messages just now. Please try again in a moment.',
      open_failed: 'That did not go through. Please try again in a moment.',
      not_found: 'This conversation is not available.',
      back: 'All messages',
      you: 'You',
      list: 'Messages in this conversation',
      empty: 'No messages here yet. Write the first one below.',
      hidden_note: 'Hidden from the partners: %{reason}',
      hide: 'Hide from the partners',
      hide_reason: 'Why (kept in the record)',
      hide_confirm: 'Hide',
      write: 'Your message',
      length: '%{count} of %{max} characters',
      send: 'Send',
      send_failed: 'Your message was not sent. Please try again in a moment.',
      read_only:
        'This couple’s work has ended: the messages stay here to read, but no new ones can be written.',
      not_started: 'This conversation has not started yet.',
      start: 'Start this conversation',
    },
  },
};

export type MessagesMessages = typeof messagesMessagesEn;
