//! Layout files (`layouts/*.yaml`): page geometry, the character grid, font roles,
//! sizes and table widths. One resolved [`Style`] feeds compose, the layout engine and
//! the DOCX writer, so both outputs use the same numbers.
//!
//! A report picks a layout by name (`layout: official`) or by path, and may override
//! any value with `layout_overrides:` — a partial mapping deep-merged over the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::compose::tree::Role;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Pure black, the colour of all official text (GB/T 9704 5.2.4).
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    /// White.
    pub const WHITE: Rgb = Rgb(255, 255, 255);

    /// Parse `#RRGGBB`.
    pub fn from_hex(s: &str) -> Option<Rgb> {
        parse_hex_color(s).map(|(r, g, b)| Rgb(r, g, b))
    }

    /// `RRGGBB` (as OOXML writes colours).
    pub fn hex(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// Millimetres to points.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// A resolved layout.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Style {
    /// Short name (`official`, `illustrated`).
    pub name: String,
    /// One-line description.
    #[serde(default)]
    pub description: String,
    /// Paper and margins.
    pub page: PageSpec,
    /// The character grid.
    pub grid: GridSpec,
    /// Font preference list per role, plus `latin` for digits and Latin letters.
    pub fonts: BTreeMap<String, Vec<String>>,
    /// Font size per role in pt.
    pub sizes: BTreeMap<String, f32>,
    /// Bold per role (missing = not bold, except where the role's face is bold).
    #[serde(default)]
    pub bold: BTreeMap<String, bool>,
    /// Title block.
    #[serde(default)]
    pub title: TitleSpec,
    /// Signature block.
    #[serde(default)]
    pub signature: SignatureSpec,
    /// Page numbers.
    pub page_number: PageNumberSpec,
    /// Table settings.
    pub tables: TableSpec,
    /// Colour palettes by name (the illustrated variant; `blue`, `red`).
    #[serde(default)]
    pub palettes: BTreeMap<String, Palette>,
    /// The palette used unless the report picks another.
    #[serde(default)]
    pub palette: Option<String>,
    /// Band colour behind a role's paragraphs (palette role or `#RRGGBB`), e.g.
    /// `heading1: primary` for the illustrated section bars.
    #[serde(default)]
    pub fills: BTreeMap<String, String>,
    /// Text colour per role (palette role or `#RRGGBB`; default black).
    #[serde(default)]
    pub text_colors: BTreeMap<String, String>,
    /// Geometry of the illustrated variant's graphics; absent in the official layout.
    #[serde(default)]
    pub illustrated: Option<IllustratedSpec>,
}

/// Sizes of the illustrated variant's graphic blocks (mm and pt).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IllustratedSpec {
    /// Title band height in mm.
    pub banner_height_mm: f32,
    /// Agency line size in pt (small, light).
    pub banner_agency_size: f32,
    /// Title size in pt.
    pub banner_title_size: f32,
    /// Year figure size in pt.
    pub banner_year_size: f32,
    /// Key-figure cards per row.
    pub card_columns: u32,
    /// Card height in mm.
    pub card_height_mm: f32,
    /// Gap between cards in mm.
    pub card_gap_mm: f32,
    /// Card number size in pt.
    pub card_value_size: f32,
    /// Card unit and label size in pt.
    pub card_label_size: f32,
    /// Chart height in mm (rings and bars; horizontal bars grow with their categories).
    pub chart_height_mm: f32,
    /// Chart title size in pt.
    pub chart_title_size: f32,
    /// Chart label size in pt.
    pub chart_label_size: f32,
    /// Footer text (agency) size in pt.
    pub footer_size: f32,
}

/// The sizes of the A4 illustrated layout, for a layout without `illustrated:`.
impl Default for IllustratedSpec {
    fn default() -> Self {
        IllustratedSpec {
            banner_height_mm: 58.0,
            banner_agency_size: 12.0,
            banner_title_size: 20.0,
            banner_year_size: 40.0,
            card_columns: 3,
            card_height_mm: 26.0,
            card_gap_mm: 4.0,
            card_value_size: 26.0,
            card_label_size: 9.5,
            chart_height_mm: 62.0,
            chart_title_size: 10.5,
            chart_label_size: 8.5,
            footer_size: 8.0,
        }
    }
}

