//! Binary data as text that survives localStorage and wasm-bindgen: 15 bits per character, using the code
//! points U+4000–U+BFFF. They are all outside the surrogate range (a lone surrogate would be replaced when the
//! string crosses to Rust as UTF-8) and above Latin-1, so every character costs exactly two bytes of a
//! browser's UTF-16 quota while carrying 15 bits (94 % of the possible density).

const FIRST: u32 = 0x4000;

/// The number of characters [`pack`] makes of `bytes` bytes.
pub fn packed_len(bytes: usize) -> usize {
    (bytes * 8).div_ceil(15)
}

pub fn pack(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(packed_len(bytes.len()) * 3);
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut push = |value: u32| out.push(char::from_u32(FIRST + value).unwrap_or(char::REPLACEMENT_CHARACTER));
    for &byte in bytes {
        acc = (acc << 8) | u32::from(byte);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push((acc >> bits) & 0x7fff);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        push((acc << (15 - bits)) & 0x7fff);
    }
    out
}

/// The `len` bytes packed in `text`, or `None` when the text is not exactly such a packing.
pub fn unpack(text: &str, len: usize) -> Option<Vec<u8>> {
    // Every code point of U+4000–U+BFFF is three bytes of UTF-8 with a lead byte from E4 to EB, and no other
    // character has such a lead byte: reading the bytes directly is several times faster than `chars()`.
    let bytes = text.as_bytes();
    if bytes.len() % 3 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(len + 2);
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut chars = 0;
    for utf8 in bytes.chunks_exact(3) {
        if !(0xe4..=0xeb).contains(&utf8[0]) {
            return None;
        }
        let code = u32::from(utf8[0] & 0x0f) << 12 | u32::from(utf8[1] & 0x3f) << 6 | u32::from(utf8[2] & 0x3f);
        let value = code - FIRST;
        chars += 1;
        acc = (acc << 15) | value;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if chars != packed_len(len) || out.len() < len {
        return None;
    }
    out.truncate(len);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length_and_stays_out_of_surrogates() {
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8 ^ 0xa5).collect();
            let text = pack(&bytes);
            assert_eq!(text.chars().count(), packed_len(len));
            assert!(text.chars().all(|c| (0x4000..0xc000).contains(&u32::from(c))));
            assert_eq!(unpack(&text, len).as_deref(), Some(&bytes[..]), "length {len}");
        }
        assert_eq!(unpack(&pack(&[0xff; 30]), 30), Some(vec![0xff; 30]));
    }

    #[test]
    fn refuses_foreign_or_truncated_text() {
        let text = pack(b"hello, storage");
        assert_eq!(unpack(&text, 20), None, "claims more bytes than packed");
        let cut: String = text.chars().skip(1).collect();
        assert_eq!(unpack(&cut, 14), None);
        assert_eq!(unpack("plain text", 5), None);
    }
}
