// Contract parts of the Antwortzeiten report beyond first answers: resolution (closed conversations, the business
// time from the first citizen message to the last closing) and what waited for an answer over time.
import { z } from "zod";
import { ZDay } from "./common.js";

const count = z.number().int();

/** Closed conversations; times in business milliseconds, read from a histogram (exact to its bucket). */
export const ZResolutionFigures = z
  .object({
    /** Conversations whose last closing falls in the period (a reopened one counts at its later closing only). */
    resolved: count,
    medianMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
    /** The value is a lower bound (it falls in the histogram's open last bucket). */
    medianAtLeast: z.boolean(),
    p90AtLeast: z.boolean(),
    meanMs: z.number().nullable(),
  })
  .meta({ id: "ResolutionFigures" });

/** What waited for an answer at the end of a step (a day, or a week from Monday), and how much of it was overdue. */
export const ZWaitingStep = z
  .object({
    start: ZDay,
    waiting: count,
    overdue: count,
    /** The step is still running: the figures are those of this moment, not of its end. */
    now: z.boolean(),
  })
  .meta({ id: "WaitingStep" });
