//! Running a whole study: runs in parallel on worker threads, results appended to `runs.csv` and
//! `noise.csv` run by run, and a rerun that resumes where an interrupted one stopped.
//!
//! Every run is independent and single-threaded (its own network, its own seeded generators;
//! the matrix products do not spawn threads), so its numbers do not depend on how many runs
//! execute at once. The files are rewritten at the end in the plan's order, so they are the same,
//! byte for byte, whatever the number of threads.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use super::records::{format_records, noise_lines, parse_records, run_lines};
use super::{RunRecord, RunSpec, StudyPlan, choose_rates, run_one};
use crate::{Chapter6Error, Splits};

/// What the study reports while it works (for a progress bar).
///
/// ```
/// use chapter6::StudyEvent;
/// let event = StudyEvent::Stage { name: "selection", runs: 144 };
/// assert!(matches!(event, StudyEvent::Stage { runs: 144, .. }));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum StudyEvent {
    /// Results of this plan were found in the folder: `finished` of `total` runs are done.
    Resumed {
        /// Runs already done.
        finished: usize,
        /// Runs in the whole study.
        total: usize,
    },
    /// Results in the folder belong to another plan (or do not parse): they are removed and the
    /// study starts over.
    StartingOver {
        /// Why.
        reason: String,
    },
    /// A stage begins: `"selection"` (every learning rate, the selection seeds) or `"headline"`
    /// (the chosen rates, the other seeds), with `runs` runs to do.
    Stage {
        /// The stage's name.
        name: &'static str,
        /// Runs to do in it.
        runs: usize,
    },
    /// A run is done (`done` of `total` in the whole study); it took `seconds`.
    RunFinished {
        /// Runs done so far, this one included.
        done: usize,
        /// Runs in the whole study.
        total: usize,
        /// The run.
        spec: RunSpec,
        /// Its wall-clock time.
        seconds: f64,
    },
}

/// The study's files in a folder.
#[derive(Debug, Clone)]
pub(crate) struct StudyFiles {
    /// `runs.csv`.
    pub(crate) runs: PathBuf,
    /// `noise.csv`.
    pub(crate) noise: PathBuf,
    /// `plan.txt`: the plan's [`fingerprint`](StudyPlan::fingerprint).
    pub(crate) plan: PathBuf,
}

impl StudyFiles {
    /// The files in `dir`.
    pub(crate) fn in_dir(dir: &Path) -> Self {
        Self { runs: dir.join("runs.csv"), noise: dir.join("noise.csv"), plan: dir.join("plan.txt") }
    }
}

/// Reads a file that may not exist (`Ok(None)`).
fn read_optional(path: &Path) -> Result<Option<String>, Chapter6Error> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Chapter6Error::io(path, &e)),
    }
}

/// Drops a last line that has no newline: a write the interruption cut short.
fn complete_lines(text: &str) -> &str {
    match text.rfind('\n') {
        Some(end) => &text[..=end],
        None => "",
    }
}

fn write(path: &Path, text: &str) -> Result<(), Chapter6Error> {
    std::fs::write(path, text).map_err(|e| Chapter6Error::io(path, &e))
}

fn append(path: &Path, text: &str) -> Result<(), Chapter6Error> {
    let mut file =
        std::fs::OpenOptions::new().append(true).open(path).map_err(|e| Chapter6Error::io(path, &e))?;
    file.write_all(text.as_bytes()).map_err(|e| Chapter6Error::io(path, &e))
}

/// The finished runs of `plan` already in `files`, or an empty list after a
/// [`StudyEvent::StartingOver`] (files of another plan, or that do not parse).
fn load_finished(
    plan: &StudyPlan,
    files: &StudyFiles,
    on_event: &mut impl FnMut(StudyEvent),
) -> Result<Vec<RunRecord>, Chapter6Error> {
    let fingerprint = read_optional(&files.plan)?;
    let runs = read_optional(&files.runs)?;
    let noise = read_optional(&files.noise)?;
    let Some(fingerprint) = fingerprint else {
        if runs.is_some() {
            on_event(StudyEvent::StartingOver {
                reason: "the folder's runs.csv has no plan.txt beside it".into(),
            });
        }
        return Ok(Vec::new());
    };
    if fingerprint.trim() != plan.fingerprint() {
        on_event(StudyEvent::StartingOver {
            reason: format!("the folder holds another study's results (plan: {})", fingerprint.trim()),
        });
        return Ok(Vec::new());
    }
    let (Some(runs), Some(noise)) = (runs, noise) else { return Ok(Vec::new()) };
    match parse_records(complete_lines(&runs), complete_lines(&noise), plan.epochs, plan.noise_levels.len()) {
        Ok(records) => Ok(records),
        Err(error) => {
            on_event(StudyEvent::StartingOver {
                reason: format!("the folder's results do not parse ({error})"),
            });
            Ok(Vec::new())
        }
    }
}

