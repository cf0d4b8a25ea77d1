//! Character classes for Chinese line composition (W3C clreq, GB/T 15834), and the
//! line-start / line-end prohibition sets.
//!
//! The prohibition level is clreq's **GB** level (basic + no solidus at line end)
//! plus the **strict** rule that dashes and ellipses never start a line, so that
//! 「——」「……」 never open a line either.

/// How a character is set: its width on the grid and how it may be adjusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CharClass {
    /// Han ideographs, kana, hangul, full-width letters and digits, the ideographic
    /// space: one grid cell, glyph centred.
    Ideo,
    /// Opening brackets and quotation marks （《“‘〔【: one cell, glyph at the right.
    Open,
    /// Closing brackets and quotation marks ）》”’〕】: one cell, glyph at the left.
    Close,
    /// Pause marks 、，；：: one cell, glyph at the left.
    Pause,
    /// Stops 。？！: one cell, glyph at the left.
    Stop,
    /// Dashes and ellipses — … ⋯: one cell per character; a pair is one unit.
    DashEllipsis,
    /// Interpuncts · ・ ‧: a fixed ½ cell (clreq 3.1.6.1, GB style).
    Interpunct,
    /// Connectors and solidi set full width (～ ／): one cell, no justification space.
    Connector,
    /// Western letters and digits: proportional; spaced from Han by ¼ em.
    LatinAlnum,
    /// Other Western printable characters (. , @ - % / …): proportional, part of words.
    LatinSymbol,
    /// A breakable space (U+0020, tab): proportional, elastic.
    Space,
    /// Anything else (symbols, other scripts): proportional, breakable around.
    Other,
}

impl CharClass {
    /// The class of one character.
    pub(crate) fn of(ch: char) -> CharClass {
        match ch {
            '、' | '，' | '；' | '：' | '︰' | '︱' => CharClass::Pause,
            '。' | '？' | '！' | '．' | '｡' => CharClass::Stop,
            '（' | '［' | '｛' | '〔' | '〈' | '《' | '「' | '『' | '【' | '〘' | '〖' | '〝'
            | '“' | '‘' => CharClass::Open,
            '）' | '］' | '｝' | '〕' | '〉' | '》' | '」' | '』' | '】' | '〙' | '〗' | '〞'
            | '〟' | '”' | '’' => CharClass::Close,
            '—' | '―' | '⸺' | '⸻' | '…' | '⋯' | '‥' => CharClass::DashEllipsis,
            '·' | '・' | '‧' | '•' => CharClass::Interpunct,
            '～' | '〜' | '／' | '＼' => CharClass::Connector,
            ' ' | '\t' => CharClass::Space,
            // A no-break space glues its neighbours like a letter of one word.
            '\u{00A0}' | '\u{202F}' => CharClass::LatinSymbol,
            c if c.is_control() => CharClass::Space,
            c if c.is_ascii_alphanumeric() => CharClass::LatinAlnum,
            c if c.is_ascii_graphic() => CharClass::LatinSymbol,
            c if is_ideographic(c) => CharClass::Ideo,
            c if c.is_alphanumeric() && (c as u32) < 0x2000 => CharClass::LatinAlnum,
            _ => CharClass::Other,
        }
    }

    /// Whether the class takes whole grid cells (rather than the font's advance).
    pub(crate) fn is_full_width(self) -> bool {
        matches!(
            self,
            CharClass::Ideo
                | CharClass::Open
                | CharClass::Close
                | CharClass::Pause
                | CharClass::Stop
                | CharClass::DashEllipsis
                | CharClass::Connector
        )
    }

    /// Whether the class is set with the font's own advance (Western text).
    pub(crate) fn is_proportional(self) -> bool {
        matches!(
            self,
            CharClass::LatinAlnum | CharClass::LatinSymbol | CharClass::Space | CharClass::Other
        )
    }

    /// Whether the class belongs to a Western word (no break inside a run of these).
    pub(crate) fn is_word_part(self) -> bool {
        matches!(self, CharClass::LatinAlnum | CharClass::LatinSymbol)
    }

    /// A closing-type mark whose right half is blank (mainland glyph position), so it
    /// may lose ½ em at the end of a line (GB/T 15834 5.1.10, clreq 3.1.6.3).
    pub(crate) fn is_trimmable_end(self) -> bool {
        matches!(self, CharClass::Close | CharClass::Pause | CharClass::Stop)
    }
}

