// What the weekly Stimmungsbericht says, in plain German for the mayor: the title, a summary in sentences
// (messages and mood against the week before, notable shifts, the posts with the most negative and the most
// positive reactions, first answers in office hours, what waits now), the days' moods for the chart, and tables
// per department, topic, post and channel. Numbers and dates in de-DE.
import type { z } from "zod";
import type {
  ZMoodCounts,
  ZMoodReport,
  ZResponseFigures,
  ZResponseReport,
  ZTopicsReport,
} from "../../contract/reports.js";
import { MIN_REACTIONS } from "../../domain/reports/postMoodRanking.js";
import { type ReportWeek, calendarWeek } from "../../domain/reports/reportWeek.js";
import { localDate } from "../../domain/zonedTime.js";

type Mood = z.input<typeof ZMoodReport>;
type Responses = z.input<typeof ZResponseReport>;
type MoodCounts = z.input<typeof ZMoodCounts>;
type Figures = z.input<typeof ZResponseFigures>;
type PostMood = NonNullable<Mood["byPost"]>[number];
/** Only the ranked terms: example messages and answers never go into a file that leaves draht by e-mail. */
type Topics = Pick<z.output<typeof ZTopicsReport>, "topics">;

export interface DayMood {
  /** "Mo 30.11." */
  label: string;
  negative: number;
  neutral: number;
  positive: number;
}

export interface ReportTable {
  title: string;
  columns: string[];
  rows: string[][];
}

export interface WeeklyReportContent {
  title: string;
  subtitle: string;
  summary: string[];
  days: DayMood[];
  tables: ReportTable[];
  notes: string[];
}

const number = new Intl.NumberFormat("de-DE");
const oneDecimal = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });
const WEEKDAYS = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];
const WEEKDAY_NAMES = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

/** "30.11.2026" (or "30.11." without the year). */
export function germanDate(day: string, withYear = true): string {
  const [year, month, date] = day.split("-");
  return withYear ? `${date}.${month}.${year}` : `${date}.${month}.`;
}

const percentOf = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);
const percent = (value: number | null) => (value === null ? "–" : `${number.format(Math.round(value))} %`);

/** A business-time duration in words: "45 Minuten", "2,5 Stunden" ("mindestens …" for a lower bound). */
export function duration(ms: number | null, atLeast = false): string {
  if (ms === null) return "–";
  const minutes = ms / 60_000;
  const text =
    minutes < 60
      ? `${number.format(Math.max(1, Math.round(minutes)))} Minuten`
      : `${oneDecimal.format(minutes / 60)} Stunden`;
  return atLeast ? `mindestens ${text}` : text;
}

function change(current: number | null, previous: number | null, unit: "percent" | "points"): string {
  if (current === null || previous === null) return "";
  if (unit === "percent") {
    if (previous === 0) return "";
    const delta = Math.round(((current - previous) / previous) * 100);
    return delta === 0 ? ", unverändert" : `, ${delta > 0 ? "+" : "–"}${number.format(Math.abs(delta))} %`;
  }
  const delta = Math.round(current - previous);
  if (delta === 0) return ", unverändert";
  const points = Math.abs(delta) === 1 ? "Prozentpunkt" : "Prozentpunkte";
  return `, ${delta > 0 ? "+" : "–"}${number.format(Math.abs(delta))} ${points}`;
}

