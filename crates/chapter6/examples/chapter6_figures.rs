//! `cargo run -p chapter6 --example chapter6_figures` draws this chapter's figures into
//! book/figures/ from the committed study (book/data/chapter6/); `cargo course figures` runs this
//! example for every chapter crate. To rerun the study itself: `cargo course study`.

fn main() -> std::process::ExitCode {
    house_style::write_book_figures(chapter6::figures::all())
}
