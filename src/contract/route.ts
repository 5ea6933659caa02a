// What a route of the HTTP API promises, as data: its inputs and its answers as zod schemas, keyed by
// "METHOD /path". The server registers its routes from these (validation and response serialisation), the
// OpenAPI document is generated from them, and the web app derives its types from them — one source.
// Pure: zod and the domain's constants only, so the web app can import it (types only).
import { z } from "zod";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
/** "GET /api/orgs/:orgId" — the method, a space, and the path in Fastify's syntax (`:name` parameters). */
export type RouteKey = `${Method} /${string}`;

/** An answer that is not a JSON document: the route writes it itself (a file, a redirect, an event stream). */
export interface RawAnswer {
  readonly raw: "file" | "redirect" | "events" | "empty";
  readonly description: string;
  readonly contentTypes?: readonly string[];
}

export type Answer = z.ZodType | RawAnswer;

export interface RouteContract {
  readonly summary: string;
  readonly description?: string;
  /** The group the route belongs to in the document (e.g. "Inbox"). */
  readonly tag: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** A request body that is not JSON (the media upload): the content types it accepts. */
  readonly rawBody?: readonly string[];
  /** Every answer other than an error, by HTTP status. Errors share one shape (ZErrorBody). */
  readonly responses: Readonly<Partial<Record<number, Answer>>>;
  /** The citizens' session header (x-draht-session): required to act as a citizen, optional where it only shapes the view. */
  readonly citizenSession?: "optional" | "required";
}

export type ContractGroup = Readonly<Record<RouteKey, RouteContract>>;

export const noContent: RawAnswer = { raw: "empty", description: "Done; no content." };

export function isRawAnswer(answer: Answer): answer is RawAnswer {
  return !(answer instanceof z.ZodType);
}

/** Method and path of a route key. */
export function splitRouteKey(key: RouteKey): { method: Method; path: string } {
  const space = key.indexOf(" ");
  return { method: key.slice(0, space) as Method, path: key.slice(space + 1) };
}

// ---- Types derived from a route, for the server's handlers and the web app's client ----

/** What JSON.stringify makes of a value: dates travel as ISO strings. */
export type JsonOf<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? JsonOf<U>[]
    : T extends object
      ? { [K in keyof T]: JsonOf<T[K]> }
      : T;

/**
 * What a client receives for a schema: the server serialises its (parsed, complete) value, so defaults are
 * filled in and timestamps are strings.
 */
export type Wire<S extends z.ZodType> = JsonOf<z.output<S>>;

type SuccessStatus = 200 | 201 | 204;
type Responses<R extends RouteContract> = R["responses"];

/** The answer a client receives on success: the JSON of the success statuses, undefined for an empty one. */
export type ResponseOf<R extends RouteContract> = {
  [S in keyof Responses<R> & SuccessStatus]: Responses<R>[S] extends z.ZodType ? Wire<Responses<R>[S]> : undefined;
}[keyof Responses<R> & SuccessStatus];

/** Arrays may be read-only where a value is only read (serialised). */
type ReadableAs<T> = T extends Date
  ? T
  : T extends readonly (infer U)[]
    ? readonly ReadableAs<U>[]
    : T extends object
      ? { [K in keyof T]: ReadableAs<T[K]> }
      : T;

/** What a handler returns on success, before serialisation (dates may be Date objects). */
export type HandlerResultOf<R extends RouteContract> = {
  [S in keyof Responses<R>]: Responses<R>[S] extends z.ZodType ? ReadableAs<z.output<Responses<R>[S]>> : never;
}[keyof Responses<R>];

/** A query's values travel as text: the contract names the keys, the server checks the values. */
type QueryText<T> = { [K in keyof T]?: T[K] | string };

/** Path parameters, query and body as a client sends them. */
export type RequestOf<R extends RouteContract> = (R extends { params: infer P extends z.ZodType }
  ? { params: z.input<P> }
  : { params?: undefined }) &
  (R extends { query: infer Q extends z.ZodType } ? { query?: QueryText<z.input<Q>> } : { query?: undefined }) &
  (R extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: undefined });

/** Path parameters, query and body as the server's handler receives them (validated, defaults applied). */
export interface ParsedRequestOf<R extends RouteContract> {
  Params: R extends { params: infer P extends z.ZodType } ? z.output<P> : unknown;
  Querystring: R extends { query: infer Q extends z.ZodType } ? z.output<Q> : unknown;
  Body: R extends { body: infer B extends z.ZodType } ? z.output<B> : unknown;
}