function moodSentences(mood: Mood, week: ReportWeek): string[] {
  const now = mood.totals;
  const before = mood.previous;
  const sentences = [
    `In der Woche vom ${germanDate(week.from, false)} bis ${germanDate(week.to)} gingen ${number.format(now.messages)} ` +
      `Nachrichten von Bürgerinnen und Bürgern ein (Vorwoche: ${number.format(before.messages)}` +
      `${change(now.messages, before.messages, "percent")}).`,
  ];
  if (now.messages > 0) {
    const negative = percentOf(now.negative, now.messages);
    const positive = percentOf(now.positive, now.messages);
    sentences.push(
      `Negativ waren ${percent(negative)} (Vorwoche ${percent(percentOf(before.negative, before.messages))}` +
        `${change(negative, percentOf(before.negative, before.messages), "points")}), positiv ${percent(positive)} ` +
        `(Vorwoche ${percent(percentOf(before.positive, before.messages))}` +
        `${change(positive, percentOf(before.positive, before.messages), "points")}).`,
    );
  }
  const shifts = mood.shifts.map((shift) => {
    const weekday = WEEKDAY_NAMES[Math.round((Date.parse(shift.start) - Date.parse(week.from)) / 86_400_000)] ?? "";
    const direction = shift.direction === "more_negative" ? "deutlich höher" : "deutlich niedriger";
    return (
      `Auffällig: Am ${weekday}, ${germanDate(shift.start, false)}, war der Anteil negativer Nachrichten mit ` +
      `${percent(shift.share * 100)} ${direction} als üblich (${percent(shift.usualShare * 100)}).`
    );
  });
  return [...sentences, ...(shifts.length ? shifts : ["Auffällige Ausschläge der Stimmung gab es nicht."])];
}

/** A post's name in a sentence or a cell: its title (else first line), shortened. */
function postName(post: PostMood, max = 70): string {
  const title = post.title.trim() || "Beitrag ohne Titel";
  return title.length > max ? `${title.slice(0, max - 1).trimEnd()}…` : title;
}

/** The posts with the most negative and the most positive reactions (from MIN_REACTIONS reactions on). */
function postSentences(mood: Mood): string[] {
  const sentence = (post: PostMood | undefined, kind: "negative" | "positive") => {
    if (!post) return [];
    const share = percent(percentOf(post.current[kind], post.current.messages));
    return [
      `Den größten Anteil ${kind === "negative" ? "negativer" : "positiver"} Reaktionen erhielt der Beitrag ` +
        `„${postName(post)}“: ${share} von ${number.format(post.current.messages)}.`,
    ];
  };
  return [...sentence(mood.mostNegativePosts?.[0], "negative"), ...sentence(mood.mostPositivePosts?.[0], "positive")];
}

function responseSentences(responses: Responses): string[] {
  const t = responses.totals;
  const sentences =
    t.answered === 0
      ? ["In dieser Woche wurde keine Nachricht zum ersten Mal beantwortet."]
      : [
          `Erste Antworten: ${number.format(t.answered)}; die Hälfte innerhalb von ${duration(t.medianMs, t.medianAtLeast)}, ` +
            `90 % innerhalb von ${duration(t.p90Ms, t.p90AtLeast)} Bürozeit (Vorwoche: ` +
            (responses.previous.answered === 0
              ? "keine ersten Antworten)."
              : `Median ${duration(responses.previous.medianMs, responses.previous.medianAtLeast)}).`),
          t.withTarget > 0
            ? `${percent(percentOf(t.withinTarget, t.withTarget))} der Antworten kamen innerhalb der Zielzeit ` +
              `(${number.format(t.withinTarget)} von ${number.format(t.withTarget)}).`
            : "Für keine dieser Antworten lief eine Zielzeit.",
        ];
  sentences.push(
    responses.waitingNow === 1
      ? `Jetzt wartet 1 Vorgang auf eine Antwort${responses.overdueNow ? ", er ist überfällig" : ""}.`
      : `Jetzt warten ${number.format(responses.waitingNow)} Vorgänge auf eine Antwort, davon ` +
          `${number.format(responses.overdueNow)} überfällig.`,
  );
  return sentences;
}

function moodRow(name: string, current: MoodCounts, previous: MoodCounts, answers: Figures | undefined): string[] {
  return [
    name,
    number.format(current.messages),
    percent(percentOf(current.negative, current.messages)),
    percent(percentOf(current.positive, current.messages)),
    number.format(previous.messages),
    number.format(answers?.answered ?? 0),
    duration(answers?.medianMs ?? null, answers?.medianAtLeast),
  ];
}

