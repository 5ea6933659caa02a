// A use case that updates a row reads it back with UPDATE … RETURNING; no row means it is gone.
import { AppError } from "../../domain/errors.js";

export function found<T>(value: T | undefined): T {
  if (value === undefined) throw new AppError("NOT_FOUND");
  return value;
}
