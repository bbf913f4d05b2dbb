import {
  MAIL_LOCALES,
  TEMPLATE_NAMES,
  escapeHtml,
  formatLocalTime,
  isValidTimeZone,
  renderMail,
  type MailLocale,
  type RenderedMail,
  type TemplateData,
  type TemplateName,
} from './mail-templates';

// 18:00 UTC: 2:00 PM in New York (EDT), 20:00 in Madrid (CEST).
const instant = new Date('2025-04-03T18:00:00Z');

const samples: { [K in TemplateName]: TemplateData[K] } = {
  invitation: {
    clinicName: 'Harbor Couples Clinic',
    inviterName: 'Dana Whitfield',
    role: 'therapist',
    acceptUrl: 'https://app.mend.test/invite/accept?token=inv-123',
    expiresAt: instant,
    timeZone: 'America/New_York',
  },
  password_reset: {
    resetUrl: 'https://app.mend.test/reset?token=reset-456',
    expiresAt: instant,
    timeZone: 'Europe/Madrid',
  },
  email_verification: {
    clinicName: 'Riverside Couples Practice',
    verifyUrl: 'https://app.mend.test/#/verify-email?token=ver-321',
    expiresAt: instant,
    timeZone: 'America/Chicago',
  },
  reminder_due_soon: {
    exerciseTitle: 'Appreciation letter',
    dueAt: instant,
    timeZone: 'America/New_York',
    exerciseUrl: 'https://app.mend.test/exercises/ex-1',
    preferencesUrl: 'https://app.mend.test/preferences/one-click-789',
  },
  reminder_overdue: {
    exerciseTitle: 'Daily check-in',
    dueAt: instant,
    timeZone: 'Europe/Madrid',
    exerciseUrl: 'https://app.mend.test/exercises/ex-2',
    preferencesUrl: 'https://app.mend.test/preferences/one-click-790',
  },
  therapist_digest: {
    therapistName: 'Dr. Okafor',
    newResponses: 3,
    openAlerts: 1,
    couples: [
      { label: 'Couple Rivera-Lind', newResponses: 2, openAlerts: 1 },
      { label: 'Couple Mbeki-Stone', newResponses: 1, openAlerts: 0 },
    ],
    dashboardUrl: 'https://app.mend.test/dashboard',
  },
  escalation: {
    coupleLabel: 'Couple Rivera-Lind',
    missedInARow: 3,
    coupleUrl: 'https://app.mend.test/couples/c-1',
  },
  message_waiting: {
    threadUrl: 'https://app.mend.test/#/messages/t-1',
    preferencesUrl: 'https://app.mend.test/#/preferences',
  },
  report_ready: {
    reportKind: 'session_prep',
    reportsUrl: 'https://app.mend.test/#/reports',
  },
};

/** Values of each sample that must appear in both the text and the HTML body. */
const expectedValues: { [K in TemplateName]: string[] } = {
  invitation: ['Harbor Couples Clinic', 'Dana Whitfield', samples.invitation.acceptUrl],
  password_reset: [samples.password_reset.resetUrl],
  email_verification: ['Riverside Couples Practice', samples.email_verification.verifyUrl],
  reminder_due_soon: [
    'Appreciation letter',
    samples.reminder_due_soon.exerciseUrl,
    samples.reminder_due_soon.preferencesUrl,
  ],
  reminder_overdue: [
    'Daily check-in',
    samples.reminder_overdue.exerciseUrl,
    samples.reminder_overdue.preferencesUrl,
  ],
  therapist_digest: [
    'Dr. Okafor',
    'Couple Rivera-Lind',
    'Couple Mbeki-Stone',
    samples.therapist_digest.dashboardUrl,
  ],
  escalation: ['Couple Rivera-Lind', '3', samples.escalation.coupleUrl],
  message_waiting: [samples.message_waiting.threadUrl, samples.message_waiting.preferencesUrl],
  report_ready: [samples.report_ready.reportsUrl],
};

