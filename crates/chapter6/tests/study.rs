//! The study's machinery: results do not depend on the number of threads, an interrupted study
//! resumes, another plan's results are not mixed in, and bad options are errors. A tiny plan (two
//! small layers, one epoch) keeps this in the learner's loop; the `--quick` plan itself runs with
//! the `slow-tests` feature.

use std::path::PathBuf;

use chapter6::{
    BOOK_SPLIT, Chapter6Error, StudyActivation, StudyEvent, StudyPlan, digits, run_study, stratified_split,
};

fn tiny_plan() -> StudyPlan {
    StudyPlan {
        activations: vec![StudyActivation::Relu, StudyActivation::Gelu, StudyActivation::Soi],
        dropout_rates: vec![0.0, 0.5],
        learning_rates: vec![1e-3, 1e-4],
        selection_seeds: 1,
        seeds: 2,
        epochs: 2,
        batch_size: 64,
        hidden: vec![16, 16],
        noise_levels: vec![0.0, 1.0],
    }
}

/// A fresh folder under target/ for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("chapter6-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn files(dir: &std::path::Path) -> (String, String) {
    (
        std::fs::read_to_string(dir.join("runs.csv")).unwrap(),
        std::fs::read_to_string(dir.join("noise.csv")).unwrap(),
    )
}

#[test]
fn the_results_do_not_depend_on_the_number_of_threads() {
    let splits = stratified_split(&digits().unwrap(), BOOK_SPLIT).unwrap();
    let plan = tiny_plan();
    let (one, two) = (scratch("one-thread"), scratch("two-threads"));
    let records = run_study(&plan, &splits, &one, 1, |_| {}).unwrap();
    run_study(&plan, &splits, &two, 2, |_| {}).unwrap();
    assert_eq!(files(&one), files(&two));
    assert_eq!(records.len(), plan.total_runs());
    // 3 activations x 2 dropout settings x 2 rates x 1 seed, then 6 headline runs with seed 1.
    assert_eq!(records.iter().filter(|r| r.spec.seed == 1).count(), 6);
}

#[test]
fn an_interrupted_study_resumes_and_ends_with_the_same_files() {
    let splits = stratified_split(&digits().unwrap(), BOOK_SPLIT).unwrap();
    let plan = tiny_plan();
    let dir = scratch("resume");
    run_study(&plan, &splits, &dir, 2, |_| {}).unwrap();
    let complete = files(&dir);
    // Interrupt it: keep the first 5 runs and half a line of the sixth.
    let lines: Vec<&str> = complete.0.lines().collect();
    let mut cut: String = lines[..1 + 5 * plan.epochs].iter().map(|l| format!("{l}\n")).collect();
    cut.push_str(&lines[1 + 5 * plan.epochs][..10]);
    std::fs::write(dir.join("runs.csv"), cut).unwrap();
    let mut events = Vec::new();
    run_study(&plan, &splits, &dir, 2, |event| events.push(event)).unwrap();
    assert!(events.contains(&StudyEvent::Resumed { finished: 5, total: plan.total_runs() }), "{events:?}");
    let trained = events.iter().filter(|e| matches!(e, StudyEvent::RunFinished { .. })).count();
    assert_eq!(trained, plan.total_runs() - 5);
    assert_eq!(files(&dir), complete);
}

#[test]
fn another_plans_results_start_the_study_over() {
    let splits = stratified_split(&digits().unwrap(), BOOK_SPLIT).unwrap();
    let dir = scratch("another-plan");
    let mut plan = tiny_plan();
    plan.activations.truncate(1);
    plan.dropout_rates.truncate(1);
    run_study(&plan, &splits, &dir, 1, |_| {}).unwrap();
    plan.epochs = 1;
    let mut events = Vec::new();
    let records = run_study(&plan, &splits, &dir, 1, |event| events.push(event)).unwrap();
    assert!(matches!(events[0], StudyEvent::StartingOver { .. }), "{events:?}");
    assert!(records.iter().all(|r| r.epochs.len() == 1));
}

#[test]
fn bad_options_are_errors_not_panics() {
    let splits = stratified_split(&digits().unwrap(), BOOK_SPLIT).unwrap();
    let dir = scratch("bad");
    assert!(matches!(run_study(&tiny_plan(), &splits, &dir, 0, |_| {}), Err(Chapter6Error::Invalid { .. })));
    let mut plan = tiny_plan();
    plan.activations = vec![StudyActivation::Gelu];
    assert_eq!(
        run_study(&plan, &splits, &dir, 1, |_| {}).unwrap_err().to_string(),
        "the activations must include relu, the baseline"
    );
    plan = tiny_plan();
    plan.learning_rates = vec![f64::NAN];
    assert!(matches!(run_study(&plan, &splits, &dir, 1, |_| {}), Err(Chapter6Error::Invalid { .. })));
}

#[test]
#[cfg_attr(not(feature = "slow-tests"), ignore = "the --quick plan: slow-tests (cargo course verify)")]
fn the_quick_study_runs_and_its_models_learn() {
    let splits = stratified_split(&digits().unwrap(), BOOK_SPLIT).unwrap();
    let plan = StudyPlan::quick();
    let dir = scratch("quick");
    let records = run_study(&plan, &splits, &dir, 2, |_| {}).unwrap();
    assert_eq!(records.len(), plan.total_runs());
    for record in &records {
        // Three epochs of Adam at 1e-3 take every activation well below chance (ln 10 = 2.30).
        if record.spec.learning_rate == 1e-3 {
            assert!(record.last().validation_loss < 1.0, "{}: {:?}", record.spec.describe(), record.last());
        }
    }
}
