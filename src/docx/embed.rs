//! The font table and embedded fonts (ISO/IEC 29500-1 §17.8).
//!
//! Every family a style or run names gets a `w:font` entry with its PANOSE number,
//! character set, pitch and Unicode/code-page signature from the face's `OS/2` table,
//! so that Word can substitute sensibly where it is missing. Where the licence and
//! the outlines allow, the faces are embedded:
//!
//! * **Only TrueType outlines.** Word embeds and renders `glyf` fonts reliably; CFF
//!   (`.otf`) faces are replaced by their TrueType conversion from `ttf/` beside the
//!   font (the bundled Fandol faces: `scripts/convert-fonts.py`) and are not embedded
//!   when there is none.
//! * **Only what the licence allows** (`OS/2.fsType`, OpenType spec): installable and
//!   editable faces are embedded; restricted and bitmap-only faces are not, and neither
//!   are preview-and-print faces, which would make Word open the document read-only.
//!   A face that forbids subsetting is embedded whole.
//! * **Subset** to the characters the document sets in it (skera, keeping a working
//!   `cmap`, which Word needs to map text to glyphs), with `w:saveSubsetFonts` on so
//!   Word keeps subsetting when the clerk saves.
//! * **Obfuscated** (§17.8.1): the first 32 bytes are XORed with the font key, a GUID
//!   derived from the font bytes (deterministic output), stored as
//!   `word/fonts/fontN.odttf` and referenced by `w:embedRegular`/`w:embedBold`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use read_fonts::collections::IntSet;
use read_fonts::types::{GlyphId, NameId, Tag};
use read_fonts::FontRef;

use super::fonts::{FontPlan, UsedFace};
use super::xml::Element;
use crate::fonts::FontId;

/// Relationship type of an embedded font part (§17.8.3.3).
pub(crate) const REL_FONT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";
/// Content type of an obfuscated font part.
pub(crate) const CT_ODTTF: &str = "application/vnd.openxmlformats-officedocument.obfuscatedFont";

/// The font table part, its relationships and the font parts.
pub(crate) struct FontTable {
    /// `w:fonts`, the root of `word/fontTable.xml`.
    pub fonts: Element,
    /// `Relationships` of `word/_rels/fontTable.xml.rels` (empty when nothing is embedded).
    pub rels: Element,
    /// `(part name, obfuscated bytes)` of every embedded face.
    pub parts: Vec<(String, Vec<u8>)>,
    /// What happened to each used face, for tests and reports.
    pub report: Vec<EmbedReport>,
}

/// What happened to one face.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedReport {
    /// The family the DOCX names.
    pub family: String,
    /// Bold member of the family.
    pub bold: bool,
    /// Characters the document sets in it.
    pub chars: usize,
    /// Why it was not embedded, or `None` when it was.
    pub skipped: Option<String>,
    /// Size of the embedded (subset) font in bytes, 0 when skipped.
    pub bytes: usize,
}

/// Build the font table of `plan`, embedding fonts when `embed` is on.
pub(crate) fn font_table(plan: &FontPlan, embed: bool) -> FontTable {
    let mut table = FontTable {
        fonts: Element::new("w:fonts").attr("xmlns:w", super::NS_W).attr("xmlns:r", super::NS_R),
        rels: Element::new("Relationships").attr("xmlns", super::NS_PKG_RELS),
        parts: Vec::new(),
        report: Vec::new(),
    };
    for (family, entry) in plan.families() {
        let mut font = Element::new("w:font").attr("w:name", family.as_str());
        if let Some(alt) = &entry.alt {
            font = font.child(Element::new("w:altName").attr("w:val", alt.as_str()));
        }
        if let Some(os2) = Os2::of(plan, entry.meta_face) {
            font = os2.describe(font);
        }
        for (slot, bold) in [("w:embedRegular", false), ("w:embedBold", true)] {
            let Some(face) = entry.faces.iter().find(|f| f.name.bold == bold) else { continue };
            let mut report = EmbedReport {
                family: family.clone(),
                bold,
                chars: face.chars.len(),
                skipped: None,
                bytes: 0,
            };
            let embedded =
                if embed { embed_face(plan, face, &family) } else { Err("embedding off".into()) };
            match embedded {
                Ok((data, key, size)) => {
                    report.bytes = size;
                    let n = table.parts.len() + 1;
                    let rel_id = format!("rId{n}");
                    let part = format!("fonts/font{n}.odttf");
                    table.rels.children.push(super::xml::Node::Element(
                        Element::new("Relationship")
                            .attr("Id", rel_id.as_str())
                            .attr("Type", REL_FONT)
                            .attr("Target", part.as_str()),
                    ));
                    table.parts.push((format!("word/{part}"), data));
                    font =
                        font.child(Element::new(slot).attr("r:id", rel_id).attr("w:fontKey", key));
                }
                Err(why) => report.skipped = Some(why),
            }
            table.report.push(report);
        }
        table.fonts.children.push(super::xml::Node::Element(font));
    }
    table
}

