/**
 * Wording of the signed-in account pages every role shares: the notification feed and the
 * reminder preferences. Partners read these too, so the tone is the client area's: calm and
 * plain, never a deadline voice. The Spanish catalogue is typed against this shape.
 */
export const accountMessagesEn = {
  mend: {
    account: {
      common: {
        loading: 'Loading…',
        load_failed: 'We could not load this just now.',
        try_again: 'Try again',
      },
      menu: {
        preferences: 'Preferences',
        reports: 'Reports',
      },
      reports: {
        title: 'Reports',
        intro:
          'Reports are prepared in the background. You can leave this page; we will let you know when one is ready.',
        month: 'Month',
        request_monthly: 'Prepare the monthly report',
        own_data: 'Download my data',
        own_data_intro:
          'Your answers, what your partner shared with you, your promises and the feedback on your answers, in one file.',
        request_failed: 'We could not ask for it just now. Please try again.',
        since: 'Since %{day}',
        scheduled: 'prepared automatically',
        building: 'Preparing… %{progress} %',
        progress: 'Preparing %{name}',
        failed: 'This report could not be prepared. Ask for it again to retry.',
        download_named: 'Download %{name} as %{format}',
        empty: 'No reports yet.',
        kind: {
          clinic_monthly: 'Monthly clinic report',
          session_prep: 'Session summary',
          couple_export: 'Data export',
        },
      },
      bell: {
        label: 'Notifications, %{smart_count} unread',
        none_unread: 'Notifications, nothing unread',
      },
      notifications: {
        title: 'Notifications',
        intro: 'Reminders and updates from Mend, newest first.',
        mark_all: 'Mark all as read',
        unread: 'Unread',
        load_more: 'Show older',
        failed: 'That did not go through. Please try again in a moment.',
        empty: 'No notifications yet',
        empty_body:
          'Reminders about exercises, and for therapists the daily summary and alerts about couples, will appear here. You can choose when they come in your preferences.',
        open_preferences: 'Open preferences',
        kind: {
          due_soon: 'Coming up',
          overdue: 'Still open',
          digest: 'Daily summary',
          escalation: 'Needs attention',
          message: 'Message',
          report_ready: 'Report',
        },
        due_soon_named: '“%{title}” is coming up',
        due_soon: 'An exercise is coming up',
        due_at: 'Due %{when}',
        overdue_named: '“%{title}” is still open',
        overdue: 'An exercise is still open',
        overdue_body: 'No rush. It is there whenever you are ready.',
        digest: 'Your daily summary',
        digest_responses: '%{smart_count} new answer |||| %{smart_count} new answers',
        digest_alerts: '%{smart_count} open alert |||| %{smart_count} open alerts',
        digest_couples: 'across %{smart_count} couple |||| across %{smart_count} couples',
        escalation_named: '%{couple} may need your attention',
        escalation: 'A couple may need your attention',
        escalation_body:
          'No answers to %{smart_count} exercise in a row. |||| No answers to %{smart_count} exercises in a row.',
        message: 'A new message is waiting for you',
        message_body: 'Open it to read it and answer.',
        report_ready: 'A report you asked for is ready to download',
      },
      preferences: {
        title: 'Preferences',
        intro: 'When and how Mend reminds you, and the language it speaks.',
        saved: 'Your preferences are saved.',
        save: 'Save preferences',
        saving: 'Saving…',
        failed: 'We could not save this just now. Please try again in a moment.',
        needs_look: 'Something needs another look. It is marked above.',
        time_zone: 'Time zone',
        time_zone_help: 'Reminders follow the clock where you are.',
        reminder_section: 'Reminders',
        reminder_time: 'Daily reminder time',
        reminder_time_help:
          'On the day something is due, the reminder comes at this time. Leave it empty to use the timing your therapist chose.',
        quiet_section: 'Quiet hours',
        quiet_help:
          'No reminders arrive between these times; they wait until the quiet hours end. Leave both empty to use your clinic’s quiet hours.',
        quiet_start: 'From',
        quiet_end: 'To',
        channels_section: 'How reminders reach you',
        in_app: 'In Mend: always on. Every reminder also appears under Notifications.',
        email: 'Also by email',
        language_section: 'Language',
        language_help: 'Mend and its emails speak this language.',
        errors: {
          time_zone: 'Please choose a time zone from the list.',
          time: 'Please enter a time such as 09:00.',
          quiet_pair: 'Quiet hours need both a start and an end, or neither.',
        },
      },
    },
  },
};

export type AccountMessages = typeof accountMessagesEn;
