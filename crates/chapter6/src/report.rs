//! What the study's results say: the chosen learning rates, the final test errors, the paired
//! comparisons with ReLU, the noise robustness and the loss curves, computed from the runs (the
//! committed `book/data/chapter6/runs.csv` for the book) and written as the chapter's Markdown
//! tables. Figures draw from the same functions (`figures.rs`).

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::statistics::{PairedComparison, bonferroni, paired_comparison};
use crate::study::{
    ChosenRate, RunRecord, StudyActivation, StudyPlan, choose_rates, parse_records, quantile,
};
use crate::{Chapter6Error, median};

/// The folder of the committed results: `book/data/chapter6/`.
///
/// ```
/// let dir = chapter6::report::committed_results_dir();
/// assert!(dir.join("runs.csv").is_file() && dir.ends_with("book/data/chapter6"));
/// ```
pub fn committed_results_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../book/data/chapter6"))
}

/// The committed study's runs (`runs.csv` and `noise.csv` in [`committed_results_dir`]), read
/// for [`StudyPlan::full`].
///
/// Errors: [`Chapter6Error::Io`] if a file is missing, and the errors of
/// the results files' parser (a line that does not parse is named).
///
/// ```
/// let records = chapter6::report::committed_records()?;
/// assert_eq!(records.len(), chapter6::StudyPlan::full().total_runs());
/// assert!(records.iter().all(|r| r.epochs.len() == 50));
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn committed_records() -> Result<Vec<RunRecord>, Chapter6Error> {
    let dir = committed_results_dir();
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| Chapter6Error::io(&path, &e))
    };
    let plan = StudyPlan::full();
    parse_records(&read("runs.csv")?, &read("noise.csv")?, plan.epochs, plan.noise_levels.len())
}

/// The study's results, organised: the plan, the chosen rates and the runs.
///
/// ```
/// use chapter6::StudyActivation::{Gelu, Relu};
/// use chapter6::report::{Results, committed_records};
/// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
/// assert_eq!(results.chosen.len(), 16); // 8 activations x 2 dropout settings
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Results {
    /// The plan the runs belong to.
    pub plan: StudyPlan,
    /// Every run.
    pub records: Vec<RunRecord>,
    /// The learning rate of each activation and dropout setting.
    pub chosen: Vec<ChosenRate>,
}

/// The quartiles of a set of values: `(q25, median, q75)`.
///
/// ```
/// use chapter6::StudyActivation::{Gelu, Relu};
/// use chapter6::report::{Results, committed_records};
/// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
/// let (q25, median, q75): chapter6::report::Quartiles = results.curve(Gelu, 0.0, |e| e.validation_loss)[49];
/// assert!(q25 <= median && median <= q75);
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub type Quartiles = (f64, f64, f64);

fn quartiles(values: &[f64]) -> Quartiles {
    let q = |p| quantile(values, p).unwrap_or(f64::NAN);
    (q(0.25), q(0.5), q(0.75))
}

impl Results {
    /// Organises `records` of `plan` (the learning rates are chosen with
    /// [`crate::choose_rates`]).
    ///
    /// ```
    /// use chapter6::StudyActivation::{Gelu, Relu};
    /// use chapter6::report::{Results, committed_records};
    /// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
    /// assert_eq!(results.records.len(), 256);
    /// # Ok::<(), chapter6::Chapter6Error>(())
    /// ```
    pub fn new(plan: StudyPlan, records: Vec<RunRecord>) -> Self {
        let chosen = choose_rates(&plan, &records);
        Self { plan, records, chosen }
    }

    /// The chosen learning rate of `activation` at `dropout`.
    ///
    /// ```
    /// use chapter6::StudyActivation::{Gelu, Relu};
    /// use chapter6::report::{Results, committed_records};
    /// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
    /// assert!(results.plan.learning_rates.contains(&results.rate(Gelu, 0.0)));
    /// assert!(results.rate(Gelu, 0.25).is_nan()); // not a dropout setting of the plan
    /// # Ok::<(), chapter6::Chapter6Error>(())
    /// ```
    pub fn rate(&self, activation: StudyActivation, dropout: f64) -> f64 {
        self.chosen
            .iter()
            .find(|c| c.activation == activation && c.dropout == dropout)
            .map_or(f64::NAN, |c| c.learning_rate)
    }

