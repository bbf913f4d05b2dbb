import { DateTime } from 'luxon';

export type MailLocale = 'en' | 'es';
export const MAIL_LOCALES: readonly MailLocale[] = ['en', 'es'];

export type InvitedRole = 'clinic_admin' | 'therapist' | 'client';

export interface InvitationData {
  clinicName: string;
  inviterName: string;
  role: InvitedRole;
  acceptUrl: string;
  expiresAt: Date;
  /** IANA zone of the recipient, e.g. `Europe/Madrid`. */
  timeZone: string;
}

export interface EmailVerificationData {
  clinicName: string;
  verifyUrl: string;
  expiresAt: Date;
  timeZone: string;
}

export interface PasswordResetData {
  resetUrl: string;
  expiresAt: Date;
  timeZone: string;
}

export interface ReminderData {
  exerciseTitle: string;
  dueAt: Date;
  timeZone: string;
  exerciseUrl: string;
  /** One click, no sign-in: where the recipient changes or stops reminders. */
  preferencesUrl: string;
}

export interface DigestCouple {
  label: string;
  newResponses: number;
  openAlerts: number;
}

export interface TherapistDigestData {
  therapistName: string;
  newResponses: number;
  openAlerts: number;
  couples: DigestCouple[];
  dashboardUrl: string;
}

export interface EscalationData {
  coupleLabel: string;
  missedInARow: number;
  coupleUrl: string;
}

/** No personal data: what kind of report, and where to sign in to get it. */
export interface ReportReadyData {
  reportKind: 'clinic_monthly' | 'session_prep' | 'couple_export';
  reportsUrl: string;
}

/**
 * Word that a message waits: where to read it and where to change the email choice. Nothing
 * about the message itself (not its text, author or thread) is ever put in a mail.
 */
export interface MessageWaitingData {
  threadUrl: string;
  preferencesUrl: string;
}

/** Each template's name and the data it needs. */
export interface TemplateData {
  invitation: InvitationData;
  password_reset: PasswordResetData;
  reminder_due_soon: ReminderData;
  reminder_overdue: ReminderData;
  therapist_digest: TherapistDigestData;
  escalation: EscalationData;
  message_waiting: MessageWaitingData;
  email_verification: EmailVerificationData;
  report_ready: ReportReadyData;
}

export type TemplateName = keyof TemplateData;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export type MailTemplate<K extends TemplateName> = (
  data: TemplateData[K],
  locale: MailLocale,
) => RenderedMail;

// ---------------------------------------------------------------------------------------------
// Rendering: each template describes its body as a few blocks; one renderer turns them into
// plain text and HTML, so the two versions cannot drift apart and every value is escaped in
// one place.

type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'action'; label: string; url: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'note'; text: string; link?: { label: string; url: string } };

interface Draft {
  subject: string;
  blocks: Block[];
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Links in our mail only ever point at the web app. Refusing anything but http(s) keeps a bad
 * value from becoming a `javascript:` link.
 */
function safeUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError('mail link is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('mail link must use http or https');
  }
  return url.toString();
}

/** Subjects are one header line: no control characters, no runs of whitespace. */
function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

function renderText(blocks: Block[]): string {
  const parts = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return block.text;
      case 'action':
        return `${block.label}:\n${safeUrl(block.url)}`;
      case 'list':
        return block.items.map((item) => `- ${item}`).join('\n');
      case 'note':
        return block.link
          ? `${block.text} ${block.link.label}: ${safeUrl(block.link.url)}`
          : block.text;
    }
  });
  return `${parts.join('\n\n')}\n`;
}

const STYLE = {
  body: 'margin:0;padding:24px;background:#f6f4f1;',
  card: 'max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px;font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#2b2b2b;',
  button:
    'display:inline-block;padding:10px 18px;background:#3f6f64;color:#ffffff;text-decoration:none;border-radius:6px;',
  note: 'font-size:13px;color:#6b6b6b;',
};

