//! The committed study (`book/data/chapter6/`) is what the code gives: its plan is the book's
//! plan, its tables are what the report functions write from its runs, and one of its runs,
//! retrained from scratch, gives the committed numbers exactly (with the `slow-tests` feature).
//! After a change to the network or the kernels, rerun `cargo course study` and commit the
//! regenerated files.

use std::io::Write;

use chapter6::report::{Results, committed_records, committed_results_dir, tables};
use chapter6::{BOOK_SPLIT, RunSpec, StudyActivation, StudyPlan, digits, run_one, stratified_split};

#[test]
fn the_committed_results_belong_to_the_books_plan() {
    let fingerprint = std::fs::read_to_string(committed_results_dir().join("plan.txt")).unwrap();
    assert_eq!(fingerprint.trim(), StudyPlan::full().fingerprint(), "rerun `cargo course study`");
    let records = committed_records().unwrap();
    assert_eq!(records.len(), StudyPlan::full().total_runs());
}

#[test]
fn the_committed_tables_are_what_the_runs_give() {
    let results = Results::new(StudyPlan::full(), committed_records().unwrap());
    for (name, text) in tables(&results).unwrap() {
        let committed = std::fs::read_to_string(committed_results_dir().join(&name)).unwrap();
        assert_eq!(committed, text, "book/data/chapter6/{name} is stale: rerun `cargo course study`");
    }
}

#[test]
#[cfg_attr(
    not(feature = "slow-tests"),
    ignore = "trains one network for 50 epochs: slow-tests (cargo course verify)"
)]
fn one_committed_run_retrained_from_scratch_gives_the_same_numbers() {
    // matrixmultiply picks its f32 kernel at run time, and an FMA kernel rounds differently from
    // an SSE2 one: the committed numbers come from an AVX2+FMA machine, so only such a machine
    // can reproduce them bit for bit.
    if !chapter4::KernelPath::Avx2Fma.is_available() {
        let note = "one_committed_run_retrained_from_scratch: skipped (this CPU has no AVX2+FMA)\n";
        let _ = std::io::stderr().write_all(note.as_bytes());
        return;
    }
    let plan = StudyPlan::full();
    let results = Results::new(plan.clone(), committed_records().unwrap());
    let splits = stratified_split(&digits().unwrap(), BOOK_SPLIT).unwrap();
    let rate = results.rate(StudyActivation::Gelu, 0.5);
    let spec = RunSpec { activation: StudyActivation::Gelu, dropout: 0.5, learning_rate: rate, seed: 7 };
    let committed =
        results.records.iter().find(|r| r.spec.same_run(&spec)).expect("a committed headline run");
    let fresh = run_one(&spec, &plan, &splits).unwrap();
    assert_eq!(fresh.epochs, committed.epochs, "rerun `cargo course study`");
    assert_eq!(fresh.noise, committed.noise);
}
