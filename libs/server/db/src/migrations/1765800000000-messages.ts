import type { MigrationInterface, QueryRunner } from 'typeorm';
import { protect } from './row-level-security';

/**
 * Messages between a couple and their therapists: a couple thread and one private thread per
 * partner, messages numbered within their thread (so read state is one number per person and
 * thread, immune to clock ties), and per-person read state. Message notifications ride the
 * reminders pipeline as a new delivery kind pointing at the message.
 */
export class Messages1765800000000 implements MigrationInterface {
  name = 'Messages1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TYPE message_thread_kind AS ENUM ('couple', 'private')`,
      `CREATE TABLE message_threads (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         couple_id uuid NOT NULL,
         kind message_thread_kind NOT NULL,
         partner_user_id uuid,
         last_seq integer NOT NULL DEFAULT 0,
         last_message_at timestamptz,
         created_by_user_id uuid NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_message_threads PRIMARY KEY (clinic_id, id),
         CONSTRAINT ck_message_threads_partner CHECK ((kind = 'private') = (partner_user_id IS NOT NULL)),
         CONSTRAINT fk_message_threads_couple FOREIGN KEY (clinic_id, couple_id) REFERENCES couples (clinic_id, id),
         CONSTRAINT fk_message_threads_partner FOREIGN KEY (clinic_id, partner_user_id) REFERENCES users (clinic_id, id),
         CONSTRAINT fk_message_threads_created_by FOREIGN KEY (clinic_id, created_by_user_id) REFERENCES users (clinic_id, id)
       )`,
      `CREATE UNIQUE INDEX uq_message_threads_couple ON message_threads (clinic_id, couple_id)
         WHERE kind = 'couple'`,
      `CREATE UNIQUE INDEX uq_message_threads_private
         ON message_threads (clinic_id, couple_id, partner_user_id) WHERE kind = 'private'`,
      ...protect('message_threads'),
      `CREATE TABLE messages (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         thread_id uuid NOT NULL,
         seq integer NOT NULL,
         author_user_id uuid NOT NULL,
         body text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         hidden_at timestamptz,
         hidden_by_user_id uuid,
         hidden_reason text,
         CONSTRAINT pk_messages PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_messages_seq UNIQUE (clinic_id, thread_id, seq),
         CONSTRAINT fk_messages_thread FOREIGN KEY (clinic_id, thread_id) REFERENCES message_threads (clinic_id, id),
         CONSTRAINT fk_messages_author FOREIGN KEY (clinic_id, author_user_id) REFERENCES users (clinic_id, id),
         CONSTRAINT fk_messages_hidden_by FOREIGN KEY (clinic_id, hidden_by_user_id) REFERENCES users (clinic_id, id)
       )`,
      `CREATE INDEX ix_messages_author ON messages (clinic_id, author_user_id, created_at)`,
      ...protect('messages'),
      `CREATE TABLE message_reads (
         clinic_id uuid NOT NULL,
         thread_id uuid NOT NULL,
         user_id uuid NOT NULL,
         read_seq integer NOT NULL DEFAULT 0,
         read_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_message_reads PRIMARY KEY (clinic_id, thread_id, user_id),
         CONSTRAINT fk_message_reads_thread FOREIGN KEY (clinic_id, thread_id) REFERENCES message_threads (clinic_id, id),
         CONSTRAINT fk_message_reads_user FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
       )`,
      ...protect('message_reads'),
      // NULL: Mend's own wording, in the reader's language.
      `ALTER TABLE clinics ADD COLUMN messages_notice text`,
      `ALTER TYPE delivery_kind ADD VALUE IF NOT EXISTS 'message'`,
      // Notifications have their own kinds since the reports migration; a message is one too.
      `ALTER TYPE notification_kind ADD VALUE IF NOT EXISTS 'message'`,
      `ALTER TABLE deliveries ADD COLUMN message_id uuid`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // PostgreSQL cannot drop an enum value; 'message' stays in delivery_kind and
    // notification_kind, unused.
    await queryRunner.query(`DELETE FROM notifications WHERE kind = 'message'`);
    await queryRunner.query(`DELETE FROM deliveries WHERE kind = 'message'`);
    await queryRunner.query(`ALTER TABLE deliveries DROP COLUMN message_id`);
    await queryRunner.query(`ALTER TABLE clinics DROP COLUMN messages_notice`);
    await queryRunner.query(`DROP TABLE message_reads`);
    await queryRunner.query(`DROP TABLE messages`);
    await queryRunner.query(`DROP TABLE message_threads`);
    await queryRunner.query(`DROP TYPE message_thread_kind`);
  }
}
