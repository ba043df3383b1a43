//! Cover images of consultations: the type is sniffed from the bytes (PNG,
//! JPEG or WebP; never SVG, which can carry scripts), the size is limited,
//! the file is stored under `{data_dir}/covers/` with a random name that
//! says its type, and it is served with that type only.

use std::path::{Path, PathBuf};

use app::consult::{COVER_MAX_BYTES, ProcessProblem};

/// The image types a cover may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageType {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// WebP.
    Webp,
}

impl ImageType {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ImageType::Png => "png",
            ImageType::Jpeg => "jpg",
            ImageType::Webp => "webp",
        }
    }

    /// The media type it is served with.
    pub fn media_type(self) -> &'static str {
        match self {
            ImageType::Png => "image/png",
            ImageType::Jpeg => "image/jpeg",
            ImageType::Webp => "image/webp",
        }
    }

    fn from_extension(extension: &str) -> Option<ImageType> {
        [ImageType::Png, ImageType::Jpeg, ImageType::Webp]
            .into_iter()
            .find(|t| t.extension() == extension)
    }
}

/// The type of `bytes`, read from their first bytes (not from the name or
/// the type the browser claims).
pub fn sniff(bytes: &[u8]) -> Option<ImageType> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageType::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageType::Jpeg)
    } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(ImageType::Webp)
    } else {
        None
    }
}

/// The image's type, or why it may not be a cover.
pub fn check(bytes: &[u8]) -> Result<ImageType, ProcessProblem> {
    if bytes.len() > COVER_MAX_BYTES {
        return Err(ProcessProblem::CoverTooLarge);
    }
    sniff(bytes).ok_or(ProcessProblem::CoverType)
}

fn directory(data_dir: &Path) -> PathBuf {
    data_dir.join("covers")
}

/// Writes `bytes` of type `kind` under `data_dir`; the new file's name.
pub async fn store(data_dir: &Path, bytes: &[u8], kind: ImageType) -> std::io::Result<String> {
    let dir = directory(data_dir);
    tokio::fs::create_dir_all(&dir).await?;
    let name = format!("{}.{}", crate::auth::random_id(), kind.extension());
    // Written aside and renamed: a reader never sees half a file.
    let partial = dir.join(format!("{name}.partial"));
    tokio::fs::write(&partial, bytes).await?;
    tokio::fs::rename(&partial, dir.join(&name)).await?;
    Ok(name)
}

/// Removes the cover file `name` (a cover replaced or removed).
pub async fn remove(data_dir: &Path, name: &str) {
    if parse_name(name).is_some()
        && let Err(err) = tokio::fs::remove_file(directory(data_dir).join(name)).await
    {
        tracing::warn!("could not remove the cover {name}: {err}");
    }
}

/// The type of a stored cover's `name`, if it is one Plaza could have
/// written (hex and a known extension: no path can be smuggled in).
fn parse_name(name: &str) -> Option<ImageType> {
    let (stem, extension) = name.split_once('.')?;
    let hex = !stem.is_empty() && stem.chars().all(|c| c.is_ascii_hexdigit());
    hex.then(|| ImageType::from_extension(extension)).flatten()
}

/// The bytes and type of the stored cover `name`, if it exists.
pub async fn load(data_dir: &Path, name: &str) -> std::io::Result<Option<(Vec<u8>, ImageType)>> {
    let Some(kind) = parse_name(name) else {
        return Ok(None);
    };
    match tokio::fs::read(directory(data_dir).join(name)).await {
        Ok(bytes) => Ok(Some((bytes, kind))),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_comes_from_the_bytes() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(ImageType::Png));
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]),
            Some(ImageType::Jpeg)
        );
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(ImageType::Webp));
        assert_eq!(
            sniff(b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"),
            None
        );
        assert_eq!(sniff(b"GIF89a"), None);
        let large = vec![0xFF; COVER_MAX_BYTES + 1];
        assert_eq!(check(&large), Err(ProcessProblem::CoverTooLarge));
    }

    #[test]
    fn only_names_plaza_writes_are_read() {
        assert_eq!(parse_name("0a1b.png"), Some(ImageType::Png));
        assert_eq!(parse_name("../plaza.db"), None);
        assert_eq!(parse_name("0a1b.svg"), None);
        assert_eq!(parse_name("0a1b.png.partial"), None);
        assert_eq!(parse_name(".png"), None);
    }
}