/// Runs `todo` on `threads` worker threads, handing each finished run to `on_done` in the
/// calling thread (in the order they finish). The first error stops the workers after their
/// current run and is returned.
fn execute(
    todo: &[RunSpec],
    plan: &StudyPlan,
    splits: &Splits,
    threads: usize,
    mut on_done: impl FnMut(RunRecord, f64) -> Result<(), Chapter6Error>,
) -> Result<(), Chapter6Error> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel();
        for _ in 0..threads.min(todo.len()) {
            let sender = sender.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(spec) = todo.get(index) else { break };
                    let start = Instant::now();
                    let result = run_one(spec, plan, splits).map(|r| (r, start.elapsed().as_secs_f64()));
                    if sender.send(result).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for result in receiver {
            let outcome = result.and_then(|(record, seconds)| on_done(record, seconds));
            if let Err(error) = outcome {
                stop.store(true, Ordering::Relaxed);
                return Err(error);
            }
        }
        Ok(())
    })
}

/// The position of `spec` in the plan's canonical order (activation, dropout, rate, seed, each
/// in plan order).
fn canonical_key(plan: &StudyPlan, spec: &RunSpec) -> (usize, usize, usize, u64) {
    let position = |found: Option<usize>| found.unwrap_or(usize::MAX);
    (
        position(plan.activations.iter().position(|&a| a == spec.activation)),
        position(plan.dropout_rates.iter().position(|&d| d == spec.dropout)),
        position(plan.learning_rates.iter().position(|&r| r == spec.learning_rate)),
        spec.seed,
    )
}