/// A colour palette (`#RRGGBB` strings), see illustrated-design.md.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Palette {
    /// Title band, section bars, the first category.
    pub primary: String,
    /// Second series.
    pub secondary: String,
    /// Highlights and rules.
    pub accent: String,
    /// Cards and table headers.
    pub tint: String,
    /// Light backgrounds.
    pub light: String,
    /// Text.
    pub text: String,
    /// Muted text.
    pub muted: String,
    /// Category colours in order, differing in lightness for greyscale printing.
    pub series: Vec<String>,
}

/// A palette with its colours parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Colors {
    /// Title band, section bars, the first category.
    pub primary: Rgb,
    /// Second series.
    pub secondary: Rgb,
    /// Highlights and rules.
    pub accent: Rgb,
    /// Cards and table headers.
    pub tint: Rgb,
    /// Light backgrounds.
    pub light: Rgb,
    /// Text.
    pub text: Rgb,
    /// Muted text.
    pub muted: Rgb,
    /// Category colours in order.
    pub series: Vec<Rgb>,
}

impl Palette {
    /// Parse every colour (invalid ones become mid grey).
    pub fn colors(&self) -> Colors {
        let c = |s: &str| Rgb::from_hex(s).unwrap_or(Rgb(128, 128, 128));
        Colors {
            primary: c(&self.primary),
            secondary: c(&self.secondary),
            accent: c(&self.accent),
            tint: c(&self.tint),
            light: c(&self.light),
            text: c(&self.text),
            muted: c(&self.muted),
            series: self.series.iter().map(|s| c(s)).collect(),
        }
    }
}

/// Paper size and margins in mm.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageSpec {
    /// Paper width.
    pub width_mm: f32,
    /// Paper height.
    pub height_mm: f32,
    /// Top margin (天头).
    pub margin_top_mm: f32,
    /// Bottom margin.
    pub margin_bottom_mm: f32,
    /// Left margin (订口).
    pub margin_left_mm: f32,
    /// Right margin (翻口).
    pub margin_right_mm: f32,
}

/// The GB/T 9704 grid: characters per line and lines per page of body text.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GridSpec {
    /// Characters per line (28).
    pub chars_per_line: u32,
    /// Lines per page (22).
    pub lines_per_page: u32,
    /// Line pitch in pt, overriding type-area height / lines per page (needed for a
    /// page of automatic height).
    #[serde(default)]
    pub line_pitch_pt: Option<f32>,
}

/// Title settings.
#[derive(Clone, Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct TitleSpec {
    /// Blank grid lines under the title.
    #[serde(default)]
    pub space_after_lines: f32,
}

/// Signature (落款) settings.
#[derive(Clone, Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SignatureSpec {
    /// Blank grid lines above the signature.
    #[serde(default)]
    pub space_before_lines: f32,
    /// Characters left blank at the right of the signature and date.
    #[serde(default)]
    pub right_inset_chars: f32,
}

/// Page-number settings (GB/T 9704 7.5).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageNumberSpec {
    /// Format with `{n}` for the number, e.g. 「— {n} —」.
    pub format: String,
    /// Distance from the bottom of the type area to the number line's top, in mm.
    pub below_type_area_mm: f32,
    /// Characters of inset from the outer edge of the type area.
    pub inset_chars: f32,
}

/// Table settings.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// Line height inside cells as a multiple of the table font size.
    pub line_height: f32,
    /// Padding inside every cell, in mm.
    pub cell_padding_mm: f32,
    /// Rule width in pt.
    pub rule_pt: f32,
    /// Shading of header cells (`#RRGGBB`), none if absent.
    #[serde(default)]
    pub header_shading: Option<String>,
    /// Shading of caption rows (「第二十条第（一）项」).
    #[serde(default)]
    pub caption_shading: Option<String>,
    /// Column widths in mm per table: `active`, `applications`, `review`.
    pub columns: BTreeMap<String, Vec<f32>>,
}

/// Errors while reading a layout.
#[derive(Debug, thiserror::Error)]
pub enum StyleError {
    /// The named layout does not exist.
    #[error("找不到版式「{name}」（在 {searched} 中查找）/ layout `{name}` not found (searched {searched})")]
    NotFound {
        /// The requested name.
        name: String,
        /// Where we looked.
        searched: String,
    },
    /// The file could not be read.
    #[error("无法读取版式文件 {path}：{source} / cannot read layout {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file (after overrides) is not a valid layout.
    #[error("版式文件 {path} 无效：{message} / invalid layout {path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What serde said, with location.
        message: String,
    },
}

/// The built-in layouts, compiled in so the binary works from any directory.
pub const BUILTIN: &[(&str, &str)] = &[
    ("official", include_str!("../layouts/official.yaml")),
    ("illustrated", include_str!("../layouts/illustrated.yaml")),
    ("illustrated-mobile", include_str!("../layouts/illustrated-mobile.yaml")),
];