    /// The headline runs of `activation` at `dropout`: the chosen rate, seeds `0..plan.seeds`, in
    /// seed order.
    ///
    /// ```
    /// use chapter6::StudyActivation::{Gelu, Relu};
    /// use chapter6::report::{Results, committed_records};
    /// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
    /// let runs = results.headline(Relu, 0.0);
    /// assert_eq!(runs.iter().map(|r| r.spec.seed).collect::<Vec<_>>(), (0..10).collect::<Vec<u64>>());
    /// # Ok::<(), chapter6::Chapter6Error>(())
    /// ```
    pub fn headline(&self, activation: StudyActivation, dropout: f64) -> Vec<&RunRecord> {
        let rate = self.rate(activation, dropout);
        let mut runs: Vec<&RunRecord> = self
            .records
            .iter()
            .filter(|r| {
                r.spec.activation == activation
                    && r.spec.dropout == dropout
                    && r.spec.learning_rate == rate
                    && r.spec.seed < self.plan.seeds
            })
            .collect();
        runs.sort_by_key(|r| r.spec.seed);
        runs
    }

    /// Final test errors of the headline runs of `activation` at `dropout`, in seed order.
    ///
    /// ```
    /// use chapter6::StudyActivation::{Gelu, Relu};
    /// use chapter6::report::{Results, committed_records};
    /// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
    /// let errors = results.final_test_errors(Gelu, 0.0);
    /// assert_eq!(errors.len(), 10);
    /// assert!(errors.iter().all(|e| (0.0..=1.0).contains(e)));
    /// # Ok::<(), chapter6::Chapter6Error>(())
    /// ```
    pub fn final_test_errors(&self, activation: StudyActivation, dropout: f64) -> Vec<f64> {
        self.headline(activation, dropout).iter().map(|r| r.last().test_error).collect()
    }

    /// The paired comparison of `activation` with ReLU at `dropout`, on final test errors
    /// (differences `activation - ReLU`, per seed), with a 95% interval.
    ///
    /// Errors: those of [`paired_comparison`] (missing seeds make the lengths differ; a
    /// diverged run is NaN).
    ///
    /// ```
    /// use chapter6::StudyActivation::{Gelu, Relu};
    /// use chapter6::report::{Results, committed_records};
    /// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
    /// let gelu = results.against_relu(Gelu, 0.0)?;
    /// assert_eq!(gelu.n, 10);
    /// assert!(gelu.interval.0 < gelu.mean && gelu.mean < gelu.interval.1);
    /// # Ok::<(), chapter6::Chapter6Error>(())
    /// ```
    pub fn against_relu(
        &self,
        activation: StudyActivation,
        dropout: f64,
    ) -> Result<PairedComparison, Chapter6Error> {
        let relu = self.final_test_errors(StudyActivation::Relu, dropout);
        paired_comparison(&self.final_test_errors(activation, dropout), &relu, 0.95)
    }

    /// How many comparisons with ReLU the chapter makes: every other activation, at every dropout
    /// setting.
    ///
    /// ```
    /// use chapter6::StudyActivation::{Gelu, Relu};
    /// use chapter6::report::{Results, committed_records};
    /// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
    /// assert_eq!(results.comparisons(), 14); // 7 activations against ReLU, with and without dropout
    /// # Ok::<(), chapter6::Chapter6Error>(())
    /// ```
    pub fn comparisons(&self) -> usize {
        (self.plan.activations.len() - 1) * self.plan.dropout_rates.len()
    }

    /// Quartiles over the headline seeds of `metric(epoch record)`, epoch by epoch.
    ///
    /// ```
    /// use chapter6::StudyActivation::{Gelu, Relu};
    /// use chapter6::report::{Results, committed_records};
    /// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
    /// let curve = results.curve(Relu, 0.0, |e| e.train_loss);
    /// assert_eq!(curve.len(), 50);
    /// assert!(curve[49].1 < curve[0].1); // the median training loss falls
    /// # Ok::<(), chapter6::Chapter6Error>(())
    /// ```
    pub fn curve(
        &self,
        activation: StudyActivation,
        dropout: f64,
        metric: impl Fn(&crate::EpochRecord) -> f64,
    ) -> Vec<Quartiles> {
        let runs = self.headline(activation, dropout);
        (0..self.plan.epochs)
            .map(|epoch| {
                let values: Vec<f64> = runs.iter().map(|r| metric(&r.epochs[epoch])).collect();
                quartiles(&values)
            })
            .collect()
    }

