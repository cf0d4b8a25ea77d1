//! Text fields: YAML block scalars → paragraphs of styled runs.
//!
//! A line break inside a paragraph joins the lines (nothing between Chinese
//! characters, one space between Latin letters or digits); a blank line starts a new
//! paragraph; `**…**` marks bold.

/// A styled run of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Bold.
    pub bold: bool,
}

/// A paragraph of runs and the YAML line it starts on.
#[derive(Clone, Debug, PartialEq)]
pub struct Para {
    /// The runs (adjacent runs differ in style).
    pub runs: Vec<Run>,
    /// 1-based YAML line of the paragraph's first line.
    pub line: u32,
}

impl Para {
    /// The plain text of all runs.
    pub fn plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// Split `text` (whose first content line is YAML line `first_line`) into paragraphs.
/// Returns the paragraphs and the lines of any unbalanced `**`.
pub fn paragraphs(text: &str, first_line: u32) -> (Vec<Para>, Vec<u32>) {
    let mut paras = Vec::new();
    let mut unbalanced = Vec::new();
    let mut current: Option<(String, u32)> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let lineno = first_line + i as u32;
        if line.is_empty() {
            if let Some((buf, start)) = current.take() {
                push_para(&mut paras, &mut unbalanced, &buf, start);
            }
            continue;
        }
        match &mut current {
            None => current = Some((line.to_string(), lineno)),
            Some((buf, _)) => {
                if needs_space(buf.chars().last(), line.chars().next()) {
                    buf.push(' ');
                }
                buf.push_str(line);
            }
        }
    }
    if let Some((buf, start)) = current {
        push_para(&mut paras, &mut unbalanced, &buf, start);
    }
    (paras, unbalanced)
}

fn push_para(paras: &mut Vec<Para>, unbalanced: &mut Vec<u32>, buf: &str, line: u32) {
    let (runs, ok) = parse_bold(buf);
    if !ok {
        unbalanced.push(line);
    }
    paras.push(Para { runs, line });
}

/// Whether joining two lines needs a space: only between two Latin-script characters.
fn needs_space(prev: Option<char>, next: Option<char>) -> bool {
    let latin = |c: char| c.is_ascii_alphanumeric() || matches!(c, ',' | '.' | ';' | ':' | ')');
    match (prev, next) {
        (Some(p), Some(n)) => latin(p) && (n.is_ascii_alphanumeric() || n == '('),
        _ => false,
    }
}

/// Split on `**` into alternating plain/bold runs. Returns false if a `**` is unclosed
/// (the text is then kept literally).
pub fn parse_bold(s: &str) -> (Vec<Run>, bool) {
    let parts: Vec<&str> = s.split("**").collect();
    if parts.len().is_multiple_of(2) {
        return (vec![Run { text: s.to_string(), bold: false }], false);
    }
    let runs = parts
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, t)| Run { text: t.to_string(), bold: i % 2 == 1 })
        .collect();
    (runs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_chinese_lines_without_space() {
        let (p, _) = paragraphs("我市政务公开\n工作取得进展。\n\n第二段 with\nLatin words", 10);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].plain(), "我市政务公开工作取得进展。");
        assert_eq!(p[0].line, 10);
        assert_eq!(p[1].plain(), "第二段 with Latin words");
        assert_eq!(p[1].line, 13);
    }

    #[test]
    fn bold_runs() {
        let (runs, ok) = parse_bold("一是**建立**队伍");
        assert!(ok);
        assert_eq!(runs.len(), 3);
        assert!(runs[1].bold && runs[1].text == "建立");
        let (_, ok) = parse_bold("未闭合**粗体");
        assert!(!ok);
    }
}