/// One face ready to embed: its obfuscated subset, its font key and the subset's
/// size; or why it cannot be embedded.
fn embed_face(
    plan: &FontPlan,
    face: &UsedFace,
    family: &str,
) -> Result<(Vec<u8>, String, usize), String> {
    let (data, index, whole) = embeddable(plan, face)?;
    let mut font = subset(&data, index, face, whole)?;
    if face.name.bold {
        declare_bold(&mut font);
    }
    let size = font.len();
    let key = font_key(family, face.name.bold, &font);
    obfuscate(&mut font, &key);
    Ok((font, key, size))
}

/// A family of the font table: a face to describe it, the faces to embed, an
/// alternative name.
pub(crate) struct FamilyEntry<'a> {
    /// A face of the family (for `OS/2` data).
    pub meta_face: FontId,
    /// The other-language name.
    pub alt: Option<String>,
    /// Faces that set text, regular and bold.
    pub faces: Vec<&'a UsedFace>,
}

/// The bytes of a font to subset: the loaded face's, or a TrueType conversion mapped
/// from disk (only the tables and glyphs the subsetter reads are paged in — the
/// conversions are 4–9 MB each, reading them would cost more than the whole DOCX).
enum FontData {
    /// A face the book has in memory.
    Loaded(crate::fonts::FaceBytes),
    /// A file mapped into memory.
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for FontData {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            FontData::Loaded(data) => data,
            FontData::Mapped(map) => map,
        }
    }
}

/// Map a font file read-only.
fn map(path: &Path) -> std::io::Result<memmap2::Mmap> {
    let file = std::fs::File::open(path)?;
    // SAFETY: the mapping is read-only and lives only while this DOCX is written; a
    // font file replaced meanwhile could change the bytes under us, as with fontdb's
    // own mappings, which the subsetter treats as untrusted input anyway.
    unsafe { memmap2::Mmap::map(&file) }
}

/// The TrueType data to embed for a face: `(bytes, face index, embed whole)`, or why
/// it cannot be embedded.
fn embeddable(plan: &FontPlan, face: &UsedFace) -> Result<(FontData, u32, bool), String> {
    let loaded = plan.book().face(face.id);
    let parsed = ttf_parser::Face::parse(&loaded.data, loaded.index)
        .map_err(|_| "unreadable face".to_string())?;
    let whole = licence(Os2::fs_type(&parsed))?;
    if parsed.tables().glyf.is_some() {
        return Ok((FontData::Loaded(loaded.data.clone()), loaded.index, whole));
    }
    let ttf = truetype_conversion(&loaded.path);
    let data = map(&ttf)
        .map_err(|_| format!("CFF outlines and no TrueType conversion at {}", ttf.display()))?;
    let same = ttf_parser::Face::parse(&data, 0).ok().is_some_and(|f| {
        f.tables().glyf.is_some() && postscript_name(&f) == postscript_name(&parsed)
    });
    if !same {
        return Err(format!("{} is not a TrueType version of this face", ttf.display()));
    }
    Ok((FontData::Mapped(data), 0, whole))
}

/// What a face's licence (OpenType `OS/2.fsType`) allows: `Ok(whole)` when it may be
/// embedded in an editable document (`whole`: only without subsetting), else why not.
fn licence(fs_type: u16) -> Result<bool, String> {
    // Bits 0–3 are the usage permission: 0 installable, 2 restricted, 4 preview &
    // print, 8 editable.
    match fs_type & 0x000F {
        0x0002 => return Err("licence forbids embedding (fsType: restricted)".into()),
        0x0004 => {
            return Err(
                "licence allows preview & print only (Word would open the document read-only)"
                    .into(),
            )
        }
        _ => {}
    }
    if fs_type & 0x0200 != 0 {
        return Err("licence allows bitmap embedding only (fsType bit 9)".into());
    }
    Ok(fs_type & 0x0100 != 0)
}

