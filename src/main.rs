//! The `nianbao` command line: a thin layer over the library's pipeline.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use nianbao::build;
use nianbao::fonts::{FontBook, FontOptions};
use nianbao::model::{self, diag, skeleton, Diagnostic, Edition, ModelError};

/// 政府信息公开工作年度报告排版工具 / typesets government information-disclosure annual reports.
#[derive(Parser)]
#[command(name = "nianbao", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 校验年报 YAML（勾稽关系、模板版本、字段）/ validate report files (arithmetic, edition, keys).
    ///
    /// 退出码 / exit codes: 0 有效（可有警告）/ valid (warnings allowed); 1 无效 / invalid;
    /// 2 用法或读写错误 / usage or I/O error.
    Check {
        /// 年报 YAML 文件 / report YAML files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// 输出格式 / output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// 生成完整的年报骨架（全部表格，数字为 0）/ write a complete report skeleton (all tables, zeros).
    New {
        /// 报告年度 / report year.
        #[arg(long)]
        year: i32,
        /// 模板版本（默认按年度）/ template edition (default from the year).
        #[arg(long, value_parser = ["2019", "2021"])]
        edition: Option<String>,
        /// 机关名称 / issuing agency.
        #[arg(long, default_value = "【机关名称】")]
        agency: String,
        /// 输出文件（默认标准输出）/ output file (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// 覆盖已有文件 / overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// 输出年报格式的 JSON Schema / print the JSON Schema of the report format.
    Schema,
    /// 排版输出 PDF 和 DOCX / typeset a report into PDF and DOCX.
    Build {
        /// 年报 YAML 文件 / report YAML file.
        file: PathBuf,
        /// 输出目录（默认与 YAML 同目录）/ output directory (default: next to the YAML).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// 输出格式（可重复；默认 pdf 和 docx）/ output format (repeatable; default pdf and docx).
        #[arg(long, value_enum)]
        format: Vec<BuildFormat>,
        /// 版本：official 正式版、illustrated 图文版、all 两者 / variant to build.
        #[arg(long, value_enum, default_value_t = BuildVariant::Official)]
        variant: BuildVariant,
        /// 只用随附字体，不用系统字体 / use only the bundled fonts, not the system's.
        #[arg(long)]
        bundled_fonts_only: bool,
        /// DOCX 标点不悬挂的写法：word（Word、WPS，默认）或 libreoffice（LibreOffice 对
        /// w:overflowPunct 的理解相反）/ which reader's reading of "no hanging punctuation"
        /// the DOCX follows: word (Word, WPS; default) or libreoffice.
        #[arg(long, value_enum, default_value_t = DocxFor::Word)]
        docx_for: DocxFor,
    },
    /// 显示每个字体角色实际使用的字体文件 / show which font file serves each role.
    Fonts {
        /// 年报 YAML 文件 / report YAML file.
        file: PathBuf,
        /// 只用随附字体 / use only the bundled fonts.
        #[arg(long)]
        bundled_fonts_only: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum BuildFormat {
    /// PDF（GB/T 9704 正式版）/ PDF (official filing).
    Pdf,
    /// DOCX（可编辑）/ DOCX (editable).
    Docx,
    /// 长图 PNG（仅图文版，手机发布）/ long PNG for mobile (illustrated variant only).
    Png,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DocxFor {
    /// Word 和 WPS / Word and WPS.
    Word,
    /// LibreOffice.
    Libreoffice,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BuildVariant {
    /// 正式版（GB/T 9704）/ official filing.
    Official,
    /// 图文版 / illustrated.
    Illustrated,
    /// 两者 / both.
    All,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// 文本 / human-readable text.
    Text,
    /// JSON，供其他程序使用 / JSON for other programs.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { files, format } => check(&files, format),
        Command::New { year, edition, agency, output, force } => {
            let edition =
                edition.map(|e| if e == "2019" { Edition::E2019 } else { Edition::E2021 });
            let text = skeleton::skeleton(&skeleton::SkeletonOptions { year, edition, agency });
            write_new(&text, output.as_deref(), force)
        }
        Command::Build { file, output, format, variant, bundled_fonts_only, docx_for } => {
            build(&file, output, &format, variant, bundled_fonts_only, docx_for)
        }
        Command::Fonts { file, bundled_fonts_only } => fonts(&file, bundled_fonts_only),
        Command::Schema => {
            let schema = model::schema::json_schema();
            println!("{}", serde_json::to_string_pretty(&schema).expect("schema serialises"));
            ExitCode::SUCCESS
        }
    }
}

fn check(files: &[PathBuf], format: OutputFormat) -> ExitCode {
    let mut worst = 0u8;
    let mut json = Vec::new();
    for file in files {
        let (code, diags) = match model::load(file) {
            Ok((_, warnings)) => (0, warnings),
            Err(ModelError::Invalid { diagnostics, .. }) => (1, diagnostics),
            Err(e @ ModelError::Io { .. }) => {
                eprintln!("nianbao: {e}");
                let io = Diagnostic::error(
                    "io",
                    "",
                    format!("无法读取文件：{e}"),
                    format!("cannot read the file: {e}"),
                );
                (2, vec![io])
            }
        };
        worst = worst.max(code);
        match format {
            OutputFormat::Json => json.push(diag::to_json_value(file, &diags)),
            OutputFormat::Text if code == 2 => {}
            OutputFormat::Text => print_diags(file, &diags, format, code == 0),
        }
    }
    if let OutputFormat::Json = format {
        // One file: one JSON object; several: an array of them.
        let out = if json.len() == 1 { json.remove(0) } else { serde_json::Value::Array(json) };
        println!("{}", serde_json::to_string_pretty(&out).expect("diagnostics serialise"));
    }
    ExitCode::from(worst)
}

fn print_diags(file: &Path, diags: &[Diagnostic], format: OutputFormat, valid: bool) {
    match format {
        OutputFormat::Json => println!("{}", diag::to_json(file, diags)),
        OutputFormat::Text => {
            for d in diags {
                println!("{}", d.render(file));
            }
            let errors = diags.iter().filter(|d| d.is_error()).count();
            let warnings = diags.len() - errors;
            if valid {
                println!("{}: 有效 valid（{warnings} 个警告 warning(s)）", file.display());
            } else {
                println!(
                    "{}: 无效 invalid（{errors} 个错误 error(s)，{warnings} 个警告 warning(s)）",
                    file.display()
                );
            }
        }
    }
}

fn build(
    file: &Path,
    out_dir: Option<PathBuf>,
    formats: &[BuildFormat],
    variant: BuildVariant,
    bundled: bool,
    docx_for: DocxFor,
) -> ExitCode {
    let variants = match variant {
        BuildVariant::Official => vec![build::Variant::Official],
        BuildVariant::Illustrated => vec![build::Variant::Illustrated],
        BuildVariant::All => vec![build::Variant::Official, build::Variant::Illustrated],
    };
    if variant == BuildVariant::Official && formats.iter().any(|f| matches!(f, BuildFormat::Png)) {
        eprintln!(
            "nianbao: PNG 长图只用于图文版，请加 --variant illustrated / the PNG long image is made for the illustrated variant: add --variant illustrated"
        );
        return ExitCode::from(2);
    }
    let formats = formats
        .iter()
        .map(|f| match f {
            BuildFormat::Pdf => build::Format::Pdf,
            BuildFormat::Docx => build::Format::Docx,
            BuildFormat::Png => build::Format::Png,
        })
        .collect();
    let docx_punctuation = match docx_for {
        DocxFor::Word => nianbao::docx::Punctuation::Word,
        DocxFor::Libreoffice => nianbao::docx::Punctuation::LibreOffice,
    };
    let opts = build::BuildOptions {
        out_dir,
        formats,
        variants,
        system_fonts: !bundled,
        docx_punctuation,
    };
    match build::build(file, &opts) {
        Ok(built) => {
            for d in &built.warnings {
                println!("{}", d.render(file));
            }
            for f in &built.files {
                println!("{} → {}", file.display(), f.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => report_build_error(file, &e),
    }
}

fn report_build_error(file: &Path, e: &build::BuildError) -> ExitCode {
    match e {
        build::BuildError::Model(ModelError::Invalid { diagnostics, .. }) => {
            print_diags(file, diagnostics, OutputFormat::Text, false);
            ExitCode::from(1)
        }
        build::BuildError::Model(ModelError::Io { .. }) | build::BuildError::Write { .. } => {
            eprintln!("nianbao: {e}");
            ExitCode::from(2)
        }
        _ => {
            eprintln!("{}: 错误 error: {e}", file.display());
            ExitCode::from(1)
        }
    }
}

fn fonts(file: &Path, bundled: bool) -> ExitCode {
    let result = build::load(file).and_then(|(_, style, _)| {
        let book = FontBook::new(&style, &FontOptions { system_fonts: !bundled })?;
        Ok(book.describe())
    });
    match result {
        Ok(roles) => {
            for r in roles {
                println!(
                    "{:<14} {:<28} {} ({})",
                    r.role,
                    r.family,
                    r.path.display(),
                    r.source.label()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => report_build_error(file, &e),
    }
}

fn write_new(text: &str, output: Option<&Path>, force: bool) -> ExitCode {
    let Some(path) = output else {
        print!("{text}");
        return ExitCode::SUCCESS;
    };
    if path.exists() && !force {
        eprintln!(
            "nianbao: {} 已存在，加 --force 覆盖 / {} exists; use --force to overwrite",
            path.display(),
            path.display()
        );
        return ExitCode::from(2);
    }
    match nianbao::output::write_atomically(path, text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "nianbao: 无法写入 {} / cannot write {}: {e}",
                path.display(),
                path.display()
            );
            ExitCode::from(2)
        }
    }
}
