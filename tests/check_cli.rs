//! Integration tests of the `nianbao` command line: `check` (text and JSON), `new`,
//! `schema`, exit codes.
//!
//! The invalid reports live in `tests/invalid/*.yaml`; each starts with a header naming
//! the diagnostic it must produce:
//!
//! ```text
//! # expect-code: sum-results
//! # expect-line: 28
//! # expect-message: 表三 （七）总计·自然人：应为 3，填写为 4（第 28 行；（七）总计应等于（一）至（六）各项之和）
//! # expect-count: 2
//! ```
//!
//! `expect-message` is the exact `message_zh`; `expect-count` the exact number of errors
//! (warnings not counted). Cases whose header starts with `# Regression:` pin bugs
//! found and fixed (cascading errors, wrong lines).

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_nianbao");

/// The fewest invalid cases the suite accepts.
const MIN_INVALID_CASES: usize = 24;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn nianbao<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new(BIN).args(args).output().expect("run nianbao")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `*.yaml` files directly in `dir`, sorted.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_file() && p.extension() == Some(OsStr::new("yaml")))
        .collect();
    v.sort();
    v
}

fn samples() -> Vec<PathBuf> {
    let v = yaml_files(&root().join("samples"));
    assert!(v.len() >= 3, "expected the three samples, found {v:?}");
    v
}

/// `check --format json <file>`: exit code and the parsed document.
fn check_json(file: &Path) -> (Option<i32>, Value, Output) {
    let out = nianbao([
        OsStr::new("check"),
        OsStr::new("--format"),
        OsStr::new("json"),
        file.as_os_str(),
    ]);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| {
        panic!(
            "check --format json {} did not print JSON ({e}).\nstdout:\n{}\nstderr:\n{}",
            file.display(),
            stdout(&out),
            stderr(&out)
        )
    });
    (out.status.code(), json, out)
}

fn errors_of(json: &Value) -> Vec<&Value> {
    json["diagnostics"]
        .as_array()
        .expect("`diagnostics` is an array")
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect()
}

// ---- invalid cases -----------------------------------------------------------------------

/// What a case file's header asks for.
#[derive(Debug, Default)]
struct Expect {
    code: Option<String>,
    line: Option<u64>,
    message: Option<String>,
    message_contains: Option<String>,
    count: Option<usize>,
}

fn parse_header(text: &str) -> Result<Expect, String> {
    let mut e = Expect::default();
    for line in text.lines().take_while(|l| l.starts_with('#') || l.trim().is_empty()) {
        let Some(rest) = line.strip_prefix("# expect-") else { continue };
        let (key, value) =
            rest.split_once(':').ok_or_else(|| format!("malformed header line `{line}`"))?;
        let value = value.strip_prefix(' ').unwrap_or(value).trim_end().to_string();
        let num = |v: &str| {
            v.parse::<u64>().map_err(|_| format!("`expect-{key}` is not a number: `{v}`"))
        };
        match key {
            "code" => e.code = Some(value),
            "line" => e.line = Some(num(&value)?),
            "message" => e.message = Some(value),
            "message-contains" => e.message_contains = Some(value),
            "count" => e.count = Some(num(&value)? as usize),
            _ => return Err(format!("unknown header key `expect-{key}`")),
        }
    }
    if e.code.is_none() {
        return Err("no `# expect-code:` header".into());
    }
    Ok(e)
}

fn describe(d: &Value) -> String {
    format!(
        "{} [{}] line {} col {} path `{}`: {}",
        d["severity"].as_str().unwrap_or("?"),
        d["code"].as_str().unwrap_or("?"),
        d["line"],
        d["column"],
        d["path"].as_str().unwrap_or("?"),
        d["message_zh"].as_str().unwrap_or("?"),
    )
}

