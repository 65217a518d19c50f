//! `cargo course study`: runs chapter 6's study (every activation, with and without dropout,
//! learning rates chosen on validation, 10 seeds), with a progress bar on stderr, and writes
//! `runs.csv`, `noise.csv` and `plan.txt` into the results folder. An interrupted study resumes
//! when rerun with the same options.
//!
//! ```text
//! chapter6-study [--quick] [--out DIR] [--threads N]
//!   --quick      a few epochs, two seeds, three activations (what the tests run)
//!   --out DIR    results folder (default: book/data/chapter6, or target/chapter6-quick with --quick)
//!   --threads N  worker threads (default: the number of cores); the results do not depend on it
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chapter6::report::{Results, write_tables};
use chapter6::{BOOK_SPLIT, StudyEvent, StudyPlan, digits, run_study, stratified_split};
use indicatif::{ProgressBar, ProgressStyle};

const USAGE: &str = "usage: cargo course study [--quick] [--out DIR] [--threads N]

  --quick      a few epochs, two seeds, three activations (what the tests run)
  --out DIR    results folder (default: book/data/chapter6, or target/chapter6-quick with --quick)
  --threads N  worker threads (default: the number of cores); the results do not depend on it";

/// The parsed command line.
struct Options {
    quick: bool,
    out: Option<PathBuf>,
    threads: usize,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut options = Options { quick: false, out: None, threads: cores };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => options.quick = true,
            "--out" => {
                let dir = args.next().ok_or("--out needs a folder")?;
                options.out = Some(PathBuf::from(dir));
            }
            "--threads" => {
                let n = args.next().ok_or("--threads needs a number")?;
                options.threads = match n.parse::<usize>() {
                    Ok(n) if n > 0 => n,
                    _ => return Err(format!("--threads {n:?}: a whole number of at least 1 is needed")),
                };
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(options)
}

/// The repository root (this crate is crates/chapter6).
fn repo_root() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse(&args) {
        Ok(options) => options,
        Err(message) if message.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(options: &Options) -> Result<(), String> {
    let plan = if options.quick { StudyPlan::quick() } else { StudyPlan::full() };
    let default_out = if options.quick { "target/chapter6-quick" } else { "book/data/chapter6" };
    let out = options.out.clone().unwrap_or_else(|| repo_root().join(default_out));
    let splits =
        stratified_split(&digits().map_err(|e| e.to_string())?, BOOK_SPLIT).map_err(|e| e.to_string())?;
    eprintln!(
        "chapter 6 study: {} runs of {} epochs on {} thread(s), results in {}",
        plan.total_runs(),
        plan.epochs,
        options.threads,
        out.display()
    );
    let bar = ProgressBar::new(plan.total_runs() as u64).with_style(
        ProgressStyle::default_bar()
            .template("{elapsed_precise} [{bar:30}] {pos}/{len} runs, about {eta} left  {msg}")
            .map_err(|e| e.to_string())?
            .progress_chars("=> "),
    );
    let start = Instant::now();
    // Above the bar on a terminal; plain lines on stderr when the bar is hidden (a log, CI).
    let say = |line: String| if bar.is_hidden() { eprintln!("{line}") } else { bar.println(line) };
    let records = run_study(&plan, &splits, &out, options.threads, |event| match event {
        StudyEvent::Resumed { finished, total } => {
            say(format!("resuming: {finished} of {total} runs are already done"));
            bar.set_position(finished as u64);
            bar.reset_eta();
        }
        StudyEvent::StartingOver { reason } => say(format!("starting over: {reason}")),
        StudyEvent::Stage { name, runs } => say(format!("stage {name}: {runs} runs to train")),
        StudyEvent::RunFinished { done, total, spec, seconds } => {
            bar.set_position(done as u64);
            bar.set_message(format!("last: {} ({seconds:.1} s)", spec.describe()));
            // Without a terminal (a log, CI) the bar is hidden: a line every 16 runs instead.
            if bar.is_hidden() && (done % 16 == 0 || done == total) {
                eprintln!(
                    "{done}/{total} runs after {:.0} s; last: {}",
                    start.elapsed().as_secs_f64(),
                    spec.describe()
                );
            }
        }
    })
    .map_err(|e| e.to_string())?;
    bar.finish_and_clear();
    let diverged = records.iter().filter(|r| r.diverged()).count();
    eprintln!(
        "done: {} runs ({diverged} diverged) in {:.0} s; wrote {}",
        records.len(),
        start.elapsed().as_secs_f64(),
        out.join("runs.csv").display()
    );
    // The tables beside the results; the figures into book/figures/ for the book's study, into
    // the results folder otherwise.
    let results = Results::new(plan, records);
    for path in write_tables(&results, &out).map_err(|e| e.to_string())? {
        eprintln!("wrote {}", path.display());
    }
    let figures = chapter6::figures::figures_for(&results).map_err(|e| e.to_string())?;
    let figures_dir =
        if options.quick || options.out.is_some() { out.clone() } else { house_style::book_figures_dir() };
    for path in house_style::write_all(&figures, &figures_dir).map_err(|e| e.to_string())? {
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}
