// The registry of error codes. Codes are never reused; each is documented in docs/ERRORS.md
// and has a translation under errors.<CODE> in web/src/i18n. HTTP mapping lives in server/plugins/errors.ts.

export const ERROR_CODES = [
  "VALIDATION_FAILED",
  "NOT_AUTHENTICATED",
  "NOT_ALLOWED",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_CREDENTIALS",
  "ACCOUNT_LOCKED",
  "PASSWORD_CHANGE_REQUIRED",
  "PASSWORD_TOO_WEAK",
  "CSRF_FAILED",
  "RATE_LIMITED",
  "LAST_ADMINISTRATOR",
  "PAYLOAD_TOO_LARGE",
  "INTERNAL",
  "INVALID_TRANSITION",
  "GUIDELINE_VIOLATION",
  "GUIDELINE_NOT_ACKNOWLEDGED",
  "EDIT_CONFLICT",
  "UNSUPPORTED_MEDIA",
  "PROOF_OF_WORK_FAILED",
  "NETIQUETTE_NOT_ACCEPTED",
  "DUPLICATE_COMMENT",
  "COMMENTS_CLOSED",
  "POLL_CLOSED",
  "ALREADY_VOTED",
  "SPAM_SUSPECTED",
  "CHANNEL_UNSUPPORTED",
  "CHANNEL_FAILED",
  "CHANNEL_AUTH_FAILED",
  "CHANNEL_SERVER_NOT_ALLOWED",
  "CHANNEL_SERVER_UNAVAILABLE",
  "CHANNEL_APP_NOT_CONFIGURED",
  "INVITATION_INVALID",
  "INVITATION_NEEDS_SIGN_IN",
  "INVITATION_OTHER_ADDRESS",
  "AUDIT_TRAIL_DAMAGED",
  "WEBHOOK_SIGNATURE_INVALID",
  "WEBHOOK_EVENT_STALE",
  "CHANNEL_NETWORK_NOT_ENABLED",
  "CHANNEL_NETWORK_IN_USE",
  "ANSWER_WINDOW_CLOSED",
  "MEDIA_ADDRESS_EXPIRED",
  "PERSONAL_DATA_FOUND",
  "FEED_REFUSED",
  "FEED_WITHDRAWN",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorOptions {
  /** Safe to show to the user; the UI prefers the translation of the code. */
  userMessage?: string;
  /** Safe, structured details (field names, limits) — never secrets or citizen texts. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.userMessage ?? code, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = options.userMessage;
    this.details = options.details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
