//! Source positions of YAML nodes, by path.
//!
//! serde_yaml reports positions only for the errors it raises itself. For the checks
//! that run after deserialisation (arithmetic, editions) we need the line of any value:
//! this module walks the YAML event stream once (yaml-rust2 gives each event a marker)
//! and records, for every node, the position of its key and of its value under a
//! dotted path such as `tables.applications.new[0]`.

use std::collections::BTreeMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
}

/// Positions of every node of a YAML document, by path.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    values: BTreeMap<String, Pos>,
    keys: BTreeMap<String, Pos>,
}

impl SourceMap {
    /// Build the map for `src`. A syntax error leaves a partial map (serde_yaml reports
    /// the error itself).
    pub fn build(src: &str) -> SourceMap {
        let mut builder = Builder::default();
        let mut parser = Parser::new_from_str(src);
        let _ = parser.load(&mut builder, false);
        builder.map
    }

    /// Position of the value at `path` (the scalar, or the start of a collection).
    pub fn value(&self, path: &str) -> Option<Pos> {
        self.values.get(path).copied()
    }

    /// Position of the key naming `path` (for mapping entries), else of the value.
    pub fn key(&self, path: &str) -> Option<Pos> {
        self.keys.get(path).copied().or_else(|| self.value(path))
    }

    /// Best position for `path`: its value, else its key, else the nearest ancestor's.
    pub fn locate(&self, path: &str) -> Pos {
        let mut p = path.to_string();
        loop {
            if let Some(pos) = self.value(&p).or_else(|| self.keys.get(&p).copied()) {
                return pos;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p.truncate(i),
                None => return self.value("").unwrap_or(Pos { line: 1, col: 1 }),
            }
        }
    }

    /// Position of the key naming `path` if it has one, else [`SourceMap::locate`]: the
    /// place to report something about a whole entry (an empty value's own position is
    /// that of the next token).
    pub fn locate_key(&self, path: &str) -> Pos {
        self.keys.get(path).copied().unwrap_or_else(|| self.locate(path))
    }

    /// The line of `path` (see [`SourceMap::locate`]).
    pub fn line(&self, path: &str) -> u32 {
        self.locate(path).line
    }
}

fn pos(m: &Marker) -> Pos {
    Pos { line: m.line() as u32, col: m.col() as u32 + 1 }
}

/// One open collection while walking the events.
#[derive(Debug)]
enum Frame {
    /// A mapping; `key` is the pending key (None while expecting a key); `fresh` until
    /// its first key is seen.
    Map { path: String, key: Option<String>, fresh: bool },
    /// A sequence and the index of the next item.
    Seq { path: String, next: usize },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    map: SourceMap,
}

impl Builder {
    /// Path of the node that starts now, or None if it is a mapping key.
    fn next_path(&mut self) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Map { key: None, .. }) => None,
            Some(Frame::Map { path, key: Some(k), .. }) => {
                let p = join(path, k);
                Some(p)
            }
            Some(Frame::Seq { path, next }) => {
                let p = format!("{path}[{next}]");
                *next += 1;
                Some(p)
            }
        }
    }

    /// A value node finished: a mapping parent now expects a key again.
    fn value_done(&mut self) {
        if let Some(Frame::Map { key, .. }) = self.stack.last_mut() {
            *key = None;
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(text, ..) => match self.next_path() {
                None => {
                    if let Some(Frame::Map { path, key, fresh }) = self.stack.last_mut() {
                        // yaml-rust2 marks a block mapping at its first `:`; the mapping
                        // really starts at its first key.
                        if std::mem::take(fresh) {
                            self.map.values.insert(path.clone(), pos(&mark));
                        }
                        self.map.keys.insert(join(path, &text), pos(&mark));
                        *key = Some(text);
                    }
                }
                Some(p) => {
                    self.map.values.insert(p, pos(&mark));
                    self.value_done();
                }
            },
            Event::Alias(_) if self.next_path().is_some() => self.value_done(),
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let path = self.next_path().unwrap_or_default();
                self.map.values.insert(path.clone(), pos(&mark));
                self.stack.push(match ev {
                    Event::MappingStart(..) => Frame::Map { path, key: None, fresh: true },
                    _ => Frame::Seq { path, next: 0 },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.value_done();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_nested_nodes() {
        let src = "a: 1\nb:\n  c: [1, 2]\n  d:\n    - x: 5\n";
        let m = SourceMap::build(src);
        assert_eq!(m.value("a"), Some(Pos { line: 1, col: 4 }));
        assert_eq!(m.key("b.c").unwrap().line, 3);
        assert_eq!(m.value("b.c[1]"), Some(Pos { line: 3, col: 10 }));
        assert_eq!(m.value("b.d[0].x").unwrap().line, 5);
        assert_eq!(m.line("b.d[0].y"), 5, "missing key falls back to the parent");
        assert_eq!(
            m.value("b.d[0]"),
            Some(Pos { line: 5, col: 7 }),
            "a block mapping starts at its key"
        );
        assert_eq!(m.locate_key("b"), Pos { line: 2, col: 1 });
    }
}
