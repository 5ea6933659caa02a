// Text from outside enters the server in one shape (text/inputText.ts): every JSON and form body and
// every query string loses its control characters before any route reads it. An address with control
// characters in a path parameter is refused instead: it names nothing, and cleaning it would make two
// addresses name the same page.
import type { FastifyInstance } from "fastify";
import { AppError } from "../../domain/errors.js";
import { InputTooDeep, MAX_DEPTH, cleanValue, hasControlCharacters } from "../../text/inputText.js";

export function registerInputBoundary(app: FastifyInstance): void {
  // onRequest: before the access rules (plugins/auth.ts) read :orgId or anything else of the address.
  app.addHook("onRequest", async (request) => {
    for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
      if (typeof value === "string" && hasControlCharacters(value))
        throw new AppError("VALIDATION_FAILED", {
          userMessage: "Die Adresse ist ungültig: Sie enthält Steuerzeichen.",
          details: { reason: "control_characters", field: name },
        });
    }
    request.query = cleaned(request.query);
  });
  // preValidation: the first moment the body is parsed, before any handler reads it.
  app.addHook("preValidation", async (request) => {
    if (request.body !== undefined) request.body = cleaned(request.body);
  });
}

function cleaned<T>(value: T): T {
  try {
    return cleanValue(value);
  } catch (error) {
    if (!(error instanceof InputTooDeep)) throw error;
    throw new AppError("VALIDATION_FAILED", { details: { reason: "nested_too_deep", limit: MAX_DEPTH } });
  }
}
