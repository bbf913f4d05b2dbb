import type { AnswerValue, Visibility } from '@mend/shared-exercises';
import { registerFlushBeforeLogout } from '@mend/web-auth';
import { useCallback, useEffect, useRef, useState } from 'react';

import {
  type AnswerDraft,
  type OccurrenceDetail,
  answerProblems,
  clientApi,
  httpStatus,
} from '../api/client-api';

/** Long enough not to save on every keystroke, short enough that a closed tab loses little. */
export const DRAFT_DEBOUNCE_MS = 1000;

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'offline' | 'needs_look';

interface LocalCopy {
  answers: AnswerDraft;
  savedAt: string;
  /** One key per attempt to submit, so a retry after a dropped connection is not a second answer. */
  idempotencyKey: string;
}

const localKey = (userId: string, occurrenceId: string) =>
  `mend.client.draft.${userId}.${occurrenceId}`;

function readLocal(key: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const copy = parsed as Partial<LocalCopy>;
    if (typeof copy.savedAt !== 'string' || typeof copy.answers !== 'object' || !copy.answers) {
      return null;
    }
    return {
      answers: copy.answers,
      savedAt: copy.savedAt,
      idempotencyKey:
        typeof copy.idempotencyKey === 'string' ? copy.idempotencyKey : crypto.randomUUID(),
    };
  } catch {
    return null;
  }
}

function writeLocal(key: string, copy: LocalCopy): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // A full or disabled storage only loses the local copy; the server draft still saves.
  }
}

export function clearLocalDraft(userId: string, occurrenceId: string): void {
  window.localStorage.removeItem(localKey(userId, occurrenceId));
}

/**
 * Where typing starts from: the newer of the server draft and this device's copy (a copy made
 * while offline is newer than anything the server has), every prompt with a visibility.
 */
function initialAnswers(detail: OccurrenceDetail, local: LocalCopy | null): AnswerDraft {
  const { prompts, defaultVisibility } = detail.definition;
  const server = detail.myResponse?.status === 'draft' ? detail.myResponse : null;
  const useLocal = local !== null && (server === null || local.savedAt > server.updatedAt);
  const answers: AnswerDraft = {};
  for (const prompt of prompts) {
    const fromLocal = useLocal ? local.answers[prompt.id] : undefined;
    const fromServer = server?.answers[prompt.id];
    if (fromLocal) {
      answers[prompt.id] = fromLocal;
    } else if (fromServer && 'value' in fromServer) {
      answers[prompt.id] = { value: fromServer.value, visibility: fromServer.visibility };
    } else {
      answers[prompt.id] = { value: null, visibility: defaultVisibility };
    }
  }
  return answers;
}

/** Only what was answered goes to the server; an empty field is "not answered yet". */
export function answeredOnly(answers: AnswerDraft): AnswerDraft {
  const sent: AnswerDraft = {};
  for (const [promptId, entry] of Object.entries(answers)) {
    const empty =
      entry.value === null ||
      (typeof entry.value === 'string' && entry.value.trim() === '') ||
      (Array.isArray(entry.value) && entry.value.length === 0);
    if (!empty) sent[promptId] = entry;
  }
  return sent;
}

/**
 * The exercise form's answers, saved twice as the partner types: at once to this device (so a
 * dropped connection or a closed tab loses nothing) and, after a pause, as the server draft.
 */
export function useDraft(detail: OccurrenceDetail, userId: string) {
  const key = localKey(userId, detail.id);
  const [local] = useState(() => readLocal(key));
  const [answers, setAnswers] = useState<AnswerDraft>(() => initialAnswers(detail, local));
  const [status, setStatus] = useState<DraftStatus>('idle');
  const [draftProblems, setDraftProblems] = useState<Record<string, string>>({});
  const idempotencyKey = useRef(local?.idempotencyKey ?? crypto.randomUUID());
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(answers);
  const stopped = useRef(false);
  /** The save on its way, so signing out can wait for it. */
  const inFlight = useRef<Promise<unknown> | null>(null);

  const saveToServer = useCallback(async () => {
    if (stopped.current) return;
    setStatus('saving');
    const request = clientApi.saveDraft(detail.id, answeredOnly(latest.current));
    inFlight.current = request;
    try {
      await request;
      if (!stopped.current) {
        setStatus('saved');
        setDraftProblems({});
      }
    } catch (error) {
      if (stopped.current) return;
      const problems = answerProblems(error);
      if (problems) {
        setDraftProblems(problems);
        setStatus('needs_look');
      } else if (httpStatus(error) === 409) {
        // Already submitted elsewhere (another tab): the page reloads the answer on submit.
        setStatus('idle');
      } else {
        setStatus('offline');
      }
    } finally {
      if (inFlight.current === request) inFlight.current = null;
    }
  }, [detail.id]);

  const update = useCallback(
    (promptId: string, change: { value?: AnswerValue | null; visibility?: Visibility }) => {
      setAnswers((current) => {
        const previous = current[promptId] ?? {
          value: null,
          visibility: detail.definition.defaultVisibility,
        };
        const next = { ...current, [promptId]: { ...previous, ...change } };
        latest.current = next;
        writeLocal(key, {
          answers: next,
          savedAt: new Date().toISOString(),
          idempotencyKey: idempotencyKey.current,
        });
        return next;
      });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        void saveToServer();
      }, DRAFT_DEBOUNCE_MS);
    },
    [detail.definition.defaultVisibility, key, saveToServer],
  );

  // A copy that only this device has (saved while offline) is sent up as soon as the page opens.
  useEffect(() => {
    const server = detail.myResponse?.status === 'draft' ? detail.myResponse : null;
    if (local !== null && (server === null || local.savedAt > server.updatedAt)) {
      void saveToServer();
    }
  }, [detail.myResponse, local, saveToServer]);

  // Retry a failed save when the connection comes back.
  useEffect(() => {
    const retry = () => {
      if (status === 'offline') void saveToServer();
    };
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [saveToServer, status]);

  // Leaving the page mid-pause still sends the last words typed.
  useEffect(
    () => () => {
      if (timer.current !== undefined) {
        window.clearTimeout(timer.current);
        if (!stopped.current)
          void clientApi.saveDraft(detail.id, answeredOnly(latest.current)).catch(() => undefined);
      }
    },
    [detail.id],
  );

  // Signing out sends the words still waiting for the pause, and lets a save on its way finish.
  useEffect(
    () =>
      registerFlushBeforeLogout(async () => {
        const wordsWaiting = timer.current !== undefined;
        window.clearTimeout(timer.current);
        timer.current = undefined;
        // An older save still on its way must not land after the newer one.
        await inFlight.current?.catch(() => undefined);
        if (wordsWaiting) await saveToServer();
      }),
    [saveToServer],
  );

  /** Before submitting: no draft save may land after the answer. */
  const stop = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    stopped.current = true;
  }, []);
  const resume = useCallback(() => {
    stopped.current = false;
  }, []);

  return {
    answers,
    update,
    status,
    draftProblems,
    idempotencyKey: idempotencyKey.current,
    stop,
    resume,
    clear: () => clearLocalDraft(userId, detail.id),
  };
}
