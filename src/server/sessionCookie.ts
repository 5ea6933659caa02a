// The session cookie as every sign-in sets it (password login, accepting an invitation link).
import type { FastifyReply } from "fastify";
import { SESSION_COOKIE } from "./plugins/auth.js";

export interface SessionCookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

export function setSessionCookie(reply: FastifyReply, token: string, cookie: SessionCookieOptions): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: cookie.secure,
    path: "/",
    maxAge: cookie.maxAgeSeconds,
  });
}
