#!/usr/bin/env python3
"""Developer helper: add translation keys to src/i18n/keys.rs and the three locale files in one go.
Input on stdin, one key per line:  Variant | id | en | ru | pl   (plural: id ends with '+' and texts are
'one;few;many' for ru/pl and 'one;many' for en)."""
import re, sys, pathlib
root = pathlib.Path(__file__).resolve().parents[2] / "src" / "i18n"
keys_rs = root / "keys.rs"
src = keys_rs.read_text()
add_rs, add = [], {"en": [], "ru": [], "pl": []}
for line in sys.stdin:
    if not line.strip() or line.startswith("#"):
        continue
    variant, kid, en, ru, pl = [p.strip() for p in line.split("|")]
    plural = kid.endswith("+")
    kid = kid.rstrip("+")
    if re.search(rf"\b{variant}\b = ", src):
        sys.exit(f"{variant} exists")
    add_rs.append(f'    {variant} = "{kid}"{", plural" if plural else ""};')
    for lang, text in (("en", en), ("ru", ru), ("pl", pl)):
        if plural:
            forms = text.split(";")
            names = ["one", "many"] if lang == "en" else ["one", "few", "many"]
            add[lang] += [f"{kid}.{n} = {f.strip()}" for n, f in zip(names, forms)]
        else:
            add[lang].append(f"{kid} = {text}")
idx = src.rstrip().rfind("}")
src = src[:idx].rstrip("\n") + "\n" + "\n".join(add_rs) + "\n}\n"
keys_rs.write_text(src)
for lang, lines in add.items():
    p = root / "locales" / f"{lang}.txt"
    p.write_text(p.read_text().rstrip("\n") + "\n" + "\n".join(lines) + "\n")
