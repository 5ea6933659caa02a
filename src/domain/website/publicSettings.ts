// An organisation's settings for its public dialogue pages: legal links, pre-moderation, data
// retention, which sites may embed the widget, the accent colour the pages and widget use, and whether
// the transparency page is shown.
import { z } from "zod";

export const PRE_MODERATION = ["none", "first_comment", "all"] as const;
export type TPreModeration = (typeof PRE_MODERATION)[number];

const ZHttpUrl = z.url({ protocol: /^https?$/ }).max(2000);
const ZOrigin = z
  .url({ protocol: /^https?$/ })
  .transform((value) => new URL(value).origin)
  .refine((origin) => origin !== "null", "must be an origin like https://www.musterstadt.de");

/** WCAG relative luminance contrast of the accent against white text; pages need at least 4.5:1. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

export const ZWebsiteSettings = z.object({
  impressumUrl: ZHttpUrl.nullable(),
  privacyUrl: ZHttpUrl.nullable(),
  preModeration: z.enum(PRE_MODERATION),
  commentsOpen: z.boolean(),
  retentionDays: z.number().int().min(30).max(3650),
  embedOrigins: z.array(ZOrigin).max(20),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #0b5394")
    .refine((hex) => contrastWithWhite(hex) >= 4.5, "needs a contrast of at least 4.5:1 against white text"),
  answerLabel: z.string().trim().min(1).max(80),
  /** The public transparency page (response times and moderation figures, aggregated): opt-in. */
  transparencyPage: z.boolean().default(false),
});
export type TWebsiteSettings = z.infer<typeof ZWebsiteSettings>;

export const DEFAULT_WEBSITE_SETTINGS: TWebsiteSettings = {
  impressumUrl: null,
  privacyUrl: null,
  preModeration: "none",
  commentsOpen: true,
  retentionDays: 365,
  embedOrigins: [],
  accentColor: "#0b5394",
  answerLabel: "Antwort der Verwaltung",
  transparencyPage: false,
};
