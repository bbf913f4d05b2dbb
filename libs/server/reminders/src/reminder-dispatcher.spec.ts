import { sendBatchJobId } from './reminder-dispatcher.service';

describe('sendBatchJobId', () => {
  const clinicId = '0b7f4a52-3c1e-4f0a-9d2b-6e8c1a7f5d34';
  const dueAt = new Date('2026-09-01T17:00:30Z');
  const row = (id: string, attempts = 0) => ({ delivery_id: id, attempts, due_at: dueAt });
  const batch = [
    row('c41d2e6f-8a9b-4c3d-b2e1-f0a9b8c7d6e5'),
    row('d52e3f70-9bac-4d4e-83f2-01bac9d8e7f6'),
  ];
  const lease = 120_000;
  const at = new Date('2026-09-01T17:01:00Z');
  const minute = Math.floor(dueAt.getTime() / 60_000);

  it('names the clinic, the due minute and the first delivery, without colons', () => {
    const id = sendBatchJobId(clinicId, batch, at, lease);
    expect(id).toMatch(
      new RegExp(`^send\\.${clinicId}\\.${minute}\\.${batch[0]?.delivery_id}\\.[0-9a-f]{16}$`),
    );
    expect(id).not.toContain(':');
  });

  it('is the same for the same batch found again, and new when the batch differs', () => {
    const id = sendBatchJobId(clinicId, batch, at, lease);
    expect(sendBatchJobId(clinicId, [...batch], new Date(at.getTime() + 30_000), lease)).toBe(id);
    const grown = [...batch, row('e63f4081-acbd-4e5f-94a3-12cbdae9f807')];
    expect(sendBatchJobId(clinicId, grown, at, lease)).not.toBe(id);
    expect(sendBatchJobId(clinicId, batch.slice(0, 1), at, lease)).not.toBe(id);
  });

  it('is new once the first delivery has been tried', () => {
    const base = sendBatchJobId(clinicId, batch, at, lease);
    const [first, ...rest] = batch;
    if (!first) throw new Error('no first row');
    expect(sendBatchJobId(clinicId, [{ ...first, attempts: 2 }, ...rest], at, lease)).toBe(
      `${base}.a2`,
    );
  });

  it('is new every lease period once the batch has been due for longer than a lease', () => {
    const base = sendBatchJobId(clinicId, batch, at, lease);
    const later = new Date(dueAt.getTime() + lease + 1);
    const generation = Math.floor(later.getTime() / lease);
    expect(sendBatchJobId(clinicId, batch, later, lease)).toBe(`${base}.g${generation}`);
    expect(sendBatchJobId(clinicId, batch, new Date(later.getTime() + lease), lease)).toBe(
      `${base}.g${generation + 1}`,
    );
  });

  it('refuses an empty batch', () => {
    expect(() => sendBatchJobId(clinicId, [], at, lease)).toThrow('a send batch needs a delivery');
  });
});