/// Where the TrueType conversion of a CFF font lives: `ttf/<stem>.ttf` beside it.
pub(crate) fn truetype_conversion(path: &Path) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    path.parent().unwrap_or(Path::new(".")).join("ttf").join(format!("{stem}.ttf"))
}

fn postscript_name(face: &ttf_parser::Face<'_>) -> Option<String> {
    face.names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME && n.is_unicode())
        .and_then(|n| n.to_string())
}

/// Subset `data` to the characters of `face` (or keep it whole when the licence says
/// so), keeping `cmap`, horizontal metrics, `OS/2`, `post`, `name` (IDs 0–6, en-US
/// and zh-CN) and hinting.
fn subset(data: &[u8], index: u32, face: &UsedFace, whole: bool) -> Result<Vec<u8>, String> {
    let font = FontRef::from_index(data, index).map_err(|e| format!("unreadable face: {e}"))?;
    if whole {
        return Ok(data.to_vec());
    }
    let mut unicodes = IntSet::<u32>::empty();
    for &ch in &face.chars {
        unicodes.insert(u32::from(ch));
    }
    // Besides hb-subset's defaults, drop OpenType layout and vertical metrics: Word
    // sets horizontal CJK text without them, and the subset is smaller and faster.
    let mut drop: IntSet<Tag> = skera::DEFAULT_DROP_TABLES.iter().copied().collect();
    for tag in [b"GSUB", b"GPOS", b"GDEF", b"BASE", b"JSTF", b"MATH", b"vhea", b"vmtx", b"VORG"] {
        drop.insert(Tag::new(tag));
    }
    let mut scripts = IntSet::<Tag>::empty();
    scripts.invert();
    let features: IntSet<Tag> = skera::DEFAULT_LAYOUT_FEATURES.iter().copied().collect();
    let mut name_ids = IntSet::<NameId>::empty();
    name_ids.insert_range(NameId::new(0)..=NameId::new(6));
    let mut languages = IntSet::<u16>::empty();
    languages.insert(0x0409);
    languages.insert(0x0804);
    let plan = skera::Plan::new(
        &IntSet::<GlyphId>::empty(),
        &unicodes,
        &font,
        skera::SubsetFlags::SUBSET_FLAGS_DEFAULT,
        &drop,
        &scripts,
        &features,
        &name_ids,
        &languages,
    );
    skera::subset_font(&font, &plan).map_err(|e| format!("subsetting failed: {e}"))
}

/// Make a bold design say so in `OS/2.usWeightClass` (700).
///
/// The Fandol Bold faces declare weight 400 (only their style name and `macStyle` say
/// bold), so fontconfig — and with it LibreOffice — sees two regular faces in the
/// family and may set bold text in the regular one, which lacks its glyphs. The
/// table's checksum and `head.checkSumAdjustment` are updated (OpenType §5).
fn declare_bold(font: &mut [u8]) {
    let Some(os2) = table_record(font, b"OS/2") else { return };
    let Some(weight) = font.get(os2.offset + 4..os2.offset + 6) else { return };
    if u16::from_be_bytes([weight[0], weight[1]]) >= 600 {
        return;
    }
    font[os2.offset + 4..os2.offset + 6].copy_from_slice(&700u16.to_be_bytes());
    let sum = checksum(&font[os2.offset..(os2.offset + os2.length).min(font.len())]);
    font[os2.record + 4..os2.record + 8].copy_from_slice(&sum.to_be_bytes());
    if let Some(head) = table_record(font, b"head") {
        let adjust = head.offset + 8;
        if adjust + 4 <= font.len() {
            font[adjust..adjust + 4].copy_from_slice(&[0; 4]);
            let head_sum =
                checksum(&font[head.offset..(head.offset + head.length).min(font.len())]);
            font[head.record + 4..head.record + 8].copy_from_slice(&head_sum.to_be_bytes());
            let total = 0xB1B0_AFBAu32.wrapping_sub(checksum(font));
            font[adjust..adjust + 4].copy_from_slice(&total.to_be_bytes());
        }
    }
}

