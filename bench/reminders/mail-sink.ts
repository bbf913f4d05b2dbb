/**
 * The bench's SMTP sink in a process of its own, as a real mail server would be: maildev
 * stores and parses every message, work that would otherwise compete with the sender for the
 * bench's event loop. Talks to its parent over IPC: it sends `{ smtpUrl }` once listening,
 * answers 'count' with `{ count }`, and stops on 'stop'.
 */
import { startMailSink } from '@mend/server-testing';

async function main(): Promise<void> {
  const sink = await startMailSink();
  process.on('message', (message: unknown) => {
    if (message === 'count') {
      void sink.messages().then((mails) => process.send?.({ count: mails.length }));
    } else if (message === 'stop') {
      void sink.stop().then(() => process.exit(0));
    }
  });
  process.send?.({ smtpUrl: sink.smtpUrl });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
