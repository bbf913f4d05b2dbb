import type { AlertKind } from '@mend/shared-contracts';

/** A count and the couples behind it (GET /api/clinic-dashboard). */
export interface Figure {
  count: number;
  coupleIds: string[];
}

interface Engagement {
  due: Figure;
  expectedAnswers: number;
  answers: number;
  bothAnswered: Figure;
  oneAnswered: Figure;
  noneAnswered: Figure;
}

export interface ClinicDashboard {
  from: string;
  to: string;
  couples: { active: Figure; new: Figure; closed: Figure };
  engagement: Engagement;
  therapists: Array<Engagement & { therapistId: string; name: string; couples: Figure }>;
  reminders: { sent: Figure; failed: Figure };
  alerts: Array<Figure & { kind: AlertKind }>;
  outcomes: {
    couples: {
      bothImproved: Figure;
      oneImproved: Figure;
      neitherImproved: Figure;
      anyDeteriorated: Figure;
    };
    partners: { improved: Figure; recovered: Figure; unchanged: Figure; deteriorated: Figure };
  };
}