/// Where a table's directory record and data are.
struct TableRecord {
    /// Offset of the 16-byte directory record.
    record: usize,
    /// Offset of the table data.
    offset: usize,
    /// Length of the table data.
    length: usize,
}

fn table_record(font: &[u8], tag: &[u8; 4]) -> Option<TableRecord> {
    let be32 = |o: usize| font.get(o..o + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    let count = font.get(4..6).map(|b| u16::from_be_bytes([b[0], b[1]]))?;
    (0..usize::from(count)).map(|i| 12 + 16 * i).find_map(|record| {
        (font.get(record..record + 4)? == tag).then(|| TableRecord {
            record,
            offset: be32(record + 8).unwrap_or(0) as usize,
            length: be32(record + 12).unwrap_or(0) as usize,
        })
    })
}

/// The OpenType checksum: the sum of big-endian u32 words, zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// A deterministic font key: a GUID made from a 128-bit FNV-1a hash of the family, the
/// style and the font bytes.
fn font_key(family: &str, bold: bool, data: &[u8]) -> String {
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut hash: u128 = 0x6c62272e07bb014262b821756295c58d;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u128::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    };
    feed(family.as_bytes());
    feed(&[u8::from(bold)]);
    feed(data);
    let h = format!("{hash:032X}");
    format!("{{{}-{}-{}-{}-{}}}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

/// Font obfuscation, ISO/IEC 29500-1 §17.8.1: the GUID of `key` read as 16 bytes in
/// reverse order of its string form, XORed over the first 32 bytes of the font (the
/// same operation de-obfuscates).
pub(crate) fn obfuscate(data: &mut [u8], key: &str) {
    let digits: Vec<u8> = key.chars().filter_map(|c| c.to_digit(16)).map(|d| d as u8).collect();
    debug_assert_eq!(digits.len(), 32, "a font key is a GUID");
    let bytes: Vec<u8> = digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect();
    for (i, b) in data.iter_mut().take(32).enumerate() {
        *b ^= bytes[15 - i % 16];
    }
}

/// The parts of `OS/2` the font table repeats.
struct Os2 {
    panose: [u8; 10],
    unicode_ranges: [u32; 4],
    code_pages: [u32; 2],
    fixed_pitch: bool,
}

impl Os2 {
    fn of(plan: &FontPlan, id: FontId) -> Option<Os2> {
        let loaded = plan.book().face(id);
        let face = ttf_parser::Face::parse(&loaded.data, loaded.index).ok()?;
        let raw = face.raw_face().table(ttf_parser::Tag::from_bytes(b"OS/2"))?;
        let u32_at = |o: usize| -> u32 {
            raw.get(o..o + 4).map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        };
        let mut panose = [0u8; 10];
        panose.copy_from_slice(raw.get(32..42)?);
        let version = u16::from_be_bytes([raw[0], raw[1]]);
        let code_pages = if version >= 1 { [u32_at(78), u32_at(82)] } else { [0, 0] };
        Some(Os2 {
            panose,
            unicode_ranges: [u32_at(42), u32_at(46), u32_at(50), u32_at(54)],
            code_pages,
            fixed_pitch: face.is_monospaced(),
        })
    }

    /// `OS/2.fsType` (0 when absent: installable).
    fn fs_type(face: &ttf_parser::Face<'_>) -> u16 {
        face.raw_face()
            .table(ttf_parser::Tag::from_bytes(b"OS/2"))
            .and_then(|raw| raw.get(8..10))
            .map_or(0, |b| u16::from_be_bytes([b[0], b[1]]))
    }

    /// Add `w:panose1`, `w:charset`, `w:family`, `w:pitch` and `w:sig` (§17.8.3).
    fn describe(&self, font: Element) -> Element {
        let panose: String = self.panose.iter().map(|b| format!("{b:02X}")).collect();
        // Code page bit 18 is GB2312 (code page 936): GB2312_CHARSET (0x86).
        let charset = if self.code_pages[0] & (1 << 18) != 0 { "86" } else { "00" };
        let family = match (self.panose[0], self.panose[1], self.panose[3]) {
            (2, _, 9) => "modern",
            (2, 11..=13, _) => "swiss",
            (2, _, _) => "roman",
            _ => "auto",
        };
        let hex = |v: u32| format!("{v:08X}");
        font.child(Element::new("w:panose1").attr("w:val", panose))
            .child(Element::new("w:charset").attr("w:val", charset))
            .child(Element::new("w:family").attr("w:val", family))
            .child(
                Element::new("w:pitch")
                    .attr("w:val", if self.fixed_pitch { "fixed" } else { "variable" }),
            )
            .child(
                Element::new("w:sig")
                    .attr("w:usb0", hex(self.unicode_ranges[0]))
                    .attr("w:usb1", hex(self.unicode_ranges[1]))
                    .attr("w:usb2", hex(self.unicode_ranges[2]))
                    .attr("w:usb3", hex(self.unicode_ranges[3]))
                    .attr("w:csb0", hex(self.code_pages[0]))
                    .attr("w:csb1", hex(self.code_pages[1])),
            )
    }
}

/// Group the used faces by the family the DOCX names.
pub(crate) fn group<'a>(
    named: impl Iterator<Item = (String, FontId, Option<String>)>,
    used: impl Iterator<Item = &'a UsedFace>,
) -> BTreeMap<String, FamilyEntry<'a>> {
    let mut out: BTreeMap<String, FamilyEntry<'a>> = BTreeMap::new();
    for (family, id, alt) in named {
        out.entry(family).or_insert(FamilyEntry { meta_face: id, alt, faces: Vec::new() });
    }
    for face in used {
        let entry = out.entry(face.name.family.clone()).or_insert(FamilyEntry {
            meta_face: face.id,
            alt: face.name.alt.clone(),
            faces: Vec::new(),
        });
        entry.faces.push(face);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obfuscation_uses_the_reversed_guid_and_is_an_involution() {
        let key = "{00112233-4455-6677-8899-AABBCCDDEEFF}";
        let mut data: Vec<u8> = vec![0; 40];
        obfuscate(&mut data, key);
        // Byte 0 is XORed with the key's last byte, byte 15 with its first.
        assert_eq!(data[0], 0xFF);
        assert_eq!(data[15], 0x00);
        assert_eq!(data[1], 0xEE);
        assert_eq!(data[16], 0xFF);
        assert_eq!(&data[32..], &[0; 8], "only 32 bytes are obfuscated");
        obfuscate(&mut data, key);
        assert_eq!(data, vec![0; 40]);
    }

    #[test]
    fn licence_bits() {
        assert_eq!(licence(0x0000), Ok(false), "installable");
        assert_eq!(licence(0x0008), Ok(false), "editable (Fandol)");
        assert_eq!(licence(0x0108), Ok(true), "editable, no subsetting: embed whole");
        assert!(licence(0x0002).is_err(), "restricted");
        assert!(licence(0x0004).is_err(), "preview & print");
        assert!(licence(0x0208).is_err(), "bitmap only");
    }

    #[test]
    fn truetype_conversions_live_in_ttf_beside_the_font() {
        let p = truetype_conversion(Path::new("/x/fonts/FandolFang-Regular.otf"));
        assert_eq!(p, Path::new("/x/fonts/ttf/FandolFang-Regular.ttf"));
    }

    #[test]
    fn declared_bold_keeps_the_checksums_valid() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/LiberationSerif-Regular.ttf");
        let mut font = std::fs::read(path).unwrap();
        declare_bold(&mut font);
        let face = ttf_parser::Face::parse(&font, 0).unwrap();
        assert_eq!(face.weight().to_number(), 700);
        let os2 = table_record(&font, b"OS/2").unwrap();
        let stored = u32::from_be_bytes(font[os2.record + 4..os2.record + 8].try_into().unwrap());
        assert_eq!(stored, checksum(&font[os2.offset..os2.offset + os2.length]));
        assert_eq!(checksum(&font), 0xB1B0_AFBA, "whole-font checksum (OpenType `head`)");
    }

    #[test]
    fn font_keys_are_guids_and_stable() {
        let a = font_key("FandolFang R", false, b"abc");
        assert_eq!(a, font_key("FandolFang R", false, b"abc"));
        assert_ne!(a, font_key("FandolFang R", true, b"abc"));
        assert_eq!(a.len(), 38);
        assert!(a.starts_with('{') && a.ends_with('}'));
    }
}