/// Run one case; `strict` requires the full header (line, exact message, count).
fn run_case(file: &Path, strict: bool) -> Result<(), String> {
    let text = fs::read_to_string(file).map_err(|e| format!("cannot read: {e}"))?;
    let want = parse_header(&text)?;
    if strict && (want.line.is_none() || want.message.is_none() || want.count.is_none()) {
        return Err("header needs expect-code, expect-line, expect-message and expect-count".into());
    }
    let out = nianbao([
        OsStr::new("check"),
        OsStr::new("--format"),
        OsStr::new("json"),
        file.as_os_str(),
    ]);
    let json: Value = serde_json::from_str(&stdout(&out)).map_err(|e| {
        format!(
            "output is not JSON ({e}); exit {:?}; stderr: {}",
            out.status.code(),
            stderr(&out).trim()
        )
    })?;
    let errors = errors_of(&json);
    let listing = || {
        let all: Vec<String> = json["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| format!("\n      {}", describe(d)))
            .collect();
        if all.is_empty() {
            "\n      (no diagnostics)".to_string()
        } else {
            all.concat()
        }
    };
    let mut problems = Vec::new();
    if out.status.code() != Some(1) {
        problems.push(format!("exit code {:?}, expected 1", out.status.code()));
    }
    if json["valid"] != Value::Bool(false) {
        problems.push(format!("`valid` is {}, expected false", json["valid"]));
    }
    if json["errors"].as_u64() != Some(errors.len() as u64) {
        problems.push(format!(
            "`errors` is {} but {} error diagnostics are listed",
            json["errors"],
            errors.len()
        ));
    }
    let code = want.code.as_deref().unwrap_or_default();
    let found = errors.iter().any(|d| {
        d["code"] == code
            && want.line.is_none_or(|l| d["line"].as_u64() == Some(l))
            && want.message.as_deref().is_none_or(|m| d["message_zh"] == m)
            && want
                .message_contains
                .as_deref()
                .is_none_or(|m| d["message_zh"].as_str().is_some_and(|s| s.contains(m)))
    });
    if !found {
        let mut what = format!("no error [{code}]");
        if let Some(l) = want.line {
            what += &format!(" on line {l}");
        }
        if let Some(m) = &want.message {
            what += &format!(" with message_zh `{m}`");
        }
        if let Some(m) = &want.message_contains {
            what += &format!(" whose message_zh contains `{m}`");
        }
        problems.push(what);
    }
    if let Some(n) = want.count {
        if errors.len() != n {
            problems.push(format!("{} error(s), expected {n}", errors.len()));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}; got:{}", problems.join("; "), listing()))
    }
}

fn run_cases(dir: &Path, strict: bool) -> (usize, Vec<String>) {
    let files = yaml_files(dir);
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            run_case(f, strict).err().map(|e| {
                let name = f.strip_prefix(root()).unwrap_or(f).display().to_string();
                format!("  {name}: {e}")
            })
        })
        .collect();
    (files.len(), failures)
}

#[test]
fn invalid_cases_produce_their_diagnostics() {
    let dir = root().join("tests/invalid");
    let (n, failures) = run_cases(&dir, true);
    assert!(
        n >= MIN_INVALID_CASES,
        "only {n} invalid cases in {}, expected at least {MIN_INVALID_CASES}",
        dir.display()
    );
    assert!(
        failures.is_empty(),
        "{} of {n} invalid case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn invalid_case_headers_are_consistent() {
    // A case's expected line must be the line the message itself cites (when it cites one),
    // so a header edited in one place but not the other is caught.
    let mut bad = Vec::new();
    for f in yaml_files(&root().join("tests/invalid")) {
        let text = fs::read_to_string(&f).unwrap();
        let want = parse_header(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        if let (Some(line), Some(msg)) = (want.line, &want.message) {
            if msg.contains("行")
                && msg.contains("（第 ")
                && !msg.contains(&format!("第 {line} 行"))
            {
                bad.push(format!(
                    "  {}: expect-line {line} but message cites another line",
                    f.display()
                ));
            }
        }
    }
    assert!(bad.is_empty(), "inconsistent headers:\n{}", bad.join("\n"));
}

#[test]
fn header_parser_reads_every_key() {
    let e = parse_header(
        "# Case: x\n# expect-code: sum-results\n# expect-line: 12\n# expect-message: 表三 a：b\n# expect-count: 3\n\nagency: x\n# expect-code: ignored-after-body\n",
    )
    .unwrap();
    assert_eq!(e.code.as_deref(), Some("sum-results"));
    assert_eq!(e.line, Some(12));
    assert_eq!(e.message.as_deref(), Some("表三 a：b"));
    assert_eq!(e.count, Some(3));
    assert!(parse_header("# expect-line: 3\n").is_err(), "a case without a code is rejected");
    assert!(
        parse_header("# expect-colour: red\n# expect-code: x\n").is_err(),
        "unknown keys are rejected"
    );
}

// ---- valid reports -----------------------------------------------------------------------

#[test]
fn every_sample_is_valid() {
    for s in samples() {
        let out = nianbao([OsStr::new("check"), s.as_os_str()]);
        let text = stdout(&out);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{} should pass:\n{text}{}",
            s.display(),
            stderr(&out)
        );
        let verdict = format!("{}: 有效 valid", s.display());
        assert!(text.contains(&verdict), "{}: text output lacks `{verdict}`:\n{text}", s.display());
        assert!(
            !text.contains("错误 error"),
            "{}: a valid sample lists an error:\n{text}",
            s.display()
        );
    }
}

/// Line (1-based) of the only line of `text` starting with `prefix`.
fn line_starting(text: &str, prefix: &str) -> usize {
    let hits: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with(prefix))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(hits.len(), 1, "expected one line starting with `{prefix}`, found {hits:?}");
    hits[0]
}

