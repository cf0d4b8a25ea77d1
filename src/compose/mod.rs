//! Compose: report + layout → the neutral document tree.
pub mod tree;