    /// Quartiles over the headline seeds of the test error with noise `U[-a, a]`, for each noise
    /// level `a` of the plan.
    ///
    /// ```
    /// use chapter6::StudyActivation::{Gelu, Relu};
    /// use chapter6::report::{Results, committed_records};
    /// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
    /// let noise = results.noise_curve(Gelu, 0.0);
    /// assert_eq!(noise.len(), 7);
    /// assert!(noise[6].1.1 > noise[0].1.1); // more noise, more errors
    /// # Ok::<(), chapter6::Chapter6Error>(())
    /// ```
    pub fn noise_curve(&self, activation: StudyActivation, dropout: f64) -> Vec<(f64, Quartiles)> {
        let runs = self.headline(activation, dropout);
        self.plan
            .noise_levels
            .iter()
            .enumerate()
            .map(|(i, &a)| {
                let values: Vec<f64> =
                    runs.iter().map(|r| r.noise.get(i).map_or(f64::NAN, |n| n.1)).collect();
                (a, quartiles(&values))
            })
            .collect()
    }
}

/// A percentage with one decimal: `0.0361 -> "3.6"`.
fn percent(x: f64) -> String {
    if x.is_nan() { "n/a".into() } else { format!("{:.1}", 100.0 * x) }
}

/// A p-value for a table: three significant digits, or `< 0.001`.
pub(crate) fn p_value_text(p: f64) -> String {
    if p.is_nan() {
        "n/a".into()
    } else if p < 0.001 {
        "< 0.001".into()
    } else {
        format!("{p:.3}")
    }
}

/// The dropout setting as the tables write it.
fn dropout_text(dropout: f64) -> String {
    if dropout == 0.0 { "none".into() } else { format!("{dropout}") }
}

/// Markdown: the learning rate chosen for each activation and dropout setting, with the median
/// final validation loss of each rate tried.
pub(crate) fn learning_rate_table(results: &Results) -> String {
    let rates = &results.plan.learning_rates;
    let mut text = String::from("| activation | dropout | chosen rate |");
    for rate in rates {
        let _ = write!(text, " val. loss at {rate} |");
    }
    text.push_str("\n| --- | --- | ---: |");
    text.push_str(&" ---: |".repeat(rates.len()));
    text.push('\n');
    for chosen in &results.chosen {
        let _ = write!(
            text,
            "| {} | {} | {} |",
            chosen.activation.label(),
            dropout_text(chosen.dropout),
            chosen.learning_rate
        );
        for (_, loss) in &chosen.median_validation_loss {
            let _ = write!(text, " {} |", loss.map_or("n/a".into(), |l| format!("{l:.4}")));
        }
        text.push('\n');
    }
    text
}

/// Markdown: final test error (%) per activation and dropout setting over the headline seeds
/// (median, interquartile range, minimum and maximum), and the paired comparison with ReLU.
pub(crate) fn test_error_table(results: &Results) -> Result<String, Chapter6Error> {
    let mut text = String::from(
        "| activation | dropout | median test error (%) | IQR (%) | range (%) | mean difference vs ReLU (points) | 95% interval | t-test p | sign-flip p | seeds better / worse / tied |\n\
         | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for &dropout in &results.plan.dropout_rates {
        for &activation in &results.plan.activations {
            let errors = results.final_test_errors(activation, dropout);
            let (q25, q50, q75) = quartiles(&errors);
            let min = errors.iter().copied().fold(f64::INFINITY, f64::min);
            let max = errors.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let _ = write!(
                text,
                "| {} | {} | {} | {} - {} | {} - {} |",
                activation.label(),
                dropout_text(dropout),
                percent(q50),
                percent(q25),
                percent(q75),
                percent(min),
                percent(max)
            );
            if activation == StudyActivation::Relu {
                text.push_str(" (baseline) | | | | |\n");
                continue;
            }
            let c = results.against_relu(activation, dropout)?;
            let _ = writeln!(
                text,
                " {:+.2} | {:+.2} to {:+.2} | {} | {} | {} / {} / {} |",
                100.0 * c.mean,
                100.0 * c.interval.0,
                100.0 * c.interval.1,
                p_value_text(c.t_test_p),
                p_value_text(c.sign_flip_p),
                c.wins,
                c.losses,
                c.ties
            );
        }
    }
    let _ = write!(
        text,
        "\n*{} comparisons with ReLU; with Bonferroni's correction a p-value must be below {:.4} to count at the 5% level.*\n",
        results.comparisons(),
        bonferroni(0.05, results.comparisons())
    );
    Ok(text)
}

