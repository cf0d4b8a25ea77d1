//! Layout: the document tree → positioned pages (fonts, CJK line breaking, grid,
//! pagination, tables).
pub mod frame;
mod inline;
