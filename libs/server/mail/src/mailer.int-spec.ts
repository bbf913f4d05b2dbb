import { createServer } from 'node:net';
import { Test, type TestingModule } from '@nestjs/testing';
import { ConfigModule } from '@mend/server-config';
import { startMailSink, testConfig, type MailSink } from '@mend/server-testing';
import { MailSendError } from './mail-send.error';
import { MailModule } from './mail.module';
import { Mailer } from './mailer.service';

/** A port on which nothing listens: bound once by the OS, then released. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function mailerFor(smtpUrl: string): Promise<{ module: TestingModule; mailer: Mailer }> {
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(testConfig({ SMTP_URL: smtpUrl, MAIL_FROM: 'Mend <hello@mend.test>' })),
      MailModule,
    ],
  }).compile();
  await module.init();
  return { module, mailer: module.get(Mailer) };
}

// Checked by `typecheck`, never run: a template's data must match its name.
export function dataMustMatchTemplate(mailer: Mailer): Promise<unknown> {
  return mailer.send({
    to: 'x@example.com',
    template: 'password_reset',
    locale: 'en',
    // @ts-expect-error an escalation's data is not a password reset's
    data: { coupleLabel: 'Couple 7', missedInARow: 3, coupleUrl: 'https://app.mend.test/c/7' },
  });
}

const invitation = {
  clinicName: 'Clínica Puente',
  inviterName: 'Lucía Ferrer',
  role: 'client' as const,
  acceptUrl: 'https://app.mend.test/invite/accept?token=abc123',
  expiresAt: new Date('2025-04-03T18:00:00Z'),
  timeZone: 'Europe/Madrid',
};

describe('Mailer over real SMTP', () => {
  let sink: MailSink;
  let module: TestingModule;
  let mailer: Mailer;

  beforeAll(async () => {
    sink = await startMailSink();
    ({ module, mailer } = await mailerFor(sink.smtpUrl));
  });

  afterEach(() => sink.clear());

  afterAll(async () => {
    await module.close();
    await sink.stop();
  });

  it('delivers a Spanish invitation to the recipient, with its subject and link', async () => {
    const { messageId } = await mailer.send({
      to: 'marta@example.com',
      template: 'invitation',
      locale: 'es',
      data: invitation,
    });
    expect(messageId).toMatch(/^<.+@.+>$/);

    const mail = await sink.waitForMessage((m) => m.to.includes('marta@example.com'));
    expect(mail.to).toEqual(['marta@example.com']);
    expect(mail.envelopeTo).toEqual(['marta@example.com']);
    expect(mail.from).toEqual(['hello@mend.test']);
    expect(mail.subject).toBe('Lucía Ferrer te invita a unirte a Clínica Puente en Mend');
    expect(mail.text).toContain(invitation.acceptUrl);
    expect(mail.text).toContain('jueves, 3 de abril, 20:00 CEST');
    expect(mail.html).toContain(`href="${invitation.acceptUrl}"`);
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    expect(await sink.messages()).toHaveLength(1);
  });

  it('sends several messages through the pool, each to its own recipient', async () => {
    const recipients = ['a@example.com', 'b@example.com', 'c@example.com'];
    await Promise.all(
      recipients.map((to) =>
        mailer.send({
          to,
          template: 'escalation',
          locale: 'en',
          data: {
            coupleLabel: 'Couple 7',
            missedInARow: 3,
            coupleUrl: 'https://app.mend.test/c/7',
          },
        }),
      ),
    );
    for (const to of recipients) {
      const mail = await sink.waitForMessage((m) => m.to.includes(to));
      expect(mail.envelopeTo).toEqual([to]);
      expect(mail.subject).toBe('A couple has missed several exercises');
    }
    expect(await sink.messages()).toHaveLength(3);
  });

  it('lets a test wait for mail, and says what arrived when none matches', async () => {
    const waiting = sink.waitForMessage((m) => m.to.includes('late@example.com'));
    await mailer.send({
      to: 'late@example.com',
      template: 'password_reset',
      locale: 'en',
      data: { resetUrl: 'https://app.mend.test/r', expiresAt: new Date(), timeZone: 'UTC' },
    });
    expect((await waiting).subject).toBe('Reset your Mend password');
    await expect(sink.waitForMessage((m) => m.subject === 'nothing like it', 200)).rejects.toThrow(
      'no matching mail within 200 ms (received 1: "Reset your Mend password")',
    );
  });

  it('gives a message the Message-ID its caller derived, the same on every send of it', async () => {
    const messageId = mailer.messageIdFor('3f0c2a9e-1b7d-4c55-9a8e-0d6f4b2c7e11');
    expect(messageId).toBe('<3f0c2a9e-1b7d-4c55-9a8e-0d6f4b2c7e11@mend.test>');
    const data = {
      coupleLabel: 'Couple 9',
      missedInARow: 3,
      coupleUrl: 'https://app.mend.test/c/9',
    };
    for (let copy = 0; copy < 2; copy += 1) {
      const sent = await mailer.send({
        to: 'twice@example.com',
        template: 'escalation',
        locale: 'en',
        data,
        messageId,
      });
      expect(sent.messageId).toBe(messageId);
    }
    await mailer.send({ to: 'other@example.com', template: 'escalation', locale: 'en', data });
    const received = await sink.messages();
    expect(received.map((m) => [m.to, m.headers['message-id']])).toEqual([
      [['twice@example.com'], messageId],
      [['twice@example.com'], messageId],
      [['other@example.com'], expect.not.stringContaining('3f0c2a9e')],
    ]);
  });

  it('refuses a Message-ID that is not one, before talking SMTP', async () => {
    for (const messageId of ['no-brackets@mend.test', '<a@b>\r\nBcc: x@example.com', '<a b@c>']) {
      await expect(
        mailer.send({
          to: 'a@example.com',
          template: 'invitation',
          locale: 'en',
          data: invitation,
          messageId,
        }),
      ).rejects.toThrow('not a Message-ID');
    }
    expect(() => mailer.messageIdFor('a>b')).toThrow('not usable in a Message-ID');
    expect(await sink.messages()).toHaveLength(0);
  });

  it('answers a health check', async () => {
    await expect(mailer.verify()).resolves.toBeUndefined();
  });

  it('refuses anything but one bare address, before talking SMTP', async () => {
    for (const to of [
      'a@example.com, b@example.com',
      'Someone <a@example.com>',
      'not-an-address',
    ]) {
      const sending = mailer.send({ to, template: 'invitation', locale: 'en', data: invitation });
      await expect(sending).rejects.toBeInstanceOf(MailSendError);
      await expect(sending).rejects.toMatchObject({ code: 'EINVALIDRECIPIENT', permanent: true });
    }
    expect(await sink.messages()).toHaveLength(0);
  });
});

describe('Mailer without a reachable server', () => {
  let module: TestingModule;
  let mailer: Mailer;

  beforeAll(async () => {
    ({ module, mailer } = await mailerFor(`smtp://127.0.0.1:${await closedPort()}`));
  });

  afterAll(() => module.close());

  it('rejects a send with a MailSendError that names no address', async () => {
    let caught: unknown;
    try {
      await mailer.send({
        to: 'private.person@example.com',
        template: 'password_reset',
        locale: 'en',
        data: {
          resetUrl: 'https://app.mend.test/reset?token=secret-token',
          expiresAt: new Date(),
          timeZone: 'UTC',
        },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MailSendError);
    const error = caught as MailSendError;
    expect(['ESOCKET', 'ECONNECTION']).toContain(error.code);
    expect(error.permanent).toBe(false);
    expect(error.template).toBe('password_reset');
    expect(error.message).toMatch(/^could not send "password_reset" mail: E[A-Z]+$/);
    expect(error.cause).toBeUndefined();
    const logged = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(logged).not.toContain('private.person');
    expect(logged).not.toContain('secret-token');
  });

  it('fails its health check', async () => {
    await expect(mailer.verify()).rejects.toBeInstanceOf(MailSendError);
  });
});

describe('Mailer after shutdown', () => {
  it('closes its connections on shutdown, and rejects later sends instead of hanging', async () => {
    const sink = await startMailSink();
    try {
      const { module, mailer } = await mailerFor(sink.smtpUrl);
      await mailer.send({
        to: 'before@example.com',
        template: 'escalation',
        locale: 'es',
        data: { coupleLabel: 'Pareja 2', missedInARow: 2, coupleUrl: 'https://app.mend.test/c/2' },
      });
      await module.close();
      await expect(
        mailer.send({
          to: 'after@example.com',
          template: 'escalation',
          locale: 'es',
          data: {
            coupleLabel: 'Pareja 2',
            missedInARow: 2,
            coupleUrl: 'https://app.mend.test/c/2',
          },
        }),
      ).rejects.toMatchObject({ name: 'MailSendError', code: 'ECLOSED' });
      expect((await sink.messages()).map((m) => m.to)).toEqual([['before@example.com']]);
      // Its pooled connection was closed too: the sink stops at once instead of waiting out
      // its two-second grace period for a lingering client.
      const stopping = Date.now();
      await sink.stop();
      expect(Date.now() - stopping).toBeLessThan(1_000);
    } finally {
      await sink.stop();
    }
  });
});