/// Runs the whole study of `plan` on `splits` with `threads` worker threads, keeping its results
/// in `dir` (created if missing): what is already there for this plan is kept and only the
/// missing runs are trained. Returns every run, in canonical order, after rewriting the files in
/// that order.
///
/// Errors: [`Chapter6Error::Invalid`] for a bad plan or `threads = 0`; [`Chapter6Error::Io`] if
/// the folder or its files cannot be written; the errors of [`run_one`].
///
/// ```
/// use chapter6::{BOOK_SPLIT, StudyActivation, StudyPlan, digits, stratified_split};
/// let splits = stratified_split(&digits()?, BOOK_SPLIT)?;
/// // A tiny plan (one small layer, one epoch) so that the example runs in milliseconds.
/// let plan = StudyPlan { hidden: vec![8], epochs: 1, selection_seeds: 1, seeds: 1,
///     activations: vec![StudyActivation::Relu], dropout_rates: vec![0.0], learning_rates: vec![1e-3],
///     noise_levels: vec![0.0], batch_size: 64 };
/// let dir = std::env::temp_dir().join("chapter6-run-study-example");
/// let _ = std::fs::remove_dir_all(&dir);
/// let mut events = Vec::new();
/// let records = chapter6::run_study(&plan, &splits, &dir, 2, |event| events.push(event))?;
/// assert_eq!(records.len(), 1);
/// assert!(dir.join("runs.csv").is_file() && dir.join("noise.csv").is_file());
/// // A second call finds the finished run and trains nothing.
/// let again = chapter6::run_study(&plan, &splits, &dir, 1, |_| {})?;
/// assert_eq!(again, records);
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn run_study(
    plan: &StudyPlan,
    splits: &Splits,
    dir: &Path,
    threads: usize,
    mut on_event: impl FnMut(StudyEvent),
) -> Result<Vec<RunRecord>, Chapter6Error> {
    plan.validate()?;
    if threads == 0 {
        return Err(Chapter6Error::invalid("threads = 0: at least one worker thread is needed"));
    }
    std::fs::create_dir_all(dir).map_err(|e| Chapter6Error::io(dir, &e))?;
    let files = StudyFiles::in_dir(dir);
    let mut records = load_finished(plan, &files, &mut on_event)?;
    let selection_runs = plan.selection_runs();
    records.retain(|r| {
        selection_runs.iter().any(|s| s.same_run(&r.spec))
            || (r.spec.seed >= plan.selection_seeds && r.spec.seed < plan.seeds)
    });
    let total = plan.total_runs();
    if !records.is_empty() {
        on_event(StudyEvent::Resumed { finished: records.len().min(total), total });
    }
    // Start the files afresh with what is kept: drops any half-written run.
    write(&files.plan, &format!("{}\n", plan.fingerprint()))?;
    let (runs_text, noise_text) = format_records(&records);
    write(&files.runs, &runs_text)?;
    write(&files.noise, &noise_text)?;

    let mut recorder = Recorder { files: &files, on_event, done: records.len(), total };
    let missing = |records: &[RunRecord], wanted: Vec<RunSpec>| -> Vec<RunSpec> {
        wanted.into_iter().filter(|w| !records.iter().any(|r| r.spec.same_run(w))).collect()
    };
    let selection = missing(&records, plan.selection_runs());
    (recorder.on_event)(StudyEvent::Stage { name: "selection", runs: selection.len() });
    execute(&selection, plan, splits, threads, |record, seconds| {
        recorder.finish(record, seconds, &mut records)
    })?;
    let chosen = choose_rates(plan, &records);
    let rate = |activation, dropout| {
        chosen
            .iter()
            .find(|c| c.activation == activation && c.dropout == dropout)
            .map_or(plan.learning_rates[0], |c| c.learning_rate)
    };
    let headline = missing(&records, plan.headline_runs(rate));
    (recorder.on_event)(StudyEvent::Stage { name: "headline", runs: headline.len() });
    execute(&headline, plan, splits, threads, |record, seconds| {
        recorder.finish(record, seconds, &mut records)
    })?;

    // Keep only this plan's runs (a headline run at a rate no longer chosen is dropped) and
    // write the files in canonical order.
    records.retain(|r| {
        r.spec.seed < plan.selection_seeds
            || (r.spec.seed < plan.seeds && r.spec.learning_rate == rate(r.spec.activation, r.spec.dropout))
    });
    records.sort_by_key(|r| canonical_key(plan, &r.spec));
    let (runs_text, noise_text) = format_records(&records);
    write(&files.runs, &runs_text)?;
    write(&files.noise, &noise_text)?;
    Ok(records)
}

/// Appends each finished run to the files and reports it.
struct Recorder<'a, E: FnMut(StudyEvent)> {
    files: &'a StudyFiles,
    on_event: E,
    done: usize,
    total: usize,
}

impl<E: FnMut(StudyEvent)> Recorder<'_, E> {
    fn finish(
        &mut self,
        record: RunRecord,
        seconds: f64,
        records: &mut Vec<RunRecord>,
    ) -> Result<(), Chapter6Error> {
        append(&self.files.runs, &run_lines(&record))?;
        append(&self.files.noise, &noise_lines(&record))?;
        self.done += 1;
        (self.on_event)(StudyEvent::RunFinished {
            done: self.done,
            total: self.total,
            spec: record.spec,
            seconds,
        });
        records.push(record);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::records::{NOISE_HEADER, RUNS_HEADER};
    use super::*;

    #[test]
    fn a_cut_last_line_is_dropped() {
        assert_eq!(complete_lines("a\nb\nhalf"), "a\nb\n");
        assert_eq!(complete_lines("a\n"), "a\n");
        assert_eq!(complete_lines("half"), "");
    }

    #[test]
    fn headers_are_what_the_issue_asks_for() {
        assert!(
            RUNS_HEADER.starts_with("activation,dropout,learning_rate,seed,epoch,train_loss,validation_loss")
        );
        assert!(RUNS_HEADER.ends_with("test_error"));
        assert!(NOISE_HEADER.contains("noise"));
    }
}
