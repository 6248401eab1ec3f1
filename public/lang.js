// Runs in <head> before the body is parsed, so a pre-rendered page is first painted in the language the app will
// pick: the remembered choice, else the browser's preferred languages, else English (ui::i18n::initial_lang).
// The page holds one copy per language; style/main.css shows the one named by <html lang>. It also starts the
// download of that language's pack (the texts the wasm does not carry) next to the wasm's. A file, not an inline
// script, because the Content-Security-Policy allows none; tools/post_build.py fills in this build's pack names
// and names the file by its content hash.
(function () {
  // {"en": "<base>pack-en-<hash>.json", ...}
  var PACKS = __PACKS__;
  // "<base>claimdesk-<hash>_bg.wasm"
  var WASM = __WASM__;
  var LANGS = ["en", "ru", "pl"];
  var chosen = null;
  try {
    chosen = window.localStorage.getItem("claimdesk:lang");
  } catch (blocked) {
    // Storage can be disabled: the browser's languages decide.
  }
  if (LANGS.indexOf(chosen) < 0) {
    chosen = "en";
    var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < preferred.length; i++) {
      var primary = String(preferred[i]).split(/[-_]/)[0].toLowerCase();
      if (LANGS.indexOf(primary) >= 0) {
        chosen = primary;
        break;
      }
    }
  }
  document.documentElement.lang = chosen;
  // The app fetches the pack the same way (same URL, CORS mode, same-origin credentials), so it gets this download.
  function preload(href) {
    var link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = href;
    document.head.appendChild(link);
  }
  preload(PACKS[chosen]);
  // A returning visitor's files come from the service worker's cache, where nothing competes with the first
  // paint: the wasm starts now rather than once the page is parsed (a first visit starts it after the first
  // paint; tools/post_build.py, WASM_AFTER_PAINT).
  if (navigator.serviceWorker && navigator.serviceWorker.controller) preload(WASM);
  // The page's title in that language, once the copy that carries it has been parsed.
  document.addEventListener("DOMContentLoaded", function () {
    var copy = document.querySelector('[data-prerender="' + chosen + '"][data-title]');
    if (copy) document.title = copy.getAttribute("data-title");
  });
})();
