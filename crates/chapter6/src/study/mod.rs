//! The study: which runs ([`StudyPlan`]), one run ([`run_one`]), the learning-rate choice
//! ([`choose_rates`]), the results files (`runs.csv` with [`RUNS_HEADER`], `noise.csv` with
//! [`NOISE_HEADER`]) and the whole study in parallel with resume ([`run_study`]).

mod execute;
mod plan;
mod records;
mod run;
mod selection;

pub use execute::{StudyEvent, run_study};
pub use plan::{RunSpec, StudyActivation, StudyPlan};
pub(crate) use records::parse_records;
pub use records::{NOISE_HEADER, RUNS_HEADER};
pub use run::{EpochRecord, RunRecord, run_one, run_with};
pub use selection::{ChosenRate, choose_rates, median, quantile};