const COLUMNS = ["Nachrichten", "negativ", "positiv", "Vorwoche", "Antworten", "Median"];

export function weeklyReportContent(args: {
  organisation: string;
  timeZone: string;
  week: ReportWeek;
  mood: Mood;
  responses: Responses;
  topics: Topics;
}): WeeklyReportContent {
  const { mood, responses, week } = args;
  const days = mood.series.map((step, index) => ({
    label: `${WEEKDAYS[index] ?? ""} ${germanDate(step.start, false)}`,
    negative: step.negative,
    neutral: step.neutral,
    positive: step.positive,
  }));
  const answersOfTeam = new Map(responses.byDepartment.map((d) => [d.departmentId, d.current]));
  const answersOfChannel = new Map(responses.byChannel.map((c) => [c.channelAccountId, c.current]));
  return {
    title: `Stimmungsbericht ${args.organisation}`,
    subtitle:
      `Kalenderwoche ${calendarWeek(week.from)}: ${germanDate(week.from)} bis ${germanDate(week.to)} ` +
      `(Zeitzone ${args.timeZone})`,
    summary: [...moodSentences(mood, week), ...postSentences(mood), ...responseSentences(responses)],
    days,
    tables: [
      {
        title: "Nach Fachbereich",
        columns: ["Fachbereich", ...COLUMNS],
        rows: mood.byDepartment.map((d) =>
          moodRow(d.name ?? "Ohne Fachbereich", d.current, d.previous, answersOfTeam.get(d.departmentId)),
        ),
      },
      {
        title: "Häufigste Themen",
        columns: ["Thema", "Nachrichten", "Vorwoche", "negativ", "positiv", "Fragen"],
        rows: args.topics.topics
          .slice(0, 8)
          .map((t) => [
            t.label,
            number.format(t.messages),
            number.format(t.previousMessages),
            percent(percentOf(t.negative, t.messages)),
            percent(percentOf(t.positive, t.messages)),
            number.format(t.questions),
          ]),
      },
      {
        title: "Beiträge mit den meisten Reaktionen",
        columns: ["Beitrag", "veröffentlicht", "Reaktionen", "negativ", "positiv", "Vorwoche"],
        rows: (mood.byPost ?? [])
          .slice(0, 5)
          .map((p) => [
            postName(p, 60),
            p.publishedAt ? germanDate(localDate(new Date(p.publishedAt), args.timeZone)) : "–",
            number.format(p.current.messages),
            percent(percentOf(p.current.negative, p.current.messages)),
            percent(percentOf(p.current.positive, p.current.messages)),
            number.format(p.previous.messages),
          ]),
      },
      {
        title: "Nach Kanal",
        columns: ["Kanal", ...COLUMNS],
        rows: mood.byChannel.map((c) =>
          moodRow(c.name, c.current, c.previous, answersOfChannel.get(c.channelAccountId)),
        ),
      },
    ],
    notes: [
      "Stimmung: negativ unter –0,2, positiv über 0,2 auf der Skala von –1 bis 1. Antwortzeiten in Bürozeit " +
        "(Öffnungszeiten ohne Feiertage und Schließtage).",
      "Themen: die Begriffe der Nachrichten (Nomen und Hashtags), gereiht nach ihrer Häufigkeit in dieser Woche " +
        "gegenüber dem übrigen Jahr; Begriffe aus weniger als 5 Nachrichten sind nicht aufgeführt.",
      "Beiträge: Reaktionen sind die Nachrichten, die auf einen veröffentlichten Beitrag antworten; den größten " +
        `Anteil negativer oder positiver Reaktionen nennt der Bericht ab ${MIN_REACTIONS} Reaktionen.`,
    ],
  };
}
