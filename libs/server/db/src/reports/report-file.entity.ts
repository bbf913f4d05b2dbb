import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Report } from './report.entity';

/**
 * One chunk of a report's file. Files are written and read chunk by chunk, so neither the
 * worker nor the API holds a whole large CSV in memory.
 */
@Entity({ name: 'report_files' })
@Check('ck_report_files_format', `format IN ('csv', 'pdf', 'zip')`)
export class ReportFile {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_files' })
  clinicId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_files' })
  reportId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_report_files' })
  format!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_report_files' })
  part!: number;

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  @ManyToOne(() => Report, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_report_files_report',
    },
    {
      name: 'report_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_report_files_report',
    },
  ])
  report?: Report;
}