function renderSample(template: TemplateName, locale: MailLocale): RenderedMail {
  switch (template) {
    case 'invitation':
      return renderMail(template, samples.invitation, locale);
    case 'password_reset':
      return renderMail(template, samples.password_reset, locale);
    case 'email_verification':
      return renderMail(template, samples.email_verification, locale);
    case 'reminder_due_soon':
      return renderMail(template, samples.reminder_due_soon, locale);
    case 'reminder_overdue':
      return renderMail(template, samples.reminder_overdue, locale);
    case 'therapist_digest':
      return renderMail(template, samples.therapist_digest, locale);
    case 'escalation':
      return renderMail(template, samples.escalation, locale);
    case 'message_waiting':
      return renderMail(template, samples.message_waiting, locale);
    case 'report_ready':
      return renderMail(template, samples.report_ready, locale);
  }
}

const cases = TEMPLATE_NAMES.flatMap((template) =>
  MAIL_LOCALES.map((locale) => [template, locale] as const),
);

describe('mail templates', () => {
  it('covers seven templates', () => {
    expect([...TEMPLATE_NAMES].sort()).toEqual([
      'email_verification',
      'escalation',
      'invitation',
      'message_waiting',
      'password_reset',
      'reminder_due_soon',
      'reminder_overdue',
      'report_ready',
      'therapist_digest',
    ]);
  });

  it.each(cases)('%s (%s) has a one-line subject, a text and an HTML body', (template, locale) => {
    const mail = renderSample(template, locale);
    expect(mail.subject.trim().length).toBeGreaterThan(5);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text.trim().length).toBeGreaterThan(20);
    expect(mail.html).toContain(`<html lang="${locale}">`);
    for (const value of expectedValues[template]) {
      expect(mail.text).toContain(value);
      expect(mail.html).toContain(escapeHtml(value));
    }
  });

  it.each(TEMPLATE_NAMES)('%s reads differently in English and Spanish', (template) => {
    const en = renderSample(template, 'en');
    const es = renderSample(template, 'es');
    expect(es.subject).not.toEqual(en.subject);
    expect(es.text).not.toEqual(en.text);
  });

  it('writes in the recipient language', () => {
    expect(renderSample('password_reset', 'en').text).toContain('password');
    expect(renderSample('password_reset', 'es').text).toContain('contraseña');
    expect(renderSample('reminder_due_soon', 'es').text).toContain('recordatorio');
    expect(renderSample('invitation', 'es').subject).toContain('te invita');
  });

  it('puts the one-click preferences link in both reminders, as a link in HTML', () => {
    for (const template of ['reminder_due_soon', 'reminder_overdue'] as const) {
      for (const locale of MAIL_LOCALES) {
        const { preferencesUrl } = samples[template];
        expect(renderSample(template, locale).html).toContain(`href="${preferencesUrl}"`);
      }
    }
    expect(renderSample('escalation', 'en').text).not.toContain('preferences');
  });

  it('keeps exercise titles and couple labels out of subjects', () => {
    expect(renderSample('reminder_due_soon', 'en').subject).not.toContain('Appreciation');
    expect(renderSample('reminder_overdue', 'es').subject).not.toContain('Daily');
    expect(renderSample('escalation', 'en').subject).not.toContain('Rivera');
  });

  it('escapes every interpolated value in HTML', () => {
    const mail = renderMail(
      'invitation',
      {
        ...samples.invitation,
        clinicName: '<script>alert("x")</script> & Co',
        inviterName: `O'Brien <b>`,
        acceptUrl: 'https://app.mend.test/accept?a=1&b="2"',
      },
      'en',
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(mail.html).toContain('O&#39;Brien &lt;b&gt;');
    expect(mail.html).toContain('href="https://app.mend.test/accept?a=1&amp;b=%222%22"');
    // Plain text needs no escaping and gets none.
    expect(mail.text).toContain('<script>alert("x")</script> & Co');
    expect(mail.subject).toContain('<script>');
  });

  it('escapes digest labels and exercise titles too', () => {
    const digest = renderMail(
      'therapist_digest',
      {
        ...samples.therapist_digest,
        couples: [{ label: '<img src=x>', newResponses: 1, openAlerts: 0 }],
      },
      'es',
    );
    expect(digest.html).not.toContain('<img');
    expect(digest.html).toContain('&lt;img src=x&gt;');
    const reminder = renderMail(
      'reminder_overdue',
      { ...samples.reminder_overdue, exerciseTitle: '"Us" & <them>' },
      'en',
    );
    expect(reminder.html).toContain('&quot;Us&quot; &amp; &lt;them&gt;');
  });

  it('flattens line breaks out of subjects', () => {
    const mail = renderMail(
      'invitation',
      { ...samples.invitation, clinicName: 'Evil\r\nBcc: victim@example.com' },
      'en',
    );
    expect(mail.subject).toBe(
      'Dana Whitfield invited you to join Evil Bcc: victim@example.com on Mend',
    );
  });

  it('refuses links that are not http(s)', () => {
    expect(() =>
      renderMail('escalation', { ...samples.escalation, coupleUrl: 'javascript:alert(1)' }, 'en'),
    ).toThrow('mail link must use http or https');
    expect(() =>
      renderMail('escalation', { ...samples.escalation, coupleUrl: '/couples/c-1' }, 'en'),
    ).toThrow('not an absolute URL');
  });

  it('shows dates on the recipient clock', () => {
    const newYork = renderMail(
      'reminder_due_soon',
      { ...samples.reminder_due_soon, timeZone: 'America/New_York' },
      'en',
    );
    const madrid = renderMail(
      'reminder_due_soon',
      { ...samples.reminder_due_soon, timeZone: 'Europe/Madrid' },
      'es',
    );
    expect(newYork.text).toContain('Thursday, April 3 at 2:00 PM EDT');
    expect(newYork.text).not.toContain('6:00 PM');
    expect(madrid.text).toContain('jueves, 3 de abril, 20:00 CEST');
    expect(madrid.text).not.toContain('18:00');
    expect(newYork.html).toContain('2:00 PM EDT');
    expect(madrid.html).toContain('20:00 CEST');
  });

  it('shows the same instant differently per zone, whatever the language', () => {
    expect(formatLocalTime(instant, 'Europe/Madrid', 'en')).toContain('8:00 PM');
    expect(formatLocalTime(instant, 'America/New_York', 'es')).toContain('14:00');
    // The day changes too: 02:30 UTC on 4 April is still 3 April in New York.
    const lateNight = new Date('2025-04-04T02:30:00Z');
    expect(formatLocalTime(lateNight, 'America/New_York', 'en')).toContain('April 3');
    expect(formatLocalTime(lateNight, 'Europe/Madrid', 'en')).toContain('April 4');
    // And the winter offset differs from the summer one.
    expect(formatLocalTime(new Date('2025-01-15T18:00:00Z'), 'America/New_York', 'en')).toContain(
      '1:00 PM EST',
    );
  });

  it('rejects an unknown time zone instead of guessing', () => {
    expect(isValidTimeZone('Europe/Madrid')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() =>
      renderMail(
        'password_reset',
        { ...samples.password_reset, timeZone: 'Mars/Olympus_Mons' },
        'en',
      ),
    ).toThrow(RangeError);
  });

  it('counts in the right number', () => {
    const one = renderMail(
      'therapist_digest',
      { ...samples.therapist_digest, newResponses: 1, openAlerts: 2, couples: [] },
      'en',
    );
    expect(one.subject).toBe('Your Mend summary: 1 new response, 2 open alerts');
    const es = renderMail(
      'therapist_digest',
      { ...samples.therapist_digest, newResponses: 2, openAlerts: 1 },
      'es',
    );
    expect(es.subject).toBe('Tu resumen de Mend: 2 respuestas nuevas, 1 alerta abierta');
    expect(es.text).toContain('- Couple Rivera-Lind: 2 respuestas nuevas, 1 alerta abierta');
  });

  it('says so when a digest has nothing new', () => {
    const quiet = renderMail(
      'therapist_digest',
      { ...samples.therapist_digest, newResponses: 0, openAlerts: 0, couples: [] },
      'en',
    );
    expect(quiet.text).toContain('Nothing new since your last summary.');
    expect(quiet.html).not.toContain('<ul>');
  });

  it('words the invitation for the role', () => {
    const client = renderMail('invitation', { ...samples.invitation, role: 'client' }, 'en');
    const admin = renderMail('invitation', { ...samples.invitation, role: 'clinic_admin' }, 'es');
    const therapist = renderMail('invitation', samples.invitation, 'en');
    expect(client.text).toContain('your therapist');
    expect(admin.text).toContain('administración');
    expect(therapist.text).toContain('as a therapist');
  });

  it('is pure: the same input renders the same mail', () => {
    expect(renderSample('invitation', 'es')).toEqual(renderSample('invitation', 'es'));
  });
});
