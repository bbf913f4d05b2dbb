import type { AlertKind, DeliveryKind } from '@mend/shared-contracts';

export type ReportLocale = 'en' | 'es';

export function reportLocale(locale: string): ReportLocale {
  return locale === 'es' ? 'es' : 'en';
}

/** The words of report PDFs, in English and Spanish (the figures are the same). */
export const REPORT_TEXT = {
  en: {
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    monthlyTitle: 'Monthly clinic report',
    period: (start: string, end: string) => `${start} to ${end}`,
    generated: (at: string) => `Generated ${at}`,
    noAnswerText: 'Counts only: this report holds no answer text.',
    overview: 'The month at a glance',
    couples: 'Couples',
    newCouples: 'New',
    closedCouples: 'Closed',
    occurrencesDue: 'Exercises due',
    answerRate: 'Answers given',
    engagement: 'Engagement',
    bothAnswered: 'Both partners answered',
    oneAnswered: 'One partner answered',
    noneAnswered: 'Nobody answered',
    engagementNote:
      'Each exercise due in the month, by how many of the partners it was for answered it.',
    byTherapist: 'By therapist',
    therapist: 'Therapist',
    caseload: 'Couples',
    answers: 'Answers',
    reminders: 'Reminders',
    reminderKind: 'Kind',
    sent: 'Sent',
    failed: 'Failed',
    alerts: 'Unresolved alerts at month end',
    alertKind: 'Kind',
    count: 'Count',
    none: 'None.',
    reminderKinds: {
      due_soon: 'Due soon',
      overdue: 'Overdue',
      digest: 'Therapist digest',
      escalation: 'Escalation',
    } satisfies Record<DeliveryKind, string>,
    alertKinds: {
      missed_streak: 'Missed in a row',
      asymmetry: 'One partner carrying the work',
      safety: 'Safety',
    } satisfies Record<AlertKind, string>,
  },
  es: {
    page: (page: number, pages: number) => `Página ${page} de ${pages}`,
    monthlyTitle: 'Informe mensual de la clínica',
    period: (start: string, end: string) => `Del ${start} al ${end}`,
    generated: (at: string) => `Generado el ${at}`,
    noAnswerText: 'Solo recuentos: este informe no contiene el texto de ninguna respuesta.',
    overview: 'El mes de un vistazo',
    couples: 'Parejas',
    newCouples: 'Nuevas',
    closedCouples: 'Cerradas',
    occurrencesDue: 'Ejercicios previstos',
    answerRate: 'Respuestas dadas',
    engagement: 'Participación',
    bothAnswered: 'Respondieron ambos',
    oneAnswered: 'Respondió uno',
    noneAnswered: 'No respondió nadie',
    engagementNote:
      'Cada ejercicio previsto en el mes, según cuántos de los miembros a quienes iba dirigido lo respondieron.',
    byTherapist: 'Por terapeuta',
    therapist: 'Terapeuta',
    caseload: 'Parejas',
    answers: 'Respuestas',
    reminders: 'Recordatorios',
    reminderKind: 'Tipo',
    sent: 'Enviados',
    failed: 'Fallidos',
    alerts: 'Alertas sin resolver a fin de mes',
    alertKind: 'Tipo',
    count: 'Número',
    none: 'Ninguna.',
    reminderKinds: {
      due_soon: 'Próximo a vencer',
      overdue: 'Vencido',
      digest: 'Resumen del terapeuta',
      escalation: 'Aviso al terapeuta',
    } satisfies Record<DeliveryKind, string>,
    alertKinds: {
      missed_streak: 'Varios sin hacer seguidos',
      asymmetry: 'Un miembro carga con el trabajo',
      safety: 'Seguridad',
    } satisfies Record<AlertKind, string>,
  },
} as const;
