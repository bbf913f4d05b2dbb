/**
 * The client area's wording, in English. Partners read these in a hard moment: calm, warm and
 * plain, never a deadline tone. The Spanish catalogue is typed against this shape.
 */
export const clientMessagesEn = {
  mend: {
    client: {
      common: {
        loading: 'Loading…',
        load_failed: 'We could not load this just now. Your work is safe.',
        try_again: 'Try again',
        close: 'Close',
        cancel: 'Cancel',
        your_partner: 'your partner',
        no_couple:
          'Your space in Mend is not ready yet. Your therapist will let you know when it is.',
      },
      menu: {
        today: 'Today',
        history: 'History',
        promises: 'Promises',
      },
      policy: {
        title: 'Before you begin',
        heading: 'Before you begin: about privacy',
        intro:
          'Everything you write here is part of your work with your therapist. For each answer, you choose who can read it.',
        visibility:
          'Your therapist can read all of your answers, including the ones you keep private. Your partner only sees the answers you choose to share.',
        visibility_named:
          '%{therapist} can read all of your answers, including the ones you keep private. Your partner only sees the answers you choose to share.',
        clinic_note: 'How %{clinic} handles private answers',
        questions: 'If anything here is unclear, you can ask your therapist about it at any time.',
        accept: 'I have read this and I am ready to begin',
        accepting: 'One moment…',
        failed: 'That did not go through. Please try again in a moment.',
      },
      today: {
        title: 'Today',
        greeting: 'Hello, %{name}',
        due_today: 'For today',
        overdue: 'Still open',
        overdue_note: 'No pressure. You can still come back to these whenever you are ready.',
        upcoming: 'Coming up',
        done: 'Done recently',
        done_label: 'Done',
        due_by: '%{day}, by %{time}',
        was_due: 'From %{day}',
        minutes: 'About %{smart_count} minute |||| About %{smart_count} minutes',
        draft: 'Your draft is saved',
        to_confirm: 'Waiting for you to confirm',
        all_clear: 'Nothing is waiting for you right now',
        all_clear_body: 'Take the time for yourselves. New exercises will appear here.',
      },
      exercise: {
        title: 'Exercise',
        back: 'Today',
        back_today: 'Back to Today',
        see_history: 'See your history',
        why: 'Why this helps',
        how: 'How to do it',
        optional: '(optional)',
        yes: 'Yes',
        no: 'No',
        scale_answer: '%{value} out of 10',
        characters_left: '%{smart_count} character left |||| %{smart_count} characters left',
        choose_up_to: 'Choose up to %{smart_count}. |||| Choose up to %{smart_count}.',
        please_answer: 'Please answer this question',
        needs_look: 'A few answers need another look. They are marked below.',
        submit: 'Send my answers',
        submitting: 'Sending…',
        submit_failed:
          'We could not send this just now. Your answers are saved on this device; please try again in a moment.',
        draft_note: 'Your answers are saved as you type, so you can stop and come back later.',
        joint_note:
          'This is one answer for both of you. After you send it, %{partner} will be asked to confirm it.',
        review_note:
          'Your therapist reads this first. %{partner} sees the answers you share only after that.',
        review_note_named:
          '%{therapist} reads this first. %{partner} sees the answers you share only after that.',
        thanks_title: 'Thank you. That is done.',
        thanks_body:
          'Your therapist can read your answers now. %{partner} will see only the ones you chose to share.',
        thanks_joint: '%{partner} will be asked to confirm your shared answer.',
        your_answer: 'Your answer',
        partner_shared: 'What %{partner} shared with you',
        waiting_confirmation: 'Waiting for %{partner} to confirm this shared answer.',
        joint_confirm_title: '%{partner} answered for both of you',
        joint_confirm_body: 'Read it through. If it feels right to you too, confirm it.',
        joint_confirm_action: 'Yes, this is our answer',
        joint_confirm_talk:
          'If it does not feel right, you can talk it over with %{partner} or your therapist first.',
        joint_confirm_failed: 'That did not go through. Please try again in a moment.',
        not_found: 'This exercise is no longer available.',
      },
      draft: {
        saving: 'Saving…',
        saved: 'Draft saved',
        offline: 'Saved on this device. We will save it to Mend when you are back online.',
        needs_look: 'Saved on this device. One answer needs another look.',
      },
      visibility: {
        question: 'Who can read this answer?',
        group_label: 'Who can read your answer to “%{prompt}”',
        therapist: 'Only my therapist',
        partner: '%{partner} too',
        reveal_after_both: '%{partner}, once we both answer',
        reveal_explained:
          'Neither of you sees the other’s answer until you have both answered. Your therapist can read it now.',
        fixed: 'Who can read this: %{who}',
      },
      history: {
        title: 'History',
        intro: 'Your answers, what your partner shared with you, and notes from your therapist.',
        you_answered: 'You answered',
        partner_shared: '%{partner} shared answers',
        partner_answered: '%{partner} answered',
        feedback_from: 'Note from %{name}',
        empty: 'Nothing here yet',
        empty_body: 'When you send your first answers, they will be kept here.',
        newer: 'Newer',
        older: 'Older',
      },
      check_in: {
        section: 'Check-ins',
        section_note:
          'A few quick questions for your therapist. Your partner answers separately and never sees your answers.',
        not_validated: 'A Mend check-in, not a validated questionnaire.',
        open_until: 'Open until %{day}',
        open_until_sentence: 'Open until %{day}.',
        private_note: 'Only your therapist sees these answers.',
        submit: 'Send my answers',
        sending: 'Sending…',
        thanks: 'Thank you. Your answers went to your therapist.',
        back_today: 'Back to Today',
        missing: 'Choose an answer for each question.',
        failed: 'Your answers did not go through. Please try again in a moment.',
        closed: 'This check-in is closed.',
      },
      promises: {
        title: 'Promises',
        intro:
          'Small, concrete promises, kept day by day, are how trust grows back. Your partner says how each one went.',
        make_title: 'Make a promise',
        make_help: 'Something specific and doable, with a day to look back on it.',
        description: 'I promise to…',
        description_example: 'Call you when I leave work each day',
        due: 'Look back on it on',
        make_action: 'Make this promise',
        made: 'Your promise is in the ledger. Your partner can see it.',
        too_short: 'Please say a little more about what you will do.',
        failed: 'That did not go through. Please try again in a moment.',
        list_title: 'Your promises together',
        you_promised: 'You promised',
        partner_promised: '%{partner} promised',
        by_day: 'By %{day}',
        how_did_it_go: 'How did %{partner} do with this?',
        note: 'Anything you would like to add? (optional)',
        confirm_action: 'Save',
        confirm_failed: 'That did not go through. Please try again in a moment.',
        trend_title: 'How promises have gone',
        trend_line: '%{kept} kept, %{partly} partly, %{not_kept} not kept, %{open} still open',
        empty: 'No promises yet',
        empty_body: 'When one of you makes a promise, it will appear here.',
        status: {
          open: 'Open',
          kept: 'Kept',
          partly: 'Partly kept',
          not_kept: 'Not kept',
        },
      },
      safety: {
        open: 'Feeling unsafe?',
        link: 'Do you feel unsafe? Tell your therapist privately',
        title: 'Do you feel unsafe?',
        intro:
          'If you do not feel safe at home or with your partner, you can tell your therapist here.',
        private:
          'Only your therapist will see this. Your partner is never told, and nothing changes on their screen.',
        emergency:
          'If you are in danger right now, please call your local emergency number (911 in the US, 112 in Europe).',
        note_label: 'Anything you want your therapist to know (optional)',
        note_help: 'You can leave this empty. Sending is enough.',
        send: 'Send privately to my therapist',
        sending: 'Sending…',
        failed: 'This did not go through. Please try again, or call your therapist directly.',
        received_title: 'Your therapist has been told.',
        received_body:
          'Only your therapist can see this. They will reach out to you as soon as they can.',
      },
    },
  },
};

export type ClientMessages = typeof clientMessagesEn;
