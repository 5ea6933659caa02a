// The words for the server's codes (audit events, labels, scores, moderation reasons, authors) in the UI
// language, from the one table the server's documents use too (src/domain/words).
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type Describer, describer } from "../../../src/domain/words/describe";

export function useWords(): Describer {
  const { i18n } = useTranslation();
  return useMemo(() => describer(i18n.language), [i18n.language]);
}