#[test]
fn changing_one_number_in_table_3_is_caught() {
    let src = fs::read_to_string(root().join("samples/qianshan-2019.yaml")).unwrap();
    let row = "    total:           [10, 0, 0, 0, 0, 0, 10]";
    assert_eq!(
        src.matches(row).count(),
        1,
        "the sample's （七）总计 row changed; update this test"
    );
    let line = line_starting(&src, "    total:");
    let dir = tempfile::tempdir().unwrap();

    // Control: the unmodified copy passes from the temporary directory.
    let original = dir.path().join("original.yaml");
    fs::write(&original, &src).unwrap();
    let out = nianbao([OsStr::new("check"), original.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "unmodified copy fails:\n{}", stdout(&out));

    // （七）总计·自然人 10 → 20.
    let changed = dir.path().join("changed.yaml");
    fs::write(&changed, src.replace(row, "    total:           [20, 0, 0, 0, 0, 0, 10]")).unwrap();
    let out = nianbao([OsStr::new("check"), changed.as_os_str()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "changed copy should fail:\n{text}");
    let prefix = format!("{}:{line}:", changed.display());
    let message = format!("表三 （七）总计·自然人：应为 10，填写为 20（第 {line} 行；");
    assert!(
        text.lines()
            .any(|l| l.starts_with(&prefix) && l.contains("[sum-results]") && l.contains(&message)),
        "no line `{prefix}… [sum-results]: {message}…` in:\n{text}"
    );
    assert!(
        text.contains(&format!("{}: 无效 invalid", changed.display())),
        "no verdict in:\n{text}"
    );

    // The same in JSON: the cell's path, line and message.
    let (code, json, _) = check_json(&changed);
    assert_eq!(code, Some(1));
    assert_eq!(json["valid"], false);
    let d = errors_of(&json)
        .into_iter()
        .find(|d| d["code"] == "sum-results" && d["path"] == "tables.applications.total[0]")
        .unwrap_or_else(|| panic!("no sum-results error at total[0]:\n{json:#}"));
    assert_eq!(d["line"].as_u64(), Some(line as u64));
    assert!(d["message_zh"].as_str().unwrap().starts_with(&message), "{d:#}");
    assert!(d["message_en"].as_str().unwrap().contains("expected 10, found 20"), "{d:#}");
}

// ---- nianbao new -------------------------------------------------------------------------

#[test]
fn new_skeletons_pass_check() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[&str], &[&str]); 3] = [
        ("y2025.yaml", &["--year", "2025"], &["year: 2025", "edition: 2021", "processing_fee:"]),
        ("y2020.yaml", &["--year", "2020"], &["year: 2020", "edition: 2019", "procurement:"]),
        (
            "y2025-e2019.yaml",
            &["--year", "2025", "--edition", "2019", "--agency", "X"],
            &["agency: X", "year: 2025", "edition: 2019", "procurement:"],
        ),
    ];
    for (name, args, contains) in cases {
        let path = dir.path().join(name);
        let mut argv: Vec<&OsStr> = vec![OsStr::new("new")];
        argv.extend(args.iter().map(OsStr::new));
        argv.extend([OsStr::new("-o"), path.as_os_str()]);
        let out = nianbao(&argv);
        assert_eq!(out.status.code(), Some(0), "new {args:?} failed: {}", stderr(&out));
        let text =
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("new {args:?} wrote nothing: {e}"));
        for c in contains {
            assert!(
                text.lines().any(|l| l.trim_start().starts_with(c)),
                "new {args:?}: no line `{c}` in:\n{text}"
            );
        }
        let out = nianbao([OsStr::new("check"), path.as_os_str()]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "new {args:?} output fails check:\n{}\n{text}",
            stdout(&out)
        );
        assert!(
            stdout(&out).contains(&format!("{}: 有效 valid", path.display())),
            "{}",
            stdout(&out)
        );
    }
}