function renderHtml(subject: string, blocks: Block[], locale: MailLocale): string {
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return `<p>${escapeHtml(block.text)}</p>`;
        case 'action':
          return `<p><a href="${escapeHtml(safeUrl(block.url))}" style="${STYLE.button}">${escapeHtml(block.label)}</a></p>`;
        case 'list':
          return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
        case 'note': {
          const link = block.link
            ? ` <a href="${escapeHtml(safeUrl(block.link.url))}">${escapeHtml(block.link.label)}</a>`
            : '';
          return `<p style="${STYLE.note}">${escapeHtml(block.text)}${link}</p>`;
        }
      }
    })
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="${STYLE.body}"><div style="${STYLE.card}">`,
    body,
    '</div></body>',
    '</html>',
    '',
  ].join('\n');
}

function render(draft: Draft, locale: MailLocale): RenderedMail {
  const subject = oneLine(draft.subject);
  return {
    subject,
    text: renderText(draft.blocks),
    html: renderHtml(subject, draft.blocks, locale),
  };
}

export function isValidTimeZone(timeZone: string): boolean {
  return DateTime.now().setZone(timeZone).isValid;
}

/**
 * An instant as the recipient reads it on their own clock, e.g. "Thursday, April 3 at 2:00 PM
 * EDT" or "jueves, 3 de abril, 20:00 CEST". An unknown zone is a bug upstream (zones are
 * validated when saved), so it throws rather than mail a time in the wrong zone.
 */
export function formatLocalTime(instant: Date, timeZone: string, locale: MailLocale): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone }).setLocale(locale);
  if (!local.isValid) throw new RangeError(`cannot show a mail date in time zone "${timeZone}"`);
  return (
    local
      .toLocaleString({
        weekday: 'long',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      })
      // ICU puts narrow no-break spaces before AM/PM; plain spaces read the same everywhere.
      .replace(/[\u00a0\u202f]/g, ' ')
  );
}

function listOf(items: string[]): Block[] {
  return items.length > 0 ? [{ kind: 'list', items }] : [];
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function responsesAndAlerts(newResponses: number, openAlerts: number, locale: MailLocale): string {
  return locale === 'es'
    ? `${count(newResponses, 'respuesta nueva', 'respuestas nuevas')}, ${count(openAlerts, 'alerta abierta', 'alertas abiertas')}`
    : `${count(newResponses, 'new response', 'new responses')}, ${count(openAlerts, 'open alert', 'open alerts')}`;
}

// ---------------------------------------------------------------------------------------------
// Templates. Subjects stay discreet (no exercise titles or couple labels): they show up on lock
// screens and in shared inboxes. Bodies never carry answer text.

const STAFF_ROLE: Record<MailLocale, Record<Exclude<InvitedRole, 'client'>, string>> = {
  en: { therapist: 'a therapist', clinic_admin: 'a clinic administrator' },
  es: { therapist: 'como terapeuta', clinic_admin: 'con permisos de administración' },
};

export const invitation: MailTemplate<'invitation'> = (data, locale) => {
  const expires = formatLocalTime(data.expiresAt, data.timeZone, locale);
  if (locale === 'es') {
    const intro =
      data.role === 'client'
        ? `${data.inviterName}, de ${data.clinicName}, te ha invitado a Mend. Allí encontrarás los ejercicios que tu terapeuta te proponga para hacer entre sesiones.`
        : `${data.inviterName} te ha invitado a unirte a ${data.clinicName} en Mend ${
            STAFF_ROLE.es[data.role]
          }. Mend es donde la clínica comparte ejercicios con las parejas entre sesiones.`;
    return render(
      {
        subject: `${data.inviterName} te invita a unirte a ${data.clinicName} en Mend`,
        blocks: [
          { kind: 'paragraph', text: 'Hola:' },
          { kind: 'paragraph', text: intro },
          { kind: 'action', label: 'Aceptar la invitación', url: data.acceptUrl },
          {
            kind: 'note',
            text: `El enlace es válido hasta el ${expires}. Si no esperabas este mensaje, puedes ignorarlo y no pasará nada.`,
          },
        ],
      },
      locale,
    );
  }
  const intro =
    data.role === 'client'
      ? `${data.inviterName} at ${data.clinicName} has invited you to Mend. It's where you'll find the exercises your therapist suggests between sessions.`
      : `${data.inviterName} has invited you to join ${data.clinicName} on Mend as ${
          STAFF_ROLE.en[data.role]
        }. Mend is where your clinic shares between-session exercises with couples.`;
  return render(
    {
      subject: `${data.inviterName} invited you to join ${data.clinicName} on Mend`,
      blocks: [
        { kind: 'paragraph', text: 'Hello,' },
        { kind: 'paragraph', text: intro },
        { kind: 'action', label: 'Accept the invitation', url: data.acceptUrl },
        {
          kind: 'note',
          text: `This link works until ${expires}. If you weren't expecting it, you can ignore this email and nothing will happen.`,
        },
      ],
    },
    locale,
  );
};

