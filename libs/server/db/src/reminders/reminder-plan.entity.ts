import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Occurrence } from '../clinical/occurrence.entity';

/** Marks an occurrence whose partner nudges have been planned as deliveries. */
@Entity({ name: 'reminder_plans' })
export class ReminderPlan {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_reminder_plans' })
  clinicId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_reminder_plans' })
  occurrenceId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  plannedAt!: Date;

  @ManyToOne(() => Occurrence, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_reminder_plans_occurrence',
    },
    {
      name: 'occurrence_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_reminder_plans_occurrence',
    },
  ])
  occurrence?: Occurrence;
}
