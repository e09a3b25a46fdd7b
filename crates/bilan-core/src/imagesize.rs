//! An image's size read from its header, before anything decodes it, so a
//! decompression bomb (a small file declaring a huge picture) is refused
//! instead of filling memory.

/// The most pixels a photo may have: 100 megapixels, a large print
/// photo's size. Decoded as RGBA, that is 400 MB.
pub const MAX_PIXELS: u64 = 100_000_000;

/// Width and height of a PNG or JPEG, from its header; `None` when the
/// header cannot be read.
pub fn dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    png(bytes).or_else(|| jpeg(bytes))
}

fn png(b: &[u8]) -> Option<(u32, u32)> {
    if !b.starts_with(b"\x89PNG\r\n\x1a\n") || b.get(12..16)? != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    if !b.starts_with(&[0xff, 0xd8]) {
        return None;
    }
    let mut i = 2;
    // Walk the markers to the first start of frame (SOF0–SOF15 but DHT,
    // JPG and DAC), which holds the size.
    while i + 9 < b.len() {
        if b[i] != 0xff {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xff {
            i += 1;
            continue;
        }
        let len = u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
        if (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker) {
            let h = u16::from_be_bytes([b[i + 5], b[i + 6]]) as u32;
            let w = u16::from_be_bytes([b[i + 7], b[i + 8]]) as u32;
            return Some((w, h));
        }
        if len < 2 {
            return None;
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_and_jpeg_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&100_000u32.to_be_bytes());
        assert_eq!(dimensions(&png), Some((100_000, 100_000)));
        // SOI, an APP0 of 4 bytes, then SOF0 with height 480, width 640.
        let jpeg = [
            0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 1, 0xe0, 2, 0x80, 3, 0, 0, 0,
        ];
        assert_eq!(dimensions(&jpeg), Some((640, 480)));
        assert_eq!(dimensions(b"GIF89a"), None);
    }
}