/// Characters that take no room and no glyph: zero-width spaces and joiners, the
/// soft hyphen, the byte-order mark. They are dropped before setting.
pub(crate) fn is_invisible(ch: char) -> bool {
    matches!(ch, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// The character whose glyph sets `ch`: spaces of every kind (and stray control
/// characters, which compose should not produce) are set with U+0020.
pub(crate) fn glyph_char(ch: char) -> char {
    if ch.is_control() || matches!(ch, '\u{00A0}' | '\u{202F}') {
        ' '
    } else {
        ch
    }
}

/// Han ideographs and the other characters set on full-width cells.
fn is_ideographic(ch: char) -> bool {
    matches!(ch as u32,
        0x2460..=0x24FF      // enclosed alphanumerics ①
        | 0x2E80..=0x2FDF    // radicals
        | 0x3000..=0x303F    // CJK symbols (punctuation is classified before this)
        | 0x3040..=0x30FF    // kana
        | 0x3100..=0x312F    // bopomofo
        | 0x3200..=0x33FF    // enclosed CJK, compatibility
        | 0x3400..=0x4DBF    // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xAC00..=0xD7AF    // hangul
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFE30..=0xFE4F    // CJK compatibility forms
        | 0xFF01..=0xFF60    // full-width forms
        | 0xFFE0..=0xFFE6    // full-width signs ￥
        | 0x20000..=0x3FFFF  // extensions B–H
    ) || matches!(ch, '℃' | '№' | '※' | '〇')
}

/// Characters that must not start a line (clreq basic + GB, strict for — and …).
pub(crate) fn cannot_start(ch: char) -> bool {
    matches!(
        ch,
        '、' | '，'
            | '；'
            | '：'
            | '。'
            | '！'
            | '？'
            | '．'
            | '｡'
            | '）'
            | '］'
            | '｝'
            | '〕'
            | '〉'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〙'
            | '〗'
            | '〞'
            | '〟'
            | '”'
            | '’'
            | '—'
            | '―'
            | '⸺'
            | '⸻'
            | '…'
            | '⋯'
            | '‥'
            | '·'
            | '・'
            | '‧'
            | '～'
            | '〜'
            | '％'
            | '‰'
            | '℃'
            | '°'
            | '′'
            | '″'
            | ')'
            | ']'
            | '}'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '%'
            | 'ー'
            | '々'
            | '〻'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
    )
}

/// Characters that must not end a line (opening marks; GB level adds the solidus;
/// currency signs stay with their amount).
pub(crate) fn cannot_end(ch: char) -> bool {
    matches!(
        ch,
        '（' | '［'
            | '｛'
            | '〔'
            | '〈'
            | '《'
            | '「'
            | '『'
            | '【'
            | '〘'
            | '〖'
            | '〝'
            | '“'
            | '‘'
            | '('
            | '['
            | '{'
            | '／'
            | '＼'
            | '￥'
            | '＄'
            | '£'
            | '€'
            | '$'
            | '¥'
    )
}

/// Whether Han–Latin spacing applies between `han` and a neighbouring Western char
/// (clreq 3.2.2: letters and digits; also # $ % & as Typst does).
pub(crate) fn takes_han_spacing(ch: char) -> bool {
    CharClass::of(ch) == CharClass::LatinAlnum || matches!(ch, '#' | '$' | '%' | '&')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_common_marks() {
        assert_eq!(CharClass::of('中'), CharClass::Ideo);
        assert_eq!(CharClass::of('，'), CharClass::Pause);
        assert_eq!(CharClass::of('。'), CharClass::Stop);
        assert_eq!(CharClass::of('“'), CharClass::Open);
        assert_eq!(CharClass::of('”'), CharClass::Close);
        assert_eq!(CharClass::of('〔'), CharClass::Open);
        assert_eq!(CharClass::of('…'), CharClass::DashEllipsis);
        assert_eq!(CharClass::of('7'), CharClass::LatinAlnum);
        assert_eq!(CharClass::of('@'), CharClass::LatinSymbol);
        assert_eq!(CharClass::of('％'), CharClass::Ideo);
    }

    #[test]
    fn prohibition_sets_cover_the_issue_list() {
        for ch in "，。、；：？！）》”’〕】…—".chars() {
            assert!(cannot_start(ch), "{ch} may not start a line");
            assert!(!cannot_end(ch), "{ch} may end a line");
        }
        for ch in "（《“‘〔【".chars() {
            assert!(cannot_end(ch), "{ch} may not end a line");
            assert!(!cannot_start(ch), "{ch} may start a line");
        }
    }
}
