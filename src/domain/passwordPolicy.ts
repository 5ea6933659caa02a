// Rules for passwords people choose (BSI-style length over composition rules).
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = "too_short" | "too_long" | "contains_email" | "too_repetitive";

export function checkPassword(password: string, context: { email: string }): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return "too_short";
  if (length > MAX_PASSWORD_LENGTH) return "too_long";
  const localPart = context.email.split("@")[0]?.toLowerCase() ?? "";
  if (localPart.length >= 4 && password.toLowerCase().includes(localPart)) return "contains_email";
  if (new Set(password).size < 5) return "too_repetitive";
  return null;
}
