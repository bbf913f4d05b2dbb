import { sendBatchJobId } from './reminder-dispatcher.service';

describe('sendBatchJobId', () => {
  const clinicId = '0b7f4a52-3c1e-4f0a-9d2b-6e8c1a7f5d34';
  const first = {
    delivery_id: 'c41d2e6f-8a9b-4c3d-b2e1-f0a9b8c7d6e5',
    attempts: 0,
    due_at: new Date('2026-09-01T17:00:30Z'),
  };
  const lease = 120_000;
  const at = new Date('2026-09-01T17:01:00Z');

  it('names the clinic, the due minute and the first delivery, without colons', () => {
    const id = sendBatchJobId(clinicId, first, at, lease);
    expect(id).toBe(
      `send.${clinicId}.${Math.floor(first.due_at.getTime() / 60_000)}.${first.delivery_id}`,
    );
    expect(id).not.toContain(':');
    expect(sendBatchJobId(clinicId, first, new Date(at.getTime() + 30_000), lease)).toBe(id);
  });

  it('is new once the first delivery has been tried', () => {
    const base = sendBatchJobId(clinicId, first, at, lease);
    expect(sendBatchJobId(clinicId, { ...first, attempts: 2 }, at, lease)).toBe(`${base}.a2`);
  });

  it('is new every lease period once the batch has been due for longer than a lease', () => {
    const base = sendBatchJobId(clinicId, first, at, lease);
    const later = new Date(first.due_at.getTime() + lease + 1);
    const generation = Math.floor(later.getTime() / lease);
    expect(sendBatchJobId(clinicId, first, later, lease)).toBe(`${base}.g${generation}`);
    expect(sendBatchJobId(clinicId, first, new Date(later.getTime() + lease), lease)).toBe(
      `${base}.g${generation + 1}`,
    );
  });
});
