// i18n: German first, English second; the choice is remembered in this browser.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import de from "./de.json";

export const LANGUAGES = ["de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "draht.language";

/** The locale dates and numbers are written in for a UI language (de-DE first). */
export function formatLocale(language: string): string {
  return language === "en" ? "en-GB" : "de-DE";
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === "en" || stored === "de" ? stored : "de";
}

/** English is its own chunk, fetched only by those who choose it (German is in the first page's bundle). */
async function english() {
  return (await import("./en.json")).default;
}

/** Switches the UI language, fetching its texts first so no German flashes up in between. */
export async function changeLanguage(language: string) {
  if (!(LANGUAGES as readonly string[]).includes(language)) return;
  if (language === "en" && !i18next.hasResourceBundle("en", "translation"))
    i18next.addResourceBundle("en", "translation", await english());
  await i18next.changeLanguage(language);
}

export async function setupI18n() {
  const lng = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: de }, ...(lng === "en" ? { en: { translation: await english() } } : {}) },
    lng,
    fallbackLng: "de",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
    localStorage.setItem(STORAGE_KEY, lng);
  });
  return i18next;
}
