//! The illustrated variant (图文版): the same report as a designed publication — a title
//! band, the 「数说年报」 key figures, each section's text followed by the charts of its
//! figures and then its official table (styled by the layout), images from the YAML.
//! The text and tables are exactly those of the official variant.

use super::charts::{self, PreviousFigures};
use super::tree::{Banner, Block, Document, Visual};
use super::{figures, images, tables, text, ComposeError};
use crate::model::{self, Report};
use crate::style::Style;

/// Build the document tree of the illustrated variant. `previous` holds last year's
/// figures when the report names them.
pub fn compose(
    report: &Report,
    style: &Style,
    previous: Option<&PreviousFigures>,
) -> Result<Document, ComposeError> {
    let colors = style.colors(report.illustrated.palette.as_deref());
    let placed = charts::charts(report, &colors, previous)?;
    let max_width = style.text_width();
    let mut image = |img: &model::ImageRef| -> Result<Option<Block>, ComposeError> {
        Ok(Some(Block::Visual(Visual::Figure(images::load_figure(img, max_width)?))))
    };
    let mut blocks = vec![
        Block::Visual(Visual::Banner(Banner {
            agency: report.agency.clone(),
            title: report.title.clone(),
            year: report.year.to_string(),
        })),
        Block::Visual(Visual::KeyFigures(figures::key_figures(report))),
    ];
    blocks.extend(text::blocks_with(&report.preamble, &mut image)?);
    for section in &report.sections {
        blocks.push(text::section_heading(section));
        blocks.extend(text::blocks_with(&section.before, &mut image)?);
        blocks.extend(
            placed
                .iter()
                .filter(|c| c.section as usize == section.number)
                .map(|c| Block::Visual(Visual::Chart(c.chart.clone()))),
        );
        match section.number {
            2 => blocks.push(Block::Table(tables::active(report, style)?)),
            3 => blocks.push(Block::Table(tables::applications(report, style)?)),
            4 => blocks.push(Block::Table(tables::review(report, style)?)),
            _ => {}
        }
        blocks.extend(text::blocks_with(&section.after, &mut image)?);
        if section.number == 6 {
            blocks.extend(super::processing_fee_sentence(report));
        }
    }
    blocks.extend(super::signature(report, style));
    let mut meta = super::meta(report);
    meta.title = format!("{}（图文版）", report.title);
    Ok(Document { meta, blocks })
}

/// Last year's figures named by the report: inline numbers, or last year's report file
/// (loaded and checked like this one; its figures are taken after validation).
pub fn previous_figures(report: &Report) -> Result<Option<PreviousFigures>, model::ModelError> {
    use model::schema::PreviousYear;
    match &report.illustrated.previous_year {
        None => Ok(None),
        Some(PreviousYear::Figures(m)) => Ok(Some(m.clone())),
        Some(PreviousYear::Path(p)) => {
            let dir = report.source.parent().unwrap_or(std::path::Path::new("."));
            let (last, _) = model::load(&dir.join(p))?;
            Ok(Some(charts::metrics(&last)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::tree::{Block, Visual};
    use std::path::Path;

    #[test]
    fn charts_follow_their_sections_and_tables_stay_official() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/huaian-2024.yaml");
        let (report, _) = model::load(&path).unwrap();
        let style = Style::load("illustrated", Path::new("."), None).unwrap();
        let doc = compose(&report, &style, None).unwrap();
        assert!(matches!(doc.blocks[0], Block::Visual(Visual::Banner(_))));
        assert!(matches!(doc.blocks[1], Block::Visual(Visual::KeyFigures(_))));
        let kinds: Vec<String> = doc
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) if p.outline_level == Some(1) => {
                    p.inlines[0].text.chars().take(2).collect()
                }
                Block::Visual(Visual::Chart(c)) => format!("chart:{}", c.id),
                Block::Table(t) => format!("table:{:?}", t.kind),
                _ => String::new(),
            })
            .filter(|s| !s.is_empty())
            .collect();
        assert_eq!(
            kinds,
            [
                "一、",
                "二、",
                "chart:regulations",
                "chart:decisions",
                "table:Active",
                "三、",
                "chart:applicants",
                "chart:results",
                "chart:reasons",
                "table:Applications",
                "四、",
                "chart:review",
                "table:Review",
                "五、",
                "六、"
            ]
        );
        assert!(doc.meta.title.ends_with("（图文版）"));
    }
}
