// Chooses the app's language before the page loads, the way a returning user's stored choice would.
import { LANG_STORAGE_KEY } from "./config.mjs";

/** Every page of `context` starts with `lang` ("ru" | "en" | "pl") stored as the user's choice. */
export async function setLanguage(context, lang) {
  await context.addInitScript(
    ([key, value]) => {
      try {
        localStorage.setItem(key, value);
      } catch {
        // about:blank and other opaque origins have no localStorage: nothing to set there.
      }
    },
    [LANG_STORAGE_KEY, lang],
  );
}
