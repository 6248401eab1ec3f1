//! Bytes of a text report → `String`: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's
//! "Unicode text"), and Windows-1251 for anything that is not valid UTF-8 (older Russian exports). A small
//! table instead of `encoding_rs`: the main app's wasm reads pastes too, and 128 characters cost nothing.

/// Windows-1251 bytes 0x80–0xBF as the WHATWG Encoding Standard maps them (the unassigned 0x98 → U+0098);
/// 0xC0–0xFF are А–я, U+0410–U+044F.
const CP1251_HIGH: [char; 64] = [
    'Ђ', 'Ѓ', '‚', 'ѓ', '„', '…', '†', '‡', '€', '‰', 'Љ', '‹', 'Њ', 'Ќ', 'Ћ', 'Џ', //
    'ђ', '‘', '’', '“', '”', '•', '–', '—', '\u{98}', '™', 'љ', '›', 'њ', 'ќ', 'ћ', 'џ', //
    '\u{a0}', 'Ў', 'ў', 'Ј', '¤', 'Ґ', '¦', '§', 'Ё', '©', 'Є', '«', '¬', '\u{ad}', '®', 'Ї', //
    '°', '±', 'І', 'і', 'ґ', 'µ', '¶', '·', 'ё', '№', 'є', '»', 'ј', 'Ѕ', 'ѕ', 'ї',
];

/// The text encodings a report may come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1251,
}

/// One Windows-1251 byte as a character.
pub fn cp1251_char(byte: u8) -> char {
    match byte {
        0x00..=0x7f => char::from(byte),
        0x80..=0xbf => CP1251_HIGH[usize::from(byte - 0x80)],
        _ => char::from_u32(0x0410 + u32::from(byte - 0xc0)).unwrap_or('\u{fffd}'),
    }
}

/// The text and the encoding it was read in.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8Bom);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return (utf16(rest, u16::from_le_bytes), Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return (utf16(rest, u16::from_be_bytes), Encoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => (bytes.iter().copied().map(cp1251_char).collect(), Encoding::Windows1251),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')).collect()
}
