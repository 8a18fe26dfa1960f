import type { CurrentUser, LoginResponse } from '@nguon/shared';

/** What a sign-in leaves in the browser: the bearer token, when it ends, and who it is. */
export interface Session {
  accessToken: string;
  expiresAt: string;
  user: CurrentUser;
}

/** Why the session ended, so the sign-in page can say so. */
export type SessionEndReason = 'signed-out' | 'expired';

const STORAGE_KEY = 'nguon.session';
/** setTimeout's longest delay (about 24.8 days); longer sessions are re-checked then. */
const MAX_TIMER = 2 ** 31 - 1;

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Session>;
  return (
    typeof v.accessToken === 'string' &&
    typeof v.expiresAt === 'string' &&
    typeof v.user === 'object' &&
    v.user !== null &&
    typeof v.user.id === 'string' &&
    Array.isArray(v.user.memberships)
  );
}

const hasEnded = (session: Session) => !(Date.parse(session.expiresAt) > Date.now());

function readStored(): Session | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) && !hasEnded(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function writeStored(session: Session | null): void {
  try {
    if (session) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage unavailable: the session still holds for this page.
  }
}

let current: Session | null = readStored();
let lastEnd: SessionEndReason | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Ends the session by itself when the token expires, so no page keeps a dead token. */
function scheduleExpiry(): void {
  clearTimeout(timer);
  if (!current) return;
  const delay = Date.parse(current.expiresAt) - Date.now();
  timer = setTimeout(
    () => {
      if (current && hasEnded(current)) endSession('expired');
      else scheduleExpiry();
    },
    Math.max(0, Math.min(delay, MAX_TIMER)),
  );
}

function set(session: Session | null): void {
  current = session;
  writeStored(session);
  scheduleExpiry();
  emit();
}

export function getSession(): Session | null {
  return current;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession(response: LoginResponse): void {
  lastEnd = null;
  set({ accessToken: response.accessToken, expiresAt: response.expiresAt, user: response.user });
}

/** Replaces the signed-in user's details (after `GET /api/auth/me`), keeping the token. */
export function updateSessionUser(user: CurrentUser, token: string): void {
  if (current?.accessToken === token) set({ ...current, user });
}

export function endSession(reason: SessionEndReason): void {
  if (!current) return;
  lastEnd = reason;
  set(null);
}

/** Why the last session ended in this tab, if it did. */
export function lastSessionEnd(): SessionEndReason | null {
  return lastEnd;
}

// Signing in or out in another tab applies here too (in a browser: the server renders some pages).
if (typeof window !== 'undefined')
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    const stored = readStored();
    if (stored?.accessToken === current?.accessToken) return;
    if (!stored) lastEnd = 'signed-out';
    current = stored;
    scheduleExpiry();
    emit();
  });

scheduleExpiry();
