// What changed between two versions of an article, word by word, as parts the screen marks as added or
// removed (never as HTML). Pure.
import { diffWordsWithSpace } from "diff";

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface VersionText {
  title: string;
  body: string;
  tags: readonly string[];
}

export interface ArticleDiff {
  title: DiffPart[];
  body: DiffPart[];
  tagsAdded: string[];
  tagsRemoved: string[];
}

export function diffText(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

export function diffVersions(before: VersionText, after: VersionText): ArticleDiff {
  return {
    title: diffText(before.title, after.title),
    body: diffText(before.body, after.body),
    tagsAdded: after.tags.filter((tag) => !before.tags.includes(tag)),
    tagsRemoved: before.tags.filter((tag) => !after.tags.includes(tag)),
  };
}
