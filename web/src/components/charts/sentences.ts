// Sentences put together from figures: one full stop where a sentence ends on an abbreviation or a date.

/** "… 19 Min.." → "… 19 Min."; "… 17.09.." → "… 17.09." */
export function endingOnce(text: string): string {
  return text.replace(/\.\.(?=\s|$)/g, ".");
}