#[test]
fn new_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("existing.yaml");
    fs::write(&path, "# mine, keep me\n").unwrap();
    let out = nianbao([
        OsStr::new("new"),
        OsStr::new("--year"),
        OsStr::new("2025"),
        OsStr::new("-o"),
        path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2), "stdout: {}\nstderr: {}", stdout(&out), stderr(&out));
    assert!(
        stderr(&out).contains("--force"),
        "the refusal should mention --force: {}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "# mine, keep me\n",
        "the existing file was changed"
    );

    // With --force it is replaced by a valid skeleton.
    let out = nianbao([
        OsStr::new("new"),
        OsStr::new("--year"),
        OsStr::new("2025"),
        OsStr::new("-o"),
        path.as_os_str(),
        OsStr::new("--force"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::read_to_string(&path).unwrap().contains("year: 2025"));
}

// ---- JSON Schema -------------------------------------------------------------------------

fn schema() -> Value {
    let out = nianbao(["schema"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("`nianbao schema` prints JSON")
}

fn yaml_to_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn schema_errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path)).collect()
}

#[test]
fn schema_compiles_and_accepts_every_sample() {
    let schema = schema();
    let validator = jsonschema::validator_for(&schema)
        .unwrap_or_else(|e| panic!("schema does not compile: {e}"));
    for s in samples() {
        let doc = yaml_to_json(&s);
        assert!(doc["date"].is_string(), "{}: dates should stay strings", s.display());
        let errors = schema_errors(&validator, &doc);
        assert!(errors.is_empty(), "{} rejected by the schema: {errors:#?}", s.display());
    }
}

#[test]
fn schema_rejects_unknown_keys() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    for s in samples() {
        let doc = yaml_to_json(&s);
        assert!(validator.is_valid(&doc), "{} should be valid before the change", s.display());

        let mut top = doc.clone();
        top.as_object_mut().unwrap().insert("titel".into(), Value::String("x".into()));
        let errors = schema_errors(&validator, &top);
        assert!(!errors.is_empty(), "{}: unknown top-level key `titel` accepted", s.display());
        assert!(
            errors.iter().any(|e| e.contains("titel")),
            "{}: errors do not name `titel`: {errors:?}",
            s.display()
        );

        let mut nested = doc.clone();
        nested["tables"]["applications"]
            .as_object_mut()
            .unwrap()
            .insert("carried_ovr".into(), serde_json::json!([0, 0, 0, 0, 0, 0]));
        let errors = schema_errors(&validator, &nested);
        assert!(
            !errors.is_empty(),
            "{}: unknown key `tables.applications.carried_ovr` accepted",
            s.display()
        );
        assert!(
            errors.iter().any(|e| e.contains("carried_ovr")),
            "{}: errors do not name `carried_ovr`: {errors:?}",
            s.display()
        );
    }
}

// ---- exit codes and JSON output ----------------------------------------------------------