impl Style {
    /// Load a layout by name (built-in or `layouts/<name>.yaml` next to the report) or
    /// by path, then apply `overrides` (a YAML mapping deep-merged over it).
    pub fn load(
        name_or_path: &str,
        report_dir: &Path,
        overrides: Option<&serde_yaml::Value>,
    ) -> Result<Style, StyleError> {
        let (path, text) = Self::find(name_or_path, report_dir)?;
        let mut value: serde_yaml::Value = serde_yaml::from_str(&text)
            .map_err(|e| StyleError::Invalid { path: path.clone(), message: e.to_string() })?;
        if let Some(over) = overrides {
            merge(&mut value, over);
        }
        serde_yaml::from_value(value)
            .map_err(|e| StyleError::Invalid { path, message: e.to_string() })
    }

    /// The built-in official layout (used by tests and as the default).
    pub fn official() -> Style {
        serde_yaml::from_str(BUILTIN[0].1).expect("built-in layout is valid")
    }

    fn find(name_or_path: &str, report_dir: &Path) -> Result<(PathBuf, String), StyleError> {
        let looks_like_path = name_or_path.ends_with(".yaml") || name_or_path.contains('/');
        if looks_like_path {
            let path = report_dir.join(name_or_path);
            let text = std::fs::read_to_string(&path)
                .map_err(|source| StyleError::Io { path: path.clone(), source })?;
            return Ok((path, text));
        }
        let local = report_dir.join("layouts").join(format!("{name_or_path}.yaml"));
        if let Ok(text) = std::fs::read_to_string(&local) {
            return Ok((local, text));
        }
        if let Some((_, text)) = BUILTIN.iter().find(|(n, _)| *n == name_or_path) {
            return Ok((
                PathBuf::from(format!("<built-in>/{name_or_path}.yaml")),
                text.to_string(),
            ));
        }
        Err(StyleError::NotFound {
            name: name_or_path.to_string(),
            searched: format!(
                "{} and the built-in layouts ({})",
                local.display(),
                BUILTIN.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
            ),
        })
    }

    /// Paper width in pt.
    pub fn page_width(&self) -> f32 {
        self.page.width_mm * PT_PER_MM
    }

    /// Paper height in pt.
    pub fn page_height(&self) -> f32 {
        self.page.height_mm * PT_PER_MM
    }

    /// Width of the type area (版心) in pt.
    pub fn text_width(&self) -> f32 {
        (self.page.width_mm - self.page.margin_left_mm - self.page.margin_right_mm) * PT_PER_MM
    }

    /// Height of the type area in pt.
    pub fn text_height(&self) -> f32 {
        (self.page.height_mm - self.page.margin_top_mm - self.page.margin_bottom_mm) * PT_PER_MM
    }

    /// The horizontal character pitch of body text: type-area width / characters per
    /// line (442.2 pt / 28 = 15.79 pt on the official page).
    pub fn char_pitch(&self) -> f32 {
        self.text_width() / self.grid.chars_per_line as f32
    }

    /// The line pitch of body text: type-area height / lines per page
    /// (637.8 pt / 22 = 28.99 pt).
    pub fn line_pitch(&self) -> f32 {
        self.grid.line_pitch_pt.unwrap_or(self.text_height() / self.grid.lines_per_page as f32)
    }

    /// Whether pages grow with their content (a long image for mobile publishing):
    /// `page.height_mm: 0`.
    pub fn auto_height(&self) -> bool {
        self.page.height_mm <= 0.0
    }

    /// A colour value of the layout: a palette role (`primary`, `tint`, …) of the
    /// report's palette, or `#RRGGBB`.
    pub fn color(&self, value: &str, palette: &Colors) -> Option<Rgb> {
        match value {
            "primary" => Some(palette.primary),
            "secondary" => Some(palette.secondary),
            "accent" => Some(palette.accent),
            "tint" => Some(palette.tint),
            "light" => Some(palette.light),
            "text" => Some(palette.text),
            "muted" => Some(palette.muted),
            "white" => Some(Rgb::WHITE),
            hex => Rgb::from_hex(hex),
        }
    }

    /// The band colour behind a role's paragraphs (illustrated section bars), if any.
    pub fn fill(&self, role: Role, palette: &Colors) -> Option<Rgb> {
        self.fills.get(role.key()).and_then(|v| self.color(v, palette))
    }

