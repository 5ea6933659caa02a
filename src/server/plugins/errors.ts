// The one place where errors become HTTP responses. Public part: code, i18n key, safe message and
// details; private part (stack, cause) goes to the log only.
import type { FastifyError, FastifyInstance } from "fastify";
import { ZodError } from "zod";
import { AppError, type ErrorCode } from "../../domain/errors.js";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_AUTHENTICATED: 401,
  NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  PASSWORD_TOO_WEAK: 400,
  CSRF_FAILED: 403,
  RATE_LIMITED: 429,
  LAST_ADMINISTRATOR: 409,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
  INVALID_TRANSITION: 409,
  GUIDELINE_VIOLATION: 422,
  GUIDELINE_NOT_ACKNOWLEDGED: 409,
  EDIT_CONFLICT: 409,
  UNSUPPORTED_MEDIA: 415,
  PROOF_OF_WORK_FAILED: 422,
  NETIQUETTE_NOT_ACCEPTED: 409,
  DUPLICATE_COMMENT: 409,
  COMMENTS_CLOSED: 409,
  POLL_CLOSED: 409,
  ALREADY_VOTED: 409,
  SPAM_SUSPECTED: 422,
  CHANNEL_UNSUPPORTED: 409,
  CHANNEL_FAILED: 502,
  CHANNEL_AUTH_FAILED: 400,
  CHANNEL_SERVER_NOT_ALLOWED: 422,
  CHANNEL_SERVER_UNAVAILABLE: 502,
  CHANNEL_APP_NOT_CONFIGURED: 501,
  CHANNEL_NETWORK_NOT_ENABLED: 409,
  CHANNEL_NETWORK_IN_USE: 409,
  ANSWER_WINDOW_CLOSED: 409,
  INVITATION_INVALID: 404,
  INVITATION_NEEDS_SIGN_IN: 409,
  INVITATION_OTHER_ADDRESS: 403,
  AUDIT_TRAIL_DAMAGED: 500,
  WEBHOOK_SIGNATURE_INVALID: 401,
  WEBHOOK_EVENT_STALE: 400,
  MEDIA_ADDRESS_EXPIRED: 410,
  PERSONAL_DATA_FOUND: 422,
  FEED_REFUSED: 422,
  FEED_WITHDRAWN: 410,
};

export function errorBody(code: ErrorCode, requestId: string, message?: string, details?: Record<string, unknown>) {
  return { error: { code: `DRAHT_ERR_${code}`, key: `errors.${code}`, message: message ?? code, details, requestId } };
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("VALIDATION_FAILED", {
      details: { issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code })) },
    });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE") return new AppError("PAYLOAD_TOO_LARGE");
  if (fastifyError.statusCode === 429) return new AppError("RATE_LIMITED");
  if (fastifyError.validation || fastifyError.code?.startsWith("FST_ERR_CTP")) {
    return new AppError("VALIDATION_FAILED", { userMessage: fastifyError.message });
  }
  return new AppError("INTERNAL", { cause: error });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    const status = HTTP_STATUS[appError.code];
    if (status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: appError.code }, "request refused");
    if (appError.code === "RATE_LIMITED") {
      const retryAfter = reply.getHeader("retry-after") ?? appError.details?.retryAfterSeconds;
      if (retryAfter !== undefined) reply.header("retry-after", retryAfter);
    }
    const message = status >= 500 ? "Internal error" : (appError.userMessage ?? appError.code);
    return reply.status(status).send(errorBody(appError.code, request.id, message, appError.details));
  });
}
