/**
 * Mend's own wording, in English. This object is the reference shape: the Spanish catalogue is
 * typed against it, so a key added here and forgotten there fails the typecheck.
 */
export const mendMessagesEn = {
  mend: {
    app: {
      name: 'Mend',
      tagline: 'A steady place for the work between sessions.',
    },
    locale: {
      label: 'Language',
    },
    user_menu: {
      // Begins with the name the button shows, so a spoken "click <name>" finds it.
      label: '%{name}: account menu',
    },
    common: {
      copy: 'Copy',
      copied: 'Copied',
      back_to_sign_in: 'Back to sign in',
    },
    roles: {
      clinic_admin: 'Clinic admin',
      therapist: 'Therapist',
      client: 'Client',
    },
    login: {
      heading: 'Welcome back',
      email: 'Email',
      password: 'Password',
      forgot_password: 'Forgot your password?',
      new_clinic: 'New to Mend? Set up your clinic',
      notice: {
        account_ready: 'Your account is ready. Sign in with your new password.',
        password_changed: 'Your password has been changed. Sign in with the new one.',
        signed_out_inactive:
          'We signed you out after a while without activity, to keep your account private. Sign in again to carry on.',
      },
      failure: {
        mfa_required: 'Multi-factor sign-in is required for this account',
        invalid_credentials: 'That email and password do not match an account. Please try again.',
        rate_limited_seconds:
          'Too many attempts. Please wait %{smart_count} second before trying again. |||| Too many attempts. Please wait %{smart_count} seconds before trying again.',
        rate_limited_minutes:
          'Too many attempts. Please wait about %{smart_count} minute before trying again. |||| Too many attempts. Please wait about %{smart_count} minutes before trying again.',
        rate_limited: 'Too many attempts. Please wait a little before trying again.',
        unavailable: 'Mend cannot be reached right now. Please try again in a moment.',
      },
    },
    inactivity: {
      title: 'Are you still there?',
      countdown: "You'll be signed out in %{smart_count} s to protect your privacy.",
      reason: 'Your clinic signs people out after a while without activity.',
      stay: 'Stay signed in',
      sign_out: 'Sign out now',
    },
    mfa: {
      code: '6-digit code',
      code_help: 'From your authenticator app. A new code appears every 30 seconds.',
      code_format: 'Enter the 6 digits your app shows.',
      recovery_code: 'Recovery code',
      recovery_code_help: 'One of the codes you saved when you set up two-step sign-in.',
      recovery_code_format: 'A recovery code looks like ABCDE-FGHJK.',
      start_over: 'Start over',
      failure: {
        invalid_code:
          'That code did not work. Check that the time on your phone is right and try the newest code.',
        expired:
          'That sign-in took a little too long, so we stopped it to keep your account safe. Please sign in again.',
      },
      enrol: {
        heading: 'Set up two-step sign-in',
        loading: 'Preparing your set-up code…',
        intro:
          'Your clinic asks for a second step when you sign in: scan this code with an authenticator app on your phone, then enter the 6-digit code it shows.',
        qr_alt: 'QR code to add Mend to your authenticator app',
        secret_label: 'Can’t scan it? Type this key into the app instead:',
        enter_code: 'Then enter the code your app shows for Mend.',
      },
      verify: {
        heading: 'Confirm it’s you',
        intro: 'Enter the 6-digit code from your authenticator app.',
        intro_recovery: 'Enter one of your saved recovery codes. Each one works once.',
        submit: 'Verify',
        use_recovery: 'Use a recovery code instead',
        use_app_code: 'Use a code from my app instead',
      },
      codes: {
        heading: 'Save your recovery codes',
        intro:
          'If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe, such as a password manager.',
        once: 'This is the only time these codes are shown.',
        list_label: 'Recovery codes',
        download: 'Download .txt',
        continue: 'I’ve saved them, continue',
        file_heading: 'Mend recovery codes. Each code works once.',
      },
    },
    password: {
      required: 'Please choose a password.',
      rules: '8 to 128 characters, and not a common password.',
      confirm: 'Repeat the password',
      mismatch: 'The two passwords are not the same.',
      too_short: 'Use at least 8 characters.',
      too_long: 'Use at most 128 characters.',
      too_common: 'This password is too common. Please choose another.',
      too_simple: 'Use a mix of characters, not one character repeated or only spaces.',
    },
    forgot: {
      heading: 'Reset your password',
      intro:
        'Enter the email you sign in with and we will send you a link to choose a new password.',
      submit: 'Send the link',
      sent: 'If an account uses that email, a link to reset its password is on its way. It works for a limited time; check your spam folder if it has not arrived in a few minutes.',
    },
    reset: {
      heading: 'Choose a new password',
      intro: 'You will use it the next time you sign in.',
      new_password: 'New password',
      submit: 'Save the new password',
      missing_token:
        'This page needs the link from your email. Please open the link again, or ask for a new one.',
      link_invalid: 'This link has expired or was already used. You can ask for a new one.',
      request_new: 'Ask for a new link',
    },
    signup: {
      heading: 'Start your clinic on Mend',
      intro:
        'Set up your clinic and your own admin account. You can invite therapists and add couples once your email is confirmed.',
      clinic_name: 'Clinic name',
      time_zone: 'Clinic time zone',
      time_zone_help: 'Reminders and quiet hours follow it. You can change it later.',
      admin_name: 'Your name',
      admin_email: 'Your work email',
      admin_email_help: 'You will sign in with it. We send a link to confirm it.',
      submit: 'Create the clinic',
      sent_heading: 'Check your email',
      sent: 'We sent a link to %{email}. Open it to confirm the address, then sign in: you will set up two-step sign-in the first time. Check your spam folder if it has not arrived in a few minutes.',
    },
    verify_email: {
      heading: 'Confirm your email',
      checking: 'Confirming your email…',
      verified:
        'Your email is confirmed and your clinic is ready. Sign in to set up two-step sign-in and invite your team.',
      link_invalid:
        'This link has expired or was already used. If you confirmed your email before, simply sign in.',
    },
    invitation: {
      heading: 'Join your clinic on Mend',
      loading: 'Checking your invitation…',
      greeting: '%{clinic} has invited you to Mend as %{role}.',
      as_role: {
        clinic_admin: 'a clinic admin',
        therapist: 'a therapist',
        client: 'a client',
      },
      intro: 'You will sign in with %{email}. Check your name and choose a password.',
      display_name: 'Your name',
      display_name_help: 'As colleagues and clients will see it.',
      password: 'Password',
      submit: 'Create my account',
      link_invalid:
        'This invitation has expired or was already used. Please ask your clinic for a new one.',
    },
    menu: {
      team: 'Team',
      clinic: 'Clinic settings',
      audit: 'Audit log',
    },
    users: {
      search: 'Search by name or email',
      invite: 'Invite',
      invite_heading: 'Invite a colleague',
      actions: 'Actions',
      display_name_help: 'How they will appear to colleagues and clients.',
      locale_help: 'The language of the invitation email.',
      invited: 'Invitation sent to %{email}.',
      invitation_not_sent:
        '%{email} was added, but the invitation email could not be sent. Use “Resend invitation” in the Team list to try again.',
      resend: 'Resend invitation',
      resent: 'A new invitation is on its way to %{email}.',
      resend_failed: 'The invitation could not be resent. Please try again.',
      deactivate: 'Deactivate',
      deactivate_title: 'Deactivate %{name}?',
      deactivate_body:
        '%{name} will be signed out everywhere at once and will no longer be able to sign in. Their past work stays in the clinic’s records.',
      deactivated: '%{name} has been deactivated and signed out.',
      empty_heading: 'Your team starts here',
      empty_body:
        'Invite the therapists and admins of your clinic. Each receives an email to join.',
      couples: 'Couples',
      no_couples: 'No couples assigned yet.',
      status: {
        invited: 'Invited',
        active: 'Active',
        deactivated: 'Deactivated',
      },
    },
    couples: {
      search: 'Search couples',
      therapist_filter: 'Therapist',
      nobody: 'Nobody yet',
      reassign: 'Reassign',
      reassign_named: 'Reassign therapists for %{label}',
      reassign_title: 'Therapists for %{label}',
      therapists_legend: 'Who treats this couple',
      reassign_help:
        'Therapists you add see the couple on their caseload at once; those you remove no longer do.',
      need_one: 'Choose at least one therapist: every couple needs someone looking after them.',
      reassign_save: 'Save therapists',
      reassigned: 'Therapists for %{label} updated.',
      reassign_failed: 'The therapists could not be changed. Please try again.',
      therapists_failed: 'The list of therapists could not be loaded.',
      status: { invited: 'Invited', active: 'Active', paused: 'Paused', closed: 'Closed' },
    },
    clinic: {
      saved: 'Clinic settings saved.',
      whole_minutes: 'Use a whole number of minutes.',
      clock_time: 'Use a time such as 21:00.',
      section: {
        identity: 'Clinic',
        security: 'Sign-in and sessions',
        reminders: 'Reminders',
        privacy: 'Private answers',
        messages: 'Messages',
      },
      fields: {
        name: 'Clinic name',
        time_zone: 'Time zone',
        require_staff_mfa: 'Require two-step sign-in for staff',
        inactivity_timeout: 'Sign out after inactivity (minutes)',
        report_retention: 'Keep built reports for (days)',
        quiet_start: 'Quiet hours start',
        quiet_end: 'Quiet hours end',
        secrets_policy: 'Secrets policy',
        messages_notice: 'Notice shown in every message thread',
      },
      help: {
        time_zone: 'Used for reports and as the default for new couples.',
        require_staff_mfa:
          'Therapists and admins set up an authenticator app the next time they sign in.',
        inactivity_timeout: 'Between 5 and 240 minutes.',
        report_retention: 'Reports and exports are deleted after this many days (1 to 3650).',
        quiet_hours: 'No reminders are sent between these times, in each person’s time zone.',
        secrets_policy:
          'What therapists may do with answers partners keep private. Partners read and accept this when they join.',
        messages_notice:
          'Say that messages are not watched around the clock and whom to call in an emergency. Leave it empty for Mend’s own wording, in each reader’s language.',
      },
    },
    audit: {
      system_actor: 'System',
      no_detail: 'No further detail was recorded.',
      show_title: 'Audit event: %{action}',
      empty_heading: 'Nothing recorded here',
      empty_body: 'No audit events match. Try a wider date range or clear the filters.',
      filters: {
        action: 'Kind of action',
        person: 'Person',
        record_type: 'Record type',
        from: 'From',
        to: 'To',
      },
      family: {
        auth: 'Sign-in',
        user: 'People',
        clinic: 'Clinic',
        couple: 'Couples',
        exercise: 'Exercises',
        assignment: 'Assignments',
        response: 'Responses',
        promise: 'Promises',
        safety: 'Safety',
        access: 'Refused access',
      },
      record_type: {
        user: 'Person',
        clinic: 'Clinic',
        couple: 'Couple',
        exercise: 'Exercise',
        program: 'Program',
        assignment: 'Assignment',
        occurrence: 'Occurrence',
        response: 'Response',
        promise: 'Promise',
        alert: 'Alert',
      },
    },
    clinic_dashboard: {
      title: 'Your clinic at a glance',
      period: 'Period',
      from: 'From',
      to: 'To',
      show: 'Show',
      failed: 'The figures could not be loaded. Please try again.',
      see_couples: '%{figure}: %{count}. See these couples',
      couples: 'Couples',
      active: 'Active in the period',
      new: 'New',
      closed: 'Closed',
      engagement: 'Engagement',
      due: 'Exercises due',
      both_answered: 'Both partners answered',
      one_answered: 'One partner answered',
      none_answered: 'Nobody answered',
      engagement_chart: 'Answers by therapist',
      caseload: 'Caseload per therapist',
      reminders: 'Reminders',
      sent: 'Sent',
      failed_reminders: 'Failed',
      alerts: 'Open alerts',
      no_alerts: 'No alerts were open at the end of the period.',
      alert_kind: {
        missed_streak: 'Missed in a row',
        asymmetry: 'One partner doing it all',
        safety: 'Safety',
        measure_deterioration: 'Measure got worse',
        measure_gap: 'Partners far apart',
      },
      outcomes_couples: 'Outcomes per couple',
      both_improved: 'Both reliably improved',
      one_improved: 'One reliably improved',
      neither_improved: 'Neither improved',
      any_deteriorated: 'Any reliable deterioration',
      outcomes_partners: 'Outcomes per partner',
      outcomes_chart: 'Partners by outcome',
      partners: 'Partners',
      improved: 'Improved',
      recovered: 'Recovered',
      unchanged: 'Unchanged',
      deteriorated: 'Deteriorated',
    },
    dashboard: {
      greeting: 'Good to see you, %{name}.',
      greeting_anonymous: 'Good to see you.',
      intro: {
        clinic_admin:
          'Your clinic’s therapists, couples and recent activity will gather here as your team settles into Mend.',
        therapist:
          'The couples you support and the exercises you set between sessions will appear here.',
        client:
          'The exercises your therapist shares with you will appear here, ready whenever you are.',
        unknown: 'Your work in Mend will appear here as it begins.',
      },
    },
  },
  resources: {
    couples: {
      fields: {
        label: 'Couple',
        status: 'Status',
        partners: 'Partners',
        therapists: 'Therapists',
        createdAt: 'Added',
      },
    },
    users: {
      name: 'Team member |||| Team',
      fields: {
        displayName: 'Name',
        email: 'Email',
        role: 'Role',
        status: 'Status',
        locale: 'Language',
        createdAt: 'Added',
        timeZone: 'Time zone',
        mfaEnabled: 'Two-step sign-in',
      },
    },
    'audit-events': {
      name: 'Audit event |||| Audit log',
      fields: {
        occurredAt: 'When',
        actorName: 'Who',
        action: 'Action',
        recordType: 'Record',
        recordId: 'Record id',
        requestId: 'Request id',
        ip: 'IP address',
        detail: 'Detail',
      },
    },
  },
};

export type MendMessages = typeof mendMessagesEn;