    /// The text colour of a role (default black).
    pub fn text_color(&self, role: Role, palette: &Colors) -> Rgb {
        self.text_colors.get(role.key()).and_then(|v| self.color(v, palette)).unwrap_or(Rgb::BLACK)
    }

    /// Font size of a role in pt (falls back to the body size).
    pub fn size(&self, role: Role) -> f32 {
        self.sizes.get(role.key()).or_else(|| self.sizes.get("body")).copied().unwrap_or(16.0)
    }

    /// Whether a role is set bold.
    pub fn bold(&self, role: Role) -> bool {
        self.bold.get(role.key()).copied().unwrap_or(false)
    }

    /// Font preference list of a role (falls back to the body list).
    pub fn font_list(&self, role: Role) -> &[String] {
        self.fonts
            .get(role.key())
            .or_else(|| self.fonts.get("body"))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Font preference list for digits and Latin letters.
    pub fn latin_fonts(&self) -> &[String] {
        self.fonts.get("latin").map(Vec::as_slice).unwrap_or(&[])
    }

    /// The colours of palette `name` (or the layout's default palette, or 政务蓝).
    pub fn colors(&self, name: Option<&str>) -> Colors {
        let name = name.or(self.palette.as_deref()).unwrap_or("blue");
        match self.palettes.get(name) {
            Some(p) => p.colors(),
            None => Palette {
                primary: "#1F4E9D".into(),
                secondary: "#2F80C8".into(),
                accent: "#E6A700".into(),
                tint: "#C6D9F1".into(),
                light: "#EEF3FA".into(),
                text: "#1A1A1A".into(),
                muted: "#6B6B6B".into(),
                series: [
                    "#1F4E9D", "#2F80C8", "#E6A700", "#7FB2E5", "#0B2E63", "#9DA9B8", "#C98B00",
                ]
                .map(String::from)
                .to_vec(),
            }
            .colors(),
        }
    }

    /// Column widths of a table in pt.
    pub fn table_columns_pt(&self, key: &str) -> Option<Vec<f32>> {
        self.tables.columns.get(key).map(|c| c.iter().map(|mm| mm * PT_PER_MM).collect())
    }
}

/// Deep-merge `over` into `base`: mappings merge key by key, anything else replaces.
pub fn merge(base: &mut serde_yaml::Value, over: &serde_yaml::Value) {
    match (base, over) {
        (serde_yaml::Value::Mapping(b), serde_yaml::Value::Mapping(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (slot, v) => *slot = v.clone(),
    }
}

/// Parse `#RRGGBB`.
pub fn parse_hex_color(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let v = u32::from_str_radix(h, 16).ok()?;
    Some(((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_grid_pitches() {
        let s = Style::official();
        assert!((s.text_width() - 442.2).abs() < 0.1, "{}", s.text_width());
        assert!((s.char_pitch() - 15.79).abs() < 0.01, "{}", s.char_pitch());
        assert!((s.line_pitch() - 28.99).abs() < 0.01, "{}", s.line_pitch());
        let sum: f32 = s.tables.columns["applications"].iter().sum();
        assert!((s.tables.columns["active"].iter().sum::<f32>() - 156.0).abs() < 0.01);
        assert!((sum - 156.0).abs() < 0.01);
    }

    #[test]
    fn builtin_layouts_parse() {
        for (name, _) in BUILTIN {
            let s = Style::load(name, Path::new("/nonexistent"), None).unwrap();
            assert_eq!(s.name, *name);
        }
        let m = Style::load("illustrated-mobile", Path::new("."), None).unwrap();
        assert!(m.auto_height());
        assert!((m.page_width() - 360.0).abs() < 0.1);
        assert_eq!(m.line_pitch(), 20.0);
        let i = Style::load("illustrated", Path::new("."), None).unwrap();
        let red = i.colors(Some("red"));
        assert_eq!(red.primary, Rgb(0xB7, 0x1C, 0x1C));
        assert_eq!(i.fill(Role::Heading1, &red), Some(red.primary));
        assert_eq!(i.text_color(Role::Heading1, &red), Rgb::WHITE);
        assert_eq!(i.text_color(Role::Body, &red), Rgb::BLACK);
    }

    #[test]
    fn overrides_merge_deeply() {
        let over: serde_yaml::Value = serde_yaml::from_str("sizes: {table: 10.5}").unwrap();
        let s = Style::load("official", Path::new("."), Some(&over)).unwrap();
        assert_eq!(s.size(Role::TableText), 10.5);
        assert_eq!(s.size(Role::Body), 16.0);
    }
}