#[test]
fn missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-report.yaml");
    for format in ["text", "json"] {
        let out = nianbao([
            OsStr::new("check"),
            OsStr::new("--format"),
            OsStr::new(format),
            missing.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(2), "--format {format}");
        assert!(
            stderr(&out).contains("no-such-report.yaml"),
            "--format {format}: stderr should name the file: {}",
            stderr(&out)
        );
    }
    // A missing file among valid ones still makes the run exit 2.
    let sample = root().join("samples/minimal.yaml");
    let out = nianbao([OsStr::new("check"), sample.as_os_str(), missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_2() {
    let cases: [&[&str]; 5] = [
        &["frobnicate"],
        &["check"],
        &["new"],
        &["check", "--format", "xml", "samples/minimal.yaml"],
        &["new", "--year", "2025", "--edition", "2020"],
    ];
    for args in cases {
        let out = Command::new(BIN).args(args).current_dir(root()).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("Usage") || stderr(&out).contains("error"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty(), "{args:?} printed to stdout: {}", stdout(&out));
    }
    let out = nianbao(Vec::<&str>::new());
    assert_eq!(out.status.code(), Some(2), "no subcommand");
}

fn assert_diagnostic_shape(d: &Value) {
    let o = d.as_object().unwrap_or_else(|| panic!("diagnostic is not an object: {d}"));
    let mut keys: Vec<&str> = o.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["code", "column", "line", "message_en", "message_zh", "path", "severity"],
        "{d}"
    );
    assert!(matches!(d["severity"].as_str(), Some("error" | "warning")), "{d}");
    for k in ["code", "path", "message_zh", "message_en"] {
        assert!(d[k].is_string(), "`{k}` is not a string: {d}");
    }
    assert!(
        !d["code"].as_str().unwrap().is_empty() && !d["message_zh"].as_str().unwrap().is_empty(),
        "{d}"
    );
    assert!(d["line"].is_u64() && d["column"].is_u64(), "{d}");
}

#[test]
fn json_output_has_verdict_counts_and_diagnostics() {
    // Valid, no diagnostics.
    let minimal = root().join("samples/minimal.yaml");
    let (code, json, _) = check_json(&minimal);
    assert_eq!(code, Some(0));
    assert_eq!(json["valid"], true);
    assert_eq!(json["errors"], 0);
    assert_eq!(json["warnings"], 0);
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    assert_eq!(json["file"], minimal.display().to_string());

    // Valid with a warning (表二（九） without a unit).
    let (code, json, _) = check_json(&root().join("samples/qianshan-2019.yaml"));
    assert_eq!(code, Some(0));
    assert_eq!(json["valid"], true);
    assert_eq!(json["errors"], 0);
    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(json["warnings"].as_u64(), Some(diags.len() as u64));
    assert!(
        diags.iter().any(|d| d["severity"] == "warning" && d["code"] == "money-unit"),
        "expected the money-unit warning: {json:#}"
    );
    diags.iter().for_each(assert_diagnostic_shape);

    // Invalid: one error (the 总计 column is not reported again), with every field.
    let case = root().join("tests/invalid/rule1-balance.yaml");
    let (code, json, _) = check_json(&case);
    assert_eq!(code, Some(1));
    assert_eq!(json["valid"], false);
    assert_eq!(json["errors"], 1);
    assert_eq!(json["warnings"], 0);
    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1);
    diags.iter().for_each(assert_diagnostic_shape);
    assert!(diags.iter().all(|d| d["code"] == "balance" && d["line"] == 27), "{json:#}");
    assert!(
        diags.iter().any(|d| d["path"] == "tables.applications.carried_forward[0]"),
        "{json:#}"
    );
}

#[test]
fn text_output_renders_file_line_column_code_and_both_languages() {
    let case = root().join("tests/invalid/rule4-review-total.yaml");
    let out = nianbao([OsStr::new("check"), case.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let first = text.lines().next().unwrap_or_default();
    let prefix = format!("{}:25:", case.display());
    assert!(first.starts_with(&prefix), "`{first}` should start with `{prefix}`");
    assert!(
        first.contains("错误 error[sum-review]: 表四 行政诉讼·复议后起诉·总计：应为 10，填写为 11"),
        "{first}"
    );
    assert!(first.contains(" / Table 4, "), "no English half: {first}");
    assert!(
        text.contains(&format!(
            "{}: 无效 invalid（1 个错误 error(s)，0 个警告 warning(s)）",
            case.display()
        )),
        "{text}"
    );
}

/// The `overflowPunct` value of a DOCX's document defaults.
fn overflow_punct(docx: &Path) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut styles = String::new();
    zip.by_name("word/styles.xml").unwrap().read_to_string(&mut styles).unwrap();
    let at = styles.find("<w:overflowPunct").expect("overflowPunct written");
    styles[at..].split('"').nth(1).unwrap().to_string()
}

#[test]
fn build_writes_docx_for_word_or_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let sample = root().join("samples/minimal.yaml");
    for (flag, value) in [(None, "0"), (Some("word"), "0"), (Some("libreoffice"), "1")] {
        let mut args =
            vec![OsStr::new("build"), sample.as_os_str(), OsStr::new("-o"), dir.path().as_os_str()];
        args.extend([OsStr::new("--format"), OsStr::new("docx")]);
        if let Some(f) = flag {
            args.extend([OsStr::new("--docx-for"), OsStr::new(f)]);
        }
        let out = nianbao(args);
        assert_eq!(out.status.code(), Some(0), "{flag:?}: {}", stderr(&out));
        let docx = dir.path().join("minimal.docx");
        assert_eq!(overflow_punct(&docx), value, "--docx-for {flag:?}");
        assert!(!dir.path().join("minimal.pdf").exists(), "--format docx writes no PDF");
    }
    let out = nianbao([
        OsStr::new("build"),
        sample.as_os_str(),
        OsStr::new("--docx-for"),
        OsStr::new("pages"),
    ]);
    assert_eq!(out.status.code(), Some(2), "unknown reader: usage error");
}
