import type { ProgramTranslation } from '../exercise-translation';

/** Spanish for programs.ts, keyed by program key. */
export const PROGRAMS_ES: Readonly<Record<string, ProgramTranslation>> = {
  'trust-repair-8-weeks': {
    title: 'Reconstruir la confianza: un camino de 8 semanas',
    summary:
      'Un camino paso a paso para parejas que reparan la confianza después de una traición: entender de dónde viene la desconfianza, asumir la responsabilidad y pedir perdón, mostrar el cambio con hechos y promesas cumplidas, acordar cómo será la apertura y, al final, crear juntos buenos recuerdos nuevos.',
  },
  'communication-foundations-4-weeks': {
    title: 'Bases de la comunicación: 4 semanas',
    summary:
      'Cuatro semanas de pequeños hábitos diarios y práctica semanal: ver cómo está cada uno, hablar desde tu lado, escuchar y devolver lo que oíste, una reunión de pareja fija y un tiempo solo para los dos.',
  },
};