/// Markdown: median test error (%) with noise `U[-a, a]` added to the test inputs, per
/// activation (rows) and noise level (columns), for one dropout setting.
pub(crate) fn noise_table(results: &Results, dropout: f64) -> String {
    let mut text = String::from("| activation |");
    for a in &results.plan.noise_levels {
        let _ = write!(text, " a = {a} |");
    }
    text.push_str("\n| --- |");
    text.push_str(&" ---: |".repeat(results.plan.noise_levels.len()));
    text.push('\n');
    for &activation in &results.plan.activations {
        let _ = write!(text, "| {} |", activation.label());
        for (_, (_, m, _)) in results.noise_curve(activation, dropout) {
            let _ = write!(text, " {} |", percent(m));
        }
        text.push('\n');
    }
    text
}

/// The median final test error of `activation` at `dropout` (a number the page quotes).
///
/// ```
/// use chapter6::StudyActivation::{Gelu, Relu};
/// use chapter6::report::{Results, committed_records};
/// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
/// let relu = chapter6::report::median_test_error(&results, Relu, 0.0);
/// assert!(relu > 0.0 && relu < 0.05);
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn median_test_error(results: &Results, activation: StudyActivation, dropout: f64) -> f64 {
    median(&results.final_test_errors(activation, dropout)).unwrap_or(f64::NAN)
}

/// The chapter's tables, by file name: `learning-rates.md`, `test-errors.md`, and
/// `noise-<dropout>.md` for each dropout setting.
///
/// Errors: [`Chapter6Error::Invalid`] if a headline comparison cannot be made (a missing or
/// diverged run).
///
/// ```
/// use chapter6::StudyActivation::{Gelu, Relu};
/// use chapter6::report::{Results, committed_records};
/// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
/// let tables = chapter6::report::tables(&results)?;
/// let names: Vec<&str> = tables.iter().map(|(name, _)| name.as_str()).collect();
/// assert_eq!(names, ["learning-rates.md", "test-errors.md", "noise-0.md", "noise-0.5.md"]);
/// assert!(tables[1].1.starts_with("| activation | dropout | median test error (%) |"));
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn tables(results: &Results) -> Result<Vec<(String, String)>, Chapter6Error> {
    let mut tables = vec![
        ("learning-rates.md".to_owned(), learning_rate_table(results)),
        ("test-errors.md".to_owned(), test_error_table(results)?),
    ];
    for &dropout in &results.plan.dropout_rates {
        tables.push((format!("noise-{dropout}.md"), noise_table(results, dropout)));
    }
    Ok(tables)
}

/// Writes [`tables`] into `dir`, returning the paths written.
///
/// Errors: those of [`tables`], and [`Chapter6Error::Io`] if a file cannot be written.
///
/// ```
/// use chapter6::StudyActivation::{Gelu, Relu};
/// use chapter6::report::{Results, committed_records};
/// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
/// let dir = std::env::temp_dir().join("chapter6-write-tables-example");
/// std::fs::create_dir_all(&dir).unwrap();
/// let written = chapter6::report::write_tables(&results, &dir)?;
/// assert_eq!(written.len(), 4);
/// assert_eq!(std::fs::read_to_string(&written[0]).unwrap(), chapter6::report::tables(&results)?[0].1);
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn write_tables(results: &Results, dir: &std::path::Path) -> Result<Vec<PathBuf>, Chapter6Error> {
    let mut written = Vec::new();
    for (name, text) in tables(results)? {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| Chapter6Error::io(&path, &e))?;
        written.push(path);
    }
    Ok(written)
}