export const passwordReset: MailTemplate<'password_reset'> = (data, locale) => {
  const expires = formatLocalTime(data.expiresAt, data.timeZone, locale);
  if (locale === 'es') {
    return render(
      {
        subject: 'Restablece tu contraseña de Mend',
        blocks: [
          { kind: 'paragraph', text: 'Hola:' },
          {
            kind: 'paragraph',
            text: 'Alguien (esperamos que tú) ha pedido cambiar la contraseña de tu cuenta de Mend.',
          },
          { kind: 'action', label: 'Elegir una contraseña nueva', url: data.resetUrl },
          {
            kind: 'note',
            text: `El enlace es válido hasta el ${expires}. Si no lo has pedido tú, ignora este mensaje: tu contraseña seguirá siendo la misma.`,
          },
        ],
      },
      locale,
    );
  }
  return render(
    {
      subject: 'Reset your Mend password',
      blocks: [
        { kind: 'paragraph', text: 'Hello,' },
        {
          kind: 'paragraph',
          text: 'Someone (hopefully you) asked to change the password for your Mend account.',
        },
        { kind: 'action', label: 'Choose a new password', url: data.resetUrl },
        {
          kind: 'note',
          text: `This link works until ${expires}. If you didn't ask for this, ignore this email and your password stays as it is.`,
        },
      ],
    },
    locale,
  );
};

function preferencesNote(data: ReminderData, locale: MailLocale): Block {
  return locale === 'es'
    ? {
        kind: 'note',
        text: '¿Demasiados recordatorios?',
        link: { label: 'Cámbialos con un clic', url: data.preferencesUrl },
      }
    : {
        kind: 'note',
        text: 'Too many reminders?',
        link: { label: 'Change them in one click', url: data.preferencesUrl },
      };
}

export const reminderDueSoon: MailTemplate<'reminder_due_soon'> = (data, locale) => {
  const due = formatLocalTime(data.dueAt, data.timeZone, locale);
  if (locale === 'es') {
    return render(
      {
        subject: 'Recordatorio: tienes un ejercicio para pronto',
        blocks: [
          { kind: 'paragraph', text: 'Hola:' },
          {
            kind: 'paragraph',
            text: `Un pequeño recordatorio: el ejercicio «${data.exerciseTitle}» está previsto para el ${due}. No hace falta que sea perfecto; unos minutos sinceros ya cuentan.`,
          },
          { kind: 'action', label: 'Abrir el ejercicio', url: data.exerciseUrl },
          preferencesNote(data, locale),
        ],
      },
      locale,
    );
  }
  return render(
    {
      subject: 'Reminder: an exercise is due soon',
      blocks: [
        { kind: 'paragraph', text: 'Hello,' },
        {
          kind: 'paragraph',
          text: `A gentle reminder: “${data.exerciseTitle}” is due on ${due}. It doesn't have to be perfect; a few honest minutes count.`,
        },
        { kind: 'action', label: 'Open the exercise', url: data.exerciseUrl },
        preferencesNote(data, locale),
      ],
    },
    locale,
  );
};

