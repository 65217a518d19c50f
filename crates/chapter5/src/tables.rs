//! The chapter's committed tables, compiled in so the page's code blocks read them as data
//! (a path in `include_str!` inside a page would resolve differently in merged doctests).

/// The training-epoch benchmark of the 8x128 network, `book/benchmarks/network_epoch.md`, written
/// by `cargo course bench-report` from a criterion run (the machine is named in the table).
pub const NETWORK_EPOCH_TABLE: &str = include_str!("../../../book/benchmarks/network_epoch.md");

/// The learning experiment's results, `book/benchmarks/ch5-learning.md`, written and checked by
/// the `chapter5_results` example (see [`crate::learning::results_table`]).
pub const LEARNING_TABLE: &str = include_str!("../../../book/benchmarks/ch5-learning.md");
