//! Search folding: the one form both a case's search text and the typed search words are brought to before
//! they are compared. A leaf of `domain` (it uses nothing of it), so the case and the query can both use it.

/// Lower case, `ё` as `е`, and Polish letters without their marks, so "lodz" finds "Łódź" and "ежик" finds "ёжик".
pub fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_folded(&mut out, text);
    out
}

/// Appends `text` folded as [`fold_for_search`] does, in one pass and without a temporary string (it runs over
/// every note of every case). Letters are lowered one by one, so a Greek final sigma stays σ: the same on both
/// sides of a search.
pub(crate) fn push_folded(out: &mut String, text: &str) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in text.chars() {
        match c {
            // The letters of our three languages take a direct path; the general Unicode lowering (a table
            // search per letter) is only for the rest.
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\0'..='\u{7f}' | 'а'..='я' => out.push(c),
            'А'..='Я' => out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
            'Ё' | 'ё' => out.push('е'),
            _ => {
                for lower in c.to_lowercase() {
                    out.push(fold_mark(lower));
                }
            }
        }
    }
}

/// A lower-case letter without its Polish mark (`ё` without its dots).
fn fold_mark(c: char) -> char {
    match c {
        'ё' => 'е',
        'ą' => 'a',
        'ć' => 'c',
        'ę' => 'e',
        'ł' => 'l',
        'ń' => 'n',
        'ó' => 'o',
        'ś' => 's',
        'ź' | 'ż' => 'z',
        other => other,
    }
}