export const reminderOverdue: MailTemplate<'reminder_overdue'> = (data, locale) => {
  const due = formatLocalTime(data.dueAt, data.timeZone, locale);
  if (locale === 'es') {
    return render(
      {
        subject: 'Un ejercicio te está esperando',
        blocks: [
          { kind: 'paragraph', text: 'Hola:' },
          {
            kind: 'paragraph',
            text: `El ejercicio «${data.exerciseTitle}» estaba previsto para el ${due}. Todavía puedes hacerlo. Si algo te lo está poniendo difícil, puede ayudar hablarlo en la próxima sesión.`,
          },
          { kind: 'action', label: 'Abrir el ejercicio', url: data.exerciseUrl },
          preferencesNote(data, locale),
        ],
      },
      locale,
    );
  }
  return render(
    {
      subject: 'An exercise is waiting for you',
      blocks: [
        { kind: 'paragraph', text: 'Hello,' },
        {
          kind: 'paragraph',
          text: `“${data.exerciseTitle}” was due on ${due}. You can still do it. If something is getting in the way, it may help to bring it up at your next session.`,
        },
        { kind: 'action', label: 'Open the exercise', url: data.exerciseUrl },
        preferencesNote(data, locale),
      ],
    },
    locale,
  );
};

export const therapistDigest: MailTemplate<'therapist_digest'> = (data, locale) => {
  const totals = responsesAndAlerts(data.newResponses, data.openAlerts, locale);
  const couples = data.couples.map(
    (couple) =>
      `${couple.label}: ${responsesAndAlerts(couple.newResponses, couple.openAlerts, locale)}`,
  );
  const anything = couples.length > 0 || data.newResponses > 0 || data.openAlerts > 0;
  if (locale === 'es') {
    return render(
      {
        subject: `Tu resumen de Mend: ${totals}`,
        blocks: [
          { kind: 'paragraph', text: `Hola, ${data.therapistName}:` },
          {
            kind: 'paragraph',
            text: anything
              ? `Desde tu último resumen: ${totals}.`
              : 'No hay novedades desde tu último resumen.',
          },
          ...listOf(couples),
          { kind: 'action', label: 'Abrir tu panel', url: data.dashboardUrl },
        ],
      },
      locale,
    );
  }
  return render(
    {
      subject: `Your Mend summary: ${totals}`,
      blocks: [
        { kind: 'paragraph', text: `Hello ${data.therapistName},` },
        {
          kind: 'paragraph',
          text: anything
            ? `Since your last summary: ${totals}.`
            : 'Nothing new since your last summary.',
        },
        ...listOf(couples),
        { kind: 'action', label: 'Open your dashboard', url: data.dashboardUrl },
      ],
    },
    locale,
  );
};

export const escalation: MailTemplate<'escalation'> = (data, locale) => {
  if (locale === 'es') {
    return render(
      {
        subject: 'Una pareja lleva varios ejercicios sin hacer',
        blocks: [
          { kind: 'paragraph', text: 'Hola:' },
          {
            kind: 'paragraph',
            text: `${data.coupleLabel} no ha completado ${count(data.missedInARow, 'ejercicio', 'ejercicios seguidos')}. Quizá sea un buen momento para hablarlo con ellos.`,
          },
          { kind: 'action', label: 'Ver la pareja', url: data.coupleUrl },
        ],
      },
      locale,
    );
  }
  return render(
    {
      subject: 'A couple has missed several exercises',
      blocks: [
        { kind: 'paragraph', text: 'Hello,' },
        {
          kind: 'paragraph',
          text: `${data.coupleLabel} ${data.missedInARow === 1 ? 'has missed an exercise' : `has missed ${data.missedInARow} exercises in a row`}. It may be a good moment to check in with them.`,
        },
        { kind: 'action', label: 'View the couple', url: data.coupleUrl },
      ],
    },
    locale,
  );
};

export const messageWaiting: MailTemplate<'message_waiting'> = (data, locale) => {
  if (locale === 'es') {
    return render(
      {
        subject: 'Tienes un mensaje nuevo en Mend',
        blocks: [
          { kind: 'paragraph', text: 'Hola:' },
          {
            kind: 'paragraph',
            text: 'Te espera un mensaje nuevo en Mend. Por tu privacidad, solo puedes leerlo después de iniciar sesión.',
          },
          { kind: 'action', label: 'Leer el mensaje', url: data.threadUrl },
          {
            kind: 'note',
            text: '¿Prefieres no recibir estos correos?',
            link: { label: 'Cámbialo en tus preferencias', url: data.preferencesUrl },
          },
        ],
      },
      locale,
    );
  }
  return render(
    {
      subject: 'You have a new message in Mend',
      blocks: [
        { kind: 'paragraph', text: 'Hello,' },
        {
          kind: 'paragraph',
          text: 'A new message is waiting for you in Mend. For your privacy, you can read it only after signing in.',
        },
        { kind: 'action', label: 'Read the message', url: data.threadUrl },
        {
          kind: 'note',
          text: 'Rather not get these emails?',
          link: { label: 'Change it in your preferences', url: data.preferencesUrl },
        },
      ],
    },
    locale,
  );
};

