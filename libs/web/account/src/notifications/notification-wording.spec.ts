import { relativeTime } from '@mend/web-i18n';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';

import type { NotificationRecord } from '../common/account-api';
import { accountMessagesEn } from '../i18n/account-messages.en';
import { accountMessagesEs } from '../i18n/account-messages.es';
import { type SubjectNames, describeNotification } from './notification-wording';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const OCCURRENCE = '0b7d2c1e-7c55-4a55-9f4e-1f3f0a6a0001';
const COUPLE = '0b7d2c1e-7c55-4a55-9f4e-1f3f0a6a0002';

const translators = {
  en: polyglotI18nProvider(() => ({ ...englishMessages, ...accountMessagesEn }), 'en').translate,
  es: polyglotI18nProvider(() => ({ ...englishMessages, ...accountMessagesEs }), 'es').translate,
};

const noNames: SubjectNames = { exercises: new Map(), couples: new Map() };
const named: SubjectNames = {
  exercises: new Map([[OCCURRENCE, 'Listen and reflect back']]),
  couples: new Map([[COUPLE, 'Priya & Tom']]),
};

const notification = (
  kind: NotificationRecord['kind'],
  detail: NotificationRecord['detail'],
): NotificationRecord => ({
  id: 'n1',
  kind,
  occurrenceId: kind === 'due_soon' || kind === 'overdue' ? OCCURRENCE : null,
  coupleId: kind === 'escalation' ? COUPLE : null,
  alertId: null,
  detail,
  link: '/',
  createdAt: new Date(NOW - 3 * 3600_000).toISOString(),
  readAt: null,
});

const describeIn = (locale: 'en' | 'es', n: NotificationRecord, names = named) =>
  describeNotification(n, names, translators[locale], locale, NOW);

describe('describeNotification', () => {
  const dueSoon = notification('due_soon', { dueAt: '2026-11-22T14:00:00Z' });

  it('names the exercise of a due-soon nudge and says when it is due, in both languages', () => {
    expect(describeIn('en', dueSoon)).toEqual({
      kind: 'Coming up',
      title: '“Listen and reflect back” is coming up',
      body: 'Due in 2 hours',
    });
    expect(describeIn('es', dueSoon)).toEqual({
      kind: 'Próximamente',
      title: '«Listen and reflect back» se acerca',
      body: 'Vence dentro de 2 horas',
    });
  });

  it('falls back to plain words when the exercise cannot be named', () => {
    expect(describeIn('en', dueSoon, noNames).title).toBe('An exercise is coming up');
    expect(describeIn('en', notification('overdue', {}), noNames)).toEqual({
      kind: 'Still open',
      title: 'An exercise is still open',
      body: 'No rush. It is there whenever you are ready.',
    });
  });

  it('sums up a digest from its figures, with plurals', () => {
    const digest = notification('digest', { newResponses: 3, openAlerts: 1, couples: 2 });
    expect(describeIn('en', digest)).toEqual({
      kind: 'Daily summary',
      title: 'Your daily summary',
      body: '3 new answers, 1 open alert across 2 couples',
    });
    expect(describeIn('es', digest).body).toBe('3 respuestas nuevas, 1 aviso abierto en 2 parejas');
  });

  it('names the couple of an escalation and how many were missed', () => {
    const escalation = notification('escalation', { missedInARow: 4 });
    expect(describeIn('en', escalation)).toEqual({
      kind: 'Needs attention',
      title: 'Priya & Tom may need your attention',
      body: 'No answers to 4 exercises in a row.',
    });
    expect(describeIn('es', escalation, noNames).title).toBe(
      'Una pareja puede necesitar tu atención',
    );
  });
});

describe('relativeTime', () => {
  it('speaks the reader’s language, in the nearest whole unit', () => {
    expect(relativeTime('2026-11-22T09:00:00Z', 'en', NOW)).toBe('3 hours ago');
    expect(relativeTime('2026-11-19T12:00:00Z', 'es', NOW)).toBe('hace 3 días');
    expect(relativeTime('2026-11-21T12:00:00Z', 'en', NOW)).toBe('yesterday');
    expect(relativeTime('2026-11-22T11:59:30Z', 'en', NOW)).toBe('now');
  });
});