const REPORT_NAMES = {
  en: {
    clinic_monthly: 'monthly clinic report',
    session_prep: 'session preparation summary',
    couple_export: 'data export',
  },
  es: {
    clinic_monthly: 'informe mensual de la clínica',
    session_prep: 'resumen para preparar la sesión',
    couple_export: 'exportación de datos',
  },
} as const;

export const reportReady: MailTemplate<'report_ready'> = (data, locale) => {
  const name = REPORT_NAMES[locale][data.reportKind];
  if (locale === 'es') {
    return render(
      {
        subject: `Ya puedes descargarlo: ${name}`,
        blocks: [
          { kind: 'paragraph', text: 'Hola:' },
          {
            kind: 'paragraph',
            text: `Ya está preparado lo que pediste (${name}). Inicia sesión en Mend para descargarlo.`,
          },
          { kind: 'action', label: 'Abrir Mend', url: data.reportsUrl },
        ],
      },
      locale,
    );
  }
  return render(
    {
      subject: `Your ${name} is ready`,
      blocks: [
        { kind: 'paragraph', text: 'Hello,' },
        {
          kind: 'paragraph',
          text: `The ${name} you asked for is ready. Sign in to Mend to download it.`,
        },
        { kind: 'action', label: 'Open Mend', url: data.reportsUrl },
      ],
    },
    locale,
  );
};

export const emailVerification: MailTemplate<'email_verification'> = (data, locale) => {
  const expires = formatLocalTime(data.expiresAt, data.timeZone, locale);
  if (locale === 'es') {
    return render(
      {
        subject: `Confirma tu correo para ${data.clinicName} en Mend`,
        blocks: [
          { kind: 'paragraph', text: 'Hola:' },
          {
            kind: 'paragraph',
            text: `Se ha dado de alta ${data.clinicName} en Mend con esta dirección. Confírmala para poder invitar a tu equipo y a las parejas.`,
          },
          { kind: 'action', label: 'Confirmar mi correo', url: data.verifyUrl },
          {
            kind: 'note',
            text: `El enlace es válido hasta el ${expires}. Si no has sido tú, ignora este mensaje: la clínica no podrá invitar a nadie.`,
          },
        ],
      },
      locale,
    );
  }
  return render(
    {
      subject: `Confirm your email for ${data.clinicName} on Mend`,
      blocks: [
        { kind: 'paragraph', text: 'Hello,' },
        {
          kind: 'paragraph',
          text: `${data.clinicName} was signed up to Mend with this address. Confirm it so you can invite your team and your couples.`,
        },
        { kind: 'action', label: 'Confirm my email', url: data.verifyUrl },
        {
          kind: 'note',
          text: `This link works until ${expires}. If this wasn't you, ignore this email: the clinic cannot invite anyone.`,
        },
      ],
    },
    locale,
  );
};

/** Every template by name. */
export const mailTemplates: { readonly [K in TemplateName]: MailTemplate<K> } = {
  invitation,
  password_reset: passwordReset,
  reminder_due_soon: reminderDueSoon,
  reminder_overdue: reminderOverdue,
  therapist_digest: therapistDigest,
  escalation,
  message_waiting: messageWaiting,
  email_verification: emailVerification,
  report_ready: reportReady,
};

export const TEMPLATE_NAMES = Object.keys(mailTemplates) as TemplateName[];

export function renderMail<K extends TemplateName>(
  template: K,
  data: TemplateData[K],
  locale: MailLocale,
): RenderedMail {
  const build: MailTemplate<K> = mailTemplates[template];
  return build(data, locale);
}
